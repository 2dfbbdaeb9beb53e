package dev.migrate.analyzers.sources.cron;

import dev.migrate.rewriters.crontab.CrontabFile;
import dev.migrate.rewriters.crontab.CrontabFormat;
import dev.migrate.rewriters.crontab.CrontabLine;
import java.util.Set;

/**
 * Tells a saved crontab in system format (each line names the user to run as, as in /etc/cron.d) from a user
 * crontab, for files whose path does not say: a {@code crontab} file in a repository that a Dockerfile copies
 * into /etc/cron.d. Read as a user crontab, {@code 15 3 * * * root cd /app && ...} would run a command named
 * {@code root}.
 */
final class UserFields {
    /**
     * Accounts that jobs run as and that no command is named after. A wider test (any user-like word) would take a
     * user crontab's {@code 0 3 * * * backup /srv/data} (a script named backup) for a system line; accounts named
     * like their tools ({@code prefect}, {@code airflow}, {@code mysql}) are left out for the same reason.
     */
    private static final Set<String> ACCOUNTS = Set.of("root", "www-data", "nobody", "daemon", "ubuntu", "ec2-user",
            "centos", "debian", "admin", "app", "etl", "jenkins");

    private UserFields() {
    }

    /** Whether the text reads as a system crontab whose every entry runs, as one of {@link #ACCOUNTS}, a command. */
    static boolean inEveryEntry(String text) {
        boolean any = false;
        for (CrontabLine line : CrontabFile.parse(text, CrontabFormat.SYSTEM).lines()) {
            if (line instanceof CrontabLine.Unparsed) {
                return false;
            }
            if (line instanceof CrontabLine.Entry e) {
                if (!ACCOUNTS.contains(e.user()) || e.command().isBlank()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
