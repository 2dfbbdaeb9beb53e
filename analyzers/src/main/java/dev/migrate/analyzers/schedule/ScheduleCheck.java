package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.model.ScheduleSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interprets a found schedule and proves its Prefect translation; shared by the cron and systemd detectors so
 * that both word "not exact" the same way.
 */
public final class ScheduleCheck {
    private final ZoneId hostZone;
    private final Instant now;
    /**
     * Large trees repeat the same few schedules thousands of times and a proof walks 50 fire times across a DST
     * change, so each distinct schedule is interpreted and proven once per check (the location plays no part).
     */
    private final Map<Key, Schedule> interpreted = new ConcurrentHashMap<>();
    private final Map<Translating, Translation> translated = new ConcurrentHashMap<>();

    private record Translating(Schedule schedule, ScheduleOrigin origin) {
    }

    private record Key(ScheduleSpec.Form form, String expression, String timezone, boolean croniterDays) {
    }

    public ScheduleCheck(ZoneId hostZone, Instant now) {
        this.hostZone = hostZone;
        this.now = now;
    }

    /**
     * The check that reads schedules naming no zone in {@code zone} (a scan's detectors get it from the scan's options,
     * readers after the scan from its inventory's {@link dev.migrate.analyzers.scan.Inventory#hostZone}),
     * with proofs starting at the scan's instant ({@link #beginScan}), or at {@code -Dmigrate.now} (an ISO instant) so
     * that reports of a fixed tree can be compared byte for byte.
     */
    public static ScheduleCheck inZone(ZoneId zone) {
        return inZone(zone, Clock.systemUTC());
    }

    /** {@link #inZone(ZoneId)} with the clock read when no scan has begun yet (tests move it). */
    static ScheduleCheck inZone(ZoneId zone, Clock clock) {
        Instant now = scanInstant(clock);
        ScheduleCheck s = shared;
        if (s == null || !s.hostZone.equals(zone) || !s.now.equals(now)) {
            s = new ScheduleCheck(zone, now);
            shared = s;
        }
        return s;
    }

    /**
     * Takes the instant every check of the scan starting now proves from: read once here, not on each {@link #inZone}
     * call, so that a scan crossing a minute boundary neither starts fresh checks (proving its schedules again) nor
     * writes a report from another instant than its detectors used. The scanner calls it before it makes its detectors.
     */
    public static void beginScan() {
        beginScan(Clock.systemUTC());
    }

    static void beginScan(Clock clock) {
        scanStart = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    }

    /** {@code -Dmigrate.now} when set, else the scan's instant, taken from {@code clock} on first use if no scan began. */
    private static Instant scanInstant(Clock clock) {
        String fixed = System.getProperty("migrate.now");
        if (fixed != null) {
            return Instant.parse(fixed);
        }
        Instant start = scanStart;
        if (start == null) {
            synchronized (ScheduleCheck.class) {
                if (scanStart == null) {
                    beginScan(clock);
                }
                start = scanStart;
            }
        }
        return start;
    }

    private static volatile ScheduleCheck shared;
    /** The current scan's instant, to the minute; null until a scan begins or a check is first asked for. */
    private static volatile Instant scanStart;

    /** The schedule, or an {@link Schedule.Unknown} carrying the syntax error. */
    public Schedule interpret(ScheduleSpec spec) {
        return interpreted.computeIfAbsent(new Key(spec.form(), spec.expression(), spec.timezone(), Schedules.croniterDays(spec)), k -> parse(spec));
    }

    private Schedule parse(ScheduleSpec spec) {
        try {
            return Schedules.interpret(spec, hostZone);
        } catch (ScheduleSyntaxException e) {
            return new Schedule.Unknown(e.getMessage());
        }
    }

    /** A legacy job's schedule. */
    public Translation translate(Schedule s) {
        return translate(s, ScheduleOrigin.LEGACY_JOB);
    }

    public Translation translate(Schedule s, ScheduleOrigin origin) {
        Translating key = new Translating(s, origin);
        Translation known = translated.get(key);
        if (known != null) {
            return known;
        }
        // Not computeIfAbsent: a proof is long, and other threads need not wait on this map's bin meanwhile.
        Translation t = PrefectTranslator.translate(s, TimerOptions.NONE, now, origin);
        translated.putIfAbsent(key, t);
        return t;
    }

    /**
     * Why the translation is not exact, in one sentence; null when it is exact or has no target at all. A schedule whose
     * source leaves what its fire times depend on unknown ({@link ScheduleSpec#unproven}) is never exact, whatever the
     * proof of its reading without it found: the sentence says what is unknown, then anything else the proof found.
     */
    public String inexactness(ScheduleSpec spec) {
        Schedule s = interpret(spec);
        if (s instanceof Schedule.Unknown || s instanceof Schedule.AtBoot || s instanceof Schedule.EventDriven) {
            return null;
        }
        Translation t = translate(s);
        String why = t.exact() ? null : !t.reasons().isEmpty() ? String.join("; ", t.reasons())
                : t.proof() == null ? null : t.proof().explanation();
        if (t.exact() && t.proof() != null && t.proof().explanation().startsWith(ScheduleProver.NEVER_FIRES)) {
            // both sides agree on no runs at all: exact, but a job that never runs (0 4 31 2 *, the usual way to switch
            // a cron job off) is a decision to make, not a schedule to copy
            why = "the job never runs: " + t.proof().explanation() + "; keep it off (a paused deployment) or delete it";
        }
        if (spec.unproven() != null) {
            return "not proven, " + spec.unproven() + (why == null ? "" : "; read without it, " + why);
        }
        return why;
    }

    public ZoneId hostZone() {
        return hostZone;
    }

    /** The time proofs start from: now, or {@code -Dmigrate.now}. */
    public Instant now() {
        return now;
    }
}
