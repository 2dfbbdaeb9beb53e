package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.model.ScheduleSpec;
import java.util.List;

/**
 * How the findings of in-process and JVM schedulers (PYS001, PYS002, JAV001, JAV010) show a schedule: its expression in
 * parentheses, then the zone its source names when the zone decides when it fires, {@code (0 0 2 * * *) (Europe/Paris)},
 * as a crontab line's finding ends in its {@code CRON_TZ} zone. A schedule that names none shows no zone here: the host
 * zone it is read in is written after it later, once known ({@code (UTC, assumed: ...)} when only assumed).
 */
public final class ShownSchedules {
    private ShownSchedules() {
    }

    /** {@code (EXPRESSION)}, followed by {@code  (ZONE)} when the schedule names a zone that moves its fire times. */
    public static String of(ScheduleSpec spec) {
        return "(" + spec.expression() + ")" + zone(spec);
    }

    /** {@code  (ZONE)} when the schedule names a zone that moves its fire times (not an interval's), else "". */
    public static String zone(ScheduleSpec spec) {
        String zone = spec.timezone();
        return zone == null || zone.isBlank() || !spec.dependsOnZone() ? "" : " (" + zone.strip() + ")";
    }

    /**
     * A finding's {@code message} with each schedule its detector showed ({@link #of}) shown as it now is, once a later
     * pass has read it in another zone (a systemd service's {@code TZ}, a JVM's default zone): {@code before} and
     * {@code after} are the job's schedules then and now, in the same order, and each is looked for after the one
     * before it, so two equal schedules are each replaced once. A schedule the message does not show as written (a
     * disabled method's {@code (disabled)}) is left as it is; the message is unchanged when no shown schedule changed.
     */
    public static String reshown(String message, List<ScheduleSpec> before, List<ScheduleSpec> after) {
        StringBuilder out = new StringBuilder(message);
        int from = 0;
        for (int k = 0; k < before.size() && k < after.size(); k++) {
            String was = of(before.get(k));
            String now = of(after.get(k));
            int at = out.indexOf(was, from);
            if (at < 0) {
                continue;
            }
            out.replace(at, at + was.length(), now);
            from = at + now.length();
        }
        return out.toString();
    }
}
