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

    /**
     * What an account name can be (POSIX's portable names, with '@' for directory accounts and the '$' Samba machine
     * accounts end with); a word with '/' or shell punctuation is a command read as the user.
     */
    private static final java.util.regex.Pattern USER = java.util.regex.Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@-]*\\$?");

    private UserFields() {
    }

    /**
     * Whether the user word of a system crontab line can name an account; a shell parameter ({@code ${CRON_USER}},
     * filled in where the crontab is written) is given the benefit of the doubt.
     */
    static boolean couldBeUser(String word) {
        return word != null && (USER.matcher(word).matches() || word.startsWith("$"));
    }

    /**
     * A system crontab line whose user word is a command ({@code 30 2 * * * /opt/x.sh --flag} in /etc/cron.d, a line
     * copied from a user crontab): cron looks the word up as an account, finds none and skips the line (Debian's cron
     * logs "bad username", cronie "getpwnam() failed"), so no job runs as written.
     */
    static String missingUser(CrontabLine.Entry e) {
        String word = e.user();
        return "the user column seems missing: " + word + " is read as the user, and no account can have that name, "
                + "so cron skips the line; a system crontab (/etc/crontab, /etc/cron.d) names the user that runs the job "
                + "after the schedule: write it before the command, as in `" + e.schedule() + " root " + word + " "
                + dev.migrate.analyzers.model.Redactor.redact(e.commandText()) + "`";
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
