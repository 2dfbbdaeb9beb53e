package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.model.ScheduleSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Interprets a found schedule and proves its Prefect translation; shared by the cron and systemd detectors so
 * that both word "not exact" the same way.
 */
public final class ScheduleCheck {
    private final ZoneId hostZone;
    private final Instant now;

    public ScheduleCheck(ZoneId hostZone, Instant now) {
        this.hostZone = hostZone;
        this.now = now;
    }

    /**
     * For detectors built by the service loader: the host zone comes from {@code -Dmigrate.hostZone} (default
     * UTC), since crontabs and calendars without a zone run in the host's, and proofs start now, or at
     * {@code -Dmigrate.now} (an ISO instant) so that reports of a fixed tree can be compared byte for byte.
     */
    public static ScheduleCheck fromSystemProperties() {
        String now = System.getProperty("migrate.now");
        return new ScheduleCheck(ZoneId.of(System.getProperty("migrate.hostZone", "UTC")),
                now == null ? Clock.systemUTC().instant() : Instant.parse(now));
    }

    /** The schedule, or an {@link Schedule.Unknown} carrying the syntax error. */
    public Schedule interpret(ScheduleSpec spec) {
        try {
            return Schedules.interpret(spec, hostZone);
        } catch (ScheduleSyntaxException e) {
            return new Schedule.Unknown(e.getMessage());
        }
    }

    public Translation translate(Schedule s) {
        return PrefectTranslator.translate(s, TimerOptions.NONE, now);
    }

    /** Why the translation is not exact, in one sentence; null when it is exact or has no target at all. */
    public String inexactness(ScheduleSpec spec) {
        Schedule s = interpret(spec);
        if (s instanceof Schedule.Unknown || s instanceof Schedule.AtBoot || s instanceof Schedule.EventDriven) {
            return null;
        }
        Translation t = translate(s);
        if (t.exact()) {
            return null;
        }
        if (!t.reasons().isEmpty()) {
            return String.join("; ", t.reasons());
        }
        return t.proof() == null ? null : t.proof().explanation();
    }

    public ZoneId hostZone() {
        return hostZone;
    }
}
