package dev.migrate.rewriters.crontab;

/** Which crontab dialect a file is written in; it decides how many words precede the command. */
public enum CrontabFormat {
    /** {@code crontab -l} output: five time fields (or one {@code @} macro), then the command. */
    USER(5, false),
    /** {@code /etc/crontab} and {@code /etc/cron.d/*}: time fields, a user name, then the command. */
    SYSTEM(5, true),
    /** {@code /etc/anacrontab}: period in days (or {@code @monthly}), delay in minutes, job identifier, command. */
    ANACRON(3, false);

    private final int timeFields;
    private final boolean hasUser;

    CrontabFormat(int timeFields, boolean hasUser) {
        this.timeFields = timeFields;
        this.hasUser = hasUser;
    }

    /** Number of words before the user field (or the command) when the schedule is written out. */
    int fieldsFor(String firstWord) {
        if (this != ANACRON && firstWord.startsWith("@")) {
            return 1;
        }
        return timeFields;
    }

    public boolean hasUser() {
        return hasUser;
    }
}
