package dev.migrate.analyzers.sources.cron;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.schedule.ScheduleCheck;

/**
 * When a crontab line that starts a Prefect deployment fires, as CRN011 says it, and the schedule the deployment takes
 * instead. A line without CRON_TZ fires in the host's zone, the one the scan reads it in ({@code --host-zone}, the
 * tree's zone files, else UTC): named as {@code (ZONE)}, so that the scan's pass over zones nothing named marks it
 * assumed, and given to the schedule, since a Prefect schedule without a timezone runs in UTC, not in the host's zone.
 *
 * @param when     {@code on '0 2 * * *' in the host's zone (Europe/Berlin), no CRON_TZ}, or the schedule described
 * @param schedule the deployment's schedule as prefect.yaml writes it; null for one that is no cron line (anacron)
 */
record CronRunSchedule(String when, String schedule) {
    static CronRunSchedule of(ScheduleSpec spec, ScheduleCheck check) {
        String hostZone = check.hostZone().getId();
        if (spec.form() != ScheduleSpec.Form.CRON_UNIX) {
            return new CronRunSchedule("as " + check.interpret(spec).describe(), null);
        }
        String zone = spec.timezone() == null ? "the host's zone (" + hostZone + "), no CRON_TZ" : spec.timezone();
        return new CronRunSchedule("on '" + spec.expression() + "' in " + zone, "schedules: [{cron: \""
                + spec.expression() + "\", timezone: \"" + (spec.timezone() == null ? hostZone : spec.timezone()) + "\"}]");
    }
}
