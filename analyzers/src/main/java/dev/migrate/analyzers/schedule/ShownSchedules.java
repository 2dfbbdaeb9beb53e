package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.model.ScheduleSpec;

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
}
