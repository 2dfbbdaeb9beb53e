package dev.migrate.analyzers.activity;

import java.time.ZonedDateTime;

/**
 * A run of a scheduled job as a log records it.
 *
 * @param source  which scheduler wrote it
 * @param user    the user cron ran the command as; null for the others
 * @param subject what ran: cron's command text, a systemd unit name ({@code x.service}), an anacron job identifier,
 *                the path of a script run-parts ran ({@code /etc/cron.daily/logrotate})
 * @param failed  whether the log says the run failed (systemd and anacron say so; cron does not)
 */
record RunEvent(String file, int line, ZonedDateTime at, Source source, String user, String subject, boolean failed) {
    enum Source {
        CRON, ANACRON, SYSTEMD, RUN_PARTS
    }
}
