package dev.migrate.analyzers.sources.cron;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a saved crontab in system format (each line names the user to run as, as in /etc/cron.d) from a user
 * crontab, for files whose path does not say: a {@code crontab} file in a repository that a Dockerfile copies
 * into /etc/cron.d. Read as a user crontab, {@code 15 3 * * * root cd /app && ...} would run a command named
 * {@code root}.
 */
final class UserFields {
    private static final Pattern ENV_SETTING = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\s*=.*");
    /**
     * Accounts that jobs run as and that no command is named after. A wider test (any user-like word) would take a
     * user crontab's {@code 0 3 * * * backup /srv/data} (a script named backup) for a system line; accounts named
     * like their tools ({@code prefect}, {@code airflow}, {@code mysql}) are left out for the same reason.
     */
    private static final Set<String> ACCOUNTS = Set.of("root", "www-data", "nobody", "daemon", "ubuntu", "ec2-user",
            "centos", "debian", "admin", "app", "etl", "jenkins");

    private UserFields() {
    }

    /** Whether every entry names one of {@link #ACCOUNTS} after its schedule, with a command after it. */
    static boolean inEveryEntry(String text) {
        boolean any = false;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || ENV_SETTING.matcher(line).matches()) {
                continue;
            }
            String[] words = line.split("\\s+");
            int schedule = words[0].startsWith("@") ? 1 : 5;
            if (words.length < schedule + 2 || !ACCOUNTS.contains(words[schedule])) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
