package dev.migrate.analyzers.report;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.schedule.Schedule;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.schedule.ScheduleOrigin;
import dev.migrate.analyzers.schedule.ScheduleProof;
import dev.migrate.analyzers.schedule.Translation;
import java.util.Map;

/**
 * What every report shows for one schedule: its human description and its Prefect 3 translation with the
 * result of the fire-time proof (exact, or the first differing fire time and why).
 *
 * @param prefect         the Prefect 3 schedule, or null when there is none (boot, event, unreadable)
 * @param exact           null when there is no translation
 * @param compared        fire times compared by the proof (0 without one)
 * @param sourceAt        the first source fire time that differs, or null
 * @param prefectAt       the Prefect fire time at that position, or null
 * @param reason          why it is not exact (or has no translation); for an exact one, what the proof cannot show
 *                        (an interval's phase), else null
 * @param unproven        what the source leaves unknown that the fire times depend on ({@link ScheduleSpec#unproven}):
 *                        the proof compared the schedule read without it, so it is never exact; else null
 */
public record ScheduleView(String description, String prefect, Boolean exact, int compared, String sourceAt,
                           String prefectAt, String reason, String unproven) {

    /** A schedule whose source states everything its fire times depend on. */
    public ScheduleView(String description, String prefect, Boolean exact, int compared, String sourceAt,
                        String prefectAt, String reason) {
        this(description, prefect, exact, compared, sourceAt, prefectAt, reason, null);
    }

    /** "cron 0 2 * * * (Europe/Paris): exact over 50 fire times", "none: runs at boot", ... */
    public String verdict() {
        if (prefect == null) {
            return "no Prefect 3 schedule" + (reason == null ? "" : ": " + reason);
        }
        if (unproven != null) {
            // what the proof compared is the schedule read without the unknown start: say so, and what it found
            return prefect + ": not proven, " + unproven + (compared > 0 ? "; read without it, "
                    + (sourceAt == null && prefectAt == null ? "the same over " + compared + " fire times"
                    : "first difference " + (sourceAt == null ? "(none)" : sourceAt) + " vs Prefect "
                    + (prefectAt == null ? "(none)" : prefectAt)) : "") + (reason == null ? "" : " (" + reason + ")");
        }
        if (Boolean.TRUE.equals(exact)) {
            return prefect + ": exact" + (reason == null ? "" : " spacing")
                    + (compared > 0 ? " over " + compared + " fire times" : "") + (reason == null ? "" : " (" + reason + ")");
        }
        return prefect + ": not exact" + (sourceAt != null || prefectAt != null
                ? ", first difference " + (sourceAt == null ? "(none)" : sourceAt) + " vs Prefect "
                + (prefectAt == null ? "(none)" : prefectAt) : "") + (reason == null ? "" : " (" + reason + ")");
    }

    /** The proof's verdict without the schedule: "exact over 50 fire times", "not exact, first difference ...". */
    public String proof() {
        if (prefect == null) {
            return "none" + (reason == null ? "" : ": " + reason);
        }
        return verdict().substring(prefect.length() + 2);
    }

    /** Views for a report: interpreted once per distinct schedule, in the scan's host zone, with this run's clock. */
    static final class Cache {
        private final ScheduleCheck check;

        /** @param hostZone the zone schedules naming none are read in: the scan's ({@link dev.migrate.analyzers.scan.Inventory#hostZone}) */
        Cache(java.time.ZoneId hostZone) {
            this.check = ScheduleCheck.inZone(hostZone);
        }
        /**
         * By form, expression and zone (and whether its file may hold croniter's L and #), and whose schedule it is (a
         * Prefect deployment's own interval keeps no anchor_date): nothing else changes what it means.
         */
        private final Map<java.util.List<Object>, ScheduleView> views = new java.util.concurrent.ConcurrentHashMap<>();

        /** A cache with every schedule of the inventory already proven, in parallel (proofs are the slow part). */
        static Cache of(dev.migrate.analyzers.scan.Inventory inv) {
            Cache c = new Cache(java.time.ZoneId.of(inv.hostZone().zone()));
            inv.jobs().stream().flatMap(j -> j.schedules().stream().map(s -> java.util.Map.entry(j, s))).toList()
                    .parallelStream().forEach(e -> c.of(e.getKey(), e.getValue()));
            return c;
        }

        /** The view of a schedule of {@code job}, translated as that kind of job's ({@link ScheduleOrigin#of}). */
        ScheduleView of(Job job, ScheduleSpec spec) {
            return of(spec, ScheduleOrigin.of(job.kind()));
        }

        /** The view of a legacy job's schedule. */
        ScheduleView of(ScheduleSpec spec) {
            return of(spec, ScheduleOrigin.LEGACY_JOB);
        }

        private ScheduleView of(ScheduleSpec spec, ScheduleOrigin origin) {
            return views.computeIfAbsent(java.util.Arrays.asList(spec.form(), spec.expression(), spec.timezone(),
                    dev.migrate.analyzers.schedule.Schedules.croniterDays(spec), origin, spec.paused(), spec.unproven()),
                    k -> paused(unproven(compute(spec, origin), spec), spec.paused()));
        }

        /**
         * A schedule switched off on its own ({@code active: false}) says so in its description, and its Prefect 3 entry
         * keeps {@code active: false}: the deployment has it, Prefect does not run it.
         */
        private static ScheduleView paused(ScheduleView v, boolean paused) {
            return !paused ? v : new ScheduleView(v.description() + ", paused (active: false)",
                    v.prefect() == null ? null : v.prefect() + ", active: false", v.exact(), v.compared(), v.sourceAt(),
                    v.prefectAt(), v.reason(), v.unproven());
        }

        /**
         * A schedule whose start or zone the source does not state ({@link ScheduleSpec#unproven}: a start known only at
         * run time, a host zone only assumed): the proof read it without them, so the view is not exact whatever it
         * found, and says what is unknown.
         */
        private ScheduleView unproven(ScheduleView v, ScheduleSpec spec) {
            if (spec.unproven() == null) {
                return v;
            }
            String description = spec.zoneUnproven() ? zoneNotProven(v.description(), spec) : v.description();
            return v.prefect() == null ? new ScheduleView(description, null, v.exact(), v.compared(), v.sourceAt(),
                    v.prefectAt(), v.reason(), v.unproven()) : new ScheduleView(description, v.prefect(), Boolean.FALSE,
                    v.compared(), v.sourceAt(), v.prefectAt(), v.reason(), spec.unproven());
        }

        /**
         * The description of a schedule whose zone the source leaves unknown: the zone it ends with ("at 06:00 (UTC)")
         * is only the one it was read in, and says so ("at 06:00 (zone not proven, read as UTC)").
         */
        private String zoneNotProven(String description, ScheduleSpec spec) {
            String read = spec.timezone() != null ? spec.timezone() : check.hostZone().getId();
            String suffix = " (" + read + ")";
            // a wall clock of the host's was read in the host zone the scan assumed: say which, as for a stated zone (an
            // interval without an anchor is read in no zone at all: only that the zone is unknown is said)
            ScheduleSpec shown = spec.timezone() == null && spec.dependsOnZone() ? spec.withTimezone(read) : spec;
            return description.endsWith(suffix)
                    ? description.substring(0, description.length() - suffix.length()) + shown.zoneLabel()
                    : description + " (zone not proven)";
        }

        private ScheduleView compute(ScheduleSpec spec, ScheduleOrigin origin) {
            Schedule s = check.interpret(spec);
            String description = s.describe();
            if (s instanceof Schedule.Unknown) {
                // the description says why it is unknown; the verdict does not say it again
                return new ScheduleView(description, null, null, 0, null, null, null);
            }
            Translation t;
            try {
                t = check.translate(s, origin);
            } catch (RuntimeException e) {
                return new ScheduleView(description, null, null, 0, null, null, "cannot be translated: " + e.getMessage());
            }
            if (t.target() == null) {
                return new ScheduleView(description, null, null, 0, null, null,
                        t.reasons().isEmpty() ? null : String.join("; ", t.reasons()));
            }
            ScheduleProof p = t.proof();
            String reason = !t.reasons().isEmpty() ? String.join("; ", t.reasons())
                    : p != null && !p.equal() ? p.explanation() : null;
            return new ScheduleView(description, text(t.target()), t.exact(), p == null ? 0 : p.compared(),
                    p == null || p.equal() || p.sourceAt() == null ? null : p.sourceAt().toOffsetDateTime().toString(),
                    p == null || p.equal() || p.prefectAt() == null ? null : p.prefectAt().toOffsetDateTime().toString(),
                    t.exact() ? t.caveat() : reason);
        }

        /** The schedule as it would be written in prefect.yaml, on one line: "cron: 0 2 * * *, timezone: UTC". */
        private static String text(dev.migrate.analyzers.schedule.PrefectSchedule target) {
            StringBuilder sb = new StringBuilder();
            target.toYaml().forEach((k, v) -> {
                if (v != null) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(k).append(": ").append(v);
                }
            });
            return sb.toString();
        }
    }
}
