package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.versions.Release;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prefect interval's naive {@code anchor_date} with a timezone other than UTC names two instants: the digits read as
 * UTC, or read in the schedule's timezone. Which one runs is proven only for Prefect 2 and Prefect 3 before 3.3.0, which
 * read it as UTC (pendulum's default, PrefectHQ/prefect#9763). From 3.3 the stored sources show it depends on the Python
 * versions of the client that deploys the schedule and of the server that stores it: 3.3.1's
 * {@code src/prefect/types/_datetime.py} (commit 6a164620) takes a naive datetime as UTC on every Python, the server's
 * {@code IntervalSchedule} after 3.3's Python 3.13 support (commit be6de835) uses {@code assume_tz("UTC")} and the later
 * server code {@code assume_tz(target_timezone)}; PrefectHQ/prefect#19301 (in the 3.5.0 notes) fixed fixed-offset anchors
 * on Python 3.13 and says naive ones "still" assume the zone; and a 3.5+ client on a Python before 3.13 may still send
 * the anchor marked UTC (pendulum). So no release line makes the zone reading certain (docs/schedules.md).
 * The readers ({@link AnchoredInterval}) place such an anchor at UTC and mark the schedule {@link #pending} with the
 * sentence that gives both instants, what decides between them and what to write instead; once the scan knows the job's
 * Prefect version, {@link #resolve} drops the mark when that version proves the UTC reading. Any other schedule keeps the
 * mark as what the source leaves unproven, so that its proof and the cutover never silently pick one reading.
 */
public final class NaiveAnchors {
    /** How {@link ScheduleSpec#unproven()} begins for a naive anchor not yet read for a version. */
    public static final String MARK = "naive anchor_date";
    /** The job attribute that says how the naive anchors of its schedules were read. */
    public static final String ATTRIBUTE = "schedule.anchor_reading";
    private static final Pattern START = Pattern.compile("R/([^/]+)/(.+)");
    /**
     * The first release whose reading the scan cannot prove (3.3.0: from it the Python versions decide); the one place
     * the boundary is kept, {@code PrefectConstraintReading} reads it from here.
     */
    private static final Release UNPROVEN_SINCE = Release.of("3.3.0");

    /** What a Prefect version makes of a naive anchor. */
    public enum Reading {
        PREFECT2("naive anchor read as UTC, as Prefect 2 does", true),
        PREFECT3_UTC("naive anchor read as UTC, as Prefect 3 before 3.3.0 does", true),
        /** Prefect 3.3.0 and later: UTC or the zone, by the client's and the server's Python; never proven. */
        BY_PYTHON("naive anchor read as UTC or in the schedule's timezone by Prefect 3.3.0 and later, depending on "
                + "the Python version of the Prefect client that deploys it and of the server that stores it", false);

        private final String note;
        private final boolean proven;

        Reading(String note, boolean proven) {
            this.note = note;
            this.proven = proven;
        }

        /** The words a report shows for it. */
        public String note() {
            return note;
        }

        /** Whether the version alone fixes the instant (the UTC one). */
        public boolean proven() {
            return proven;
        }
    }

    private NaiveAnchors() {
    }

    /**
     * The schedule read from a naive anchor, placed at UTC ({@code R/2023-03-01T06:30Z/P1D}), marked as waiting for
     * its version when the two readings are two instants (a zone other than UTC, at a date where its offset is not
     * zero: a London anchor in January is one instant to both); as it is otherwise.
     */
    public static ScheduleSpec marked(ScheduleSpec spec) {
        Optional<OffsetDateTime> start = start(spec.expression());
        Optional<ZoneId> zone = zone(spec.timezone());
        if (spec.form() != ScheduleSpec.Form.INTERVAL || start.isEmpty() || zone.isEmpty()) {
            return spec;
        }
        OffsetDateTime inZone = start.get().toLocalDateTime().atZone(zone.get()).toOffsetDateTime();
        if (inZone.toInstant().equals(start.get().toInstant())) {
            return spec;
        }
        String naive = start.get().toLocalDateTime().toString();
        return spec.withUnproven(MARK + " " + naive + " with timezone " + spec.timezone() + " is " + start.get()
                + " read as UTC, " + inZone + " read in "
                + spec.timezone() + ": Prefect 2 and 3.x before " + since() + " read it as UTC, and from " + since()
                + " which one runs depends on the Python version of the Prefect client that deploys it and of the "
                + "server that stores it, and no prefect pin here keeps it below " + since() + "; write anchor_date with an explicit "
                + "offset (migrate rewrite writes a Prefect 2 anchor with +00:00, PF207); read as UTC");
    }

    /** Whether the schedule carries a naive anchor not yet read for a version. */
    public static boolean pending(ScheduleSpec spec) {
        return spec.unproven() != null && spec.unproven().startsWith(MARK);
    }

    /**
     * The schedule as {@code reading} takes its naive anchor: no longer marked when the reading is proven (the readers
     * placed it at UTC already); as it is when not {@link #pending} or when the reading is not proven.
     */
    public static ScheduleSpec resolve(ScheduleSpec spec, Reading reading) {
        return pending(spec) && reading.proven() ? spec.withUnproven(null) : spec;
    }

    /**
     * The other reading of a {@link #pending} schedule: its anchor's digits in the schedule's timezone, no longer
     * marked; as it is otherwise. What Prefect 3.3.0 and later run on some Pythons, for a caller that shows both.
     */
    public static ScheduleSpec inZone(ScheduleSpec spec) {
        Matcher m = START.matcher(spec.expression());
        Optional<ZoneId> zone = zone(spec.timezone());
        Optional<OffsetDateTime> start = start(spec.expression());
        if (!pending(spec) || !m.matches() || zone.isEmpty() || start.isEmpty()) {
            return spec;
        }
        return spec.withUnproven(null).withExpression(
                AnchoredInterval.expression(m.group(2), start.get().toLocalDateTime().atZone(zone.get())));
    }

    /**
     * The reading of the {@code prefect} release {@code version} ({@code 2.14.2}, {@code 3.2}, {@code 3.5.0rc1});
     * empty for Prefect 1, which has no anchor_date, and for text that names no release.
     */
    public static Optional<Reading> forVersion(String version) {
        return Release.leading(version).filter(r -> r.at(0) >= 2).map(NaiveAnchors::forRelease);
    }

    /**
     * The reading of a release from 2.0 on: Prefect 2's, 3.x before {@link #unprovenSince()}'s UTC,
     * {@link Reading#BY_PYTHON} for every later one (a release the scan does not know included).
     */
    private static Reading forRelease(Release release) {
        if (release.at(0) == 2) {
            return Reading.PREFECT2;
        }
        return release.compareTo(UNPROVEN_SINCE) < 0 ? Reading.PREFECT3_UTC : Reading.BY_PYTHON;
    }

    /** The first release (3.3.0) whose reading of a naive anchor the scan cannot prove. */
    public static Release unprovenSince() {
        return UNPROVEN_SINCE;
    }

    private static String since() {
        return UNPROVEN_SINCE.toString();
    }

    /** The UTC start of {@code R/start/period}; empty for any other start. */
    private static Optional<OffsetDateTime> start(String expression) {
        Matcher m = START.matcher(expression);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            OffsetDateTime start = OffsetDateTime.parse(m.group(1));
            return start.getOffset().equals(ZoneOffset.UTC) ? Optional.of(start) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The zone, when it is one where a naive time and UTC differ (none for UTC by any name, or an unknown name). */
    private static Optional<ZoneId> zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return Optional.empty();
        }
        try {
            ZoneId zone = ZoneId.of(timezone.strip());
            boolean utc = zone.getRules().isFixedOffset() && zone.getRules().getOffset(java.time.Instant.EPOCH).equals(ZoneOffset.UTC);
            return utc ? Optional.empty() : Optional.of(zone);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
