package dev.migrate.analyzers.sources.cron;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A crontab line whose schedule is a shell parameter with a default, {@code ${ETL_SCHEDULE:-0 3 * * *} /app/etl.sh},
 * as an entrypoint's unquoted here-document or a crontab template writes it: the shell puts the variable's value
 * there, or the default when it is unset ({@code ${VAR-x}}) or also empty ({@code ${VAR:-x}}, {@code ${VAR:=x}}).
 * The default is the likely schedule, not a proven one: where the crontab is written the variable may be set.
 *
 * @param variable the parameter's name
 * @param fallback the default schedule as written
 * @param written  the whole {@code ${...}} as written
 * @param line     the line as it reads with the default in place of the parameter (the indent kept)
 */
record TemplatedSchedule(String variable, String fallback, String written, String line) {
    private static final Pattern PARAMETER = Pattern.compile(
            "([ \\t]*)(\\$\\{([A-Za-z_][A-Za-z0-9_]*):?[-=]([^}]*)})([ \\t]+.*)");

    /** The parameter that stands for the line's schedule, when it has a non-blank default; empty otherwise. */
    static Optional<TemplatedSchedule> of(String content) {
        Matcher m = PARAMETER.matcher(content);
        if (!m.matches() || m.group(4).isBlank()) {
            return Optional.empty();
        }
        String fallback = m.group(4).strip();
        return Optional.of(new TemplatedSchedule(m.group(3), fallback, m.group(2), m.group(1) + fallback + m.group(5)));
    }

    /** What the schedule read from the default leaves unproven. */
    String unproven() {
        return "the line's schedule is the shell variable ${" + variable + "}, filled in where the crontab is written; "
                + "read as its default '" + fallback + "'";
    }

    /** The CRN005 message: where the schedule comes from, and its default as the likely schedule. */
    String problem() {
        return "the schedule is the shell variable ${" + variable + "}, which the script expands when it runs; its "
                + "default, '" + fallback + "', is the likely schedule (not proven: the variable may be set where the "
                + "crontab is written): confirm its value (environment, .env file, deployment config) before migrating "
                + "this job";
    }
}
