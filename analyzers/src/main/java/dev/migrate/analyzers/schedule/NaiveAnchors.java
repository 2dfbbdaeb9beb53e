package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.model.ScheduleSpec;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prefect interval's naive {@code anchor_date} with a timezone other than UTC names two instants, and which one runs
 * depends on the Prefect version that reads it: Prefect 2 and 3.x before 3.5.0 read it as UTC (pendulum's default,
 * PrefectHQ/prefect#9763), 3.5.0 and later in the schedule's timezone (PrefectHQ/prefect#19301, released in 3.5.0).
 * The 3.5.0 line is the first release whose notes say so, not a proven first release: 3.3.1's
 * {@code src/prefect/types/_datetime.py} (commit 6a164620) takes a naive datetime as UTC on every Python, a stored server
 * {@code IntervalSchedule} from after 3.3's Python 3.13 support (commit be6de835) uses {@code assume_tz("UTC")}, and the
 * later server code without the Python-version branch uses {@code assume_tz(target_timezone)}; but #19301 only fixed
 * fixed-offset anchors on Python 3.13 and says naive ones "still" assume the zone, so some 3.4.x servers on Python 3.13
 * may read it in the zone already (docs/schedules.md).
 * The readers ({@link AnchoredInterval}) place such an anchor at UTC and mark the schedule {@link #pending} with the
 * sentence that says so; once the scan knows the job's Prefect version, {@link #resolve} keeps that instant or moves it
 * into the zone, and says which reading it is. A schedule whose version stays unknown keeps the mark as what the
 * source leaves unproven, so that its proof and the cutover never silently pick one reading.
 */
public final class NaiveAnchors {
    /** How {@link ScheduleSpec#unproven()} begins for a naive anchor not yet read for a version. */
    public static final String MARK = "naive anchor_date";
    /** The job attribute that says how the naive anchors of its schedules were read. */
    public static final String ATTRIBUTE = "schedule.anchor_reading";
    private static final Pattern START = Pattern.compile("R/([^/]+)/(.+)");
    /**
     * The first release that reads a naive anchor in the schedule's timezone (PrefectHQ/prefect#19301, the 3.5.0 release
     * notes); the one place the boundary is kept, {@code PrefectConstraintReading} reads it from here.
     */
    private static final int[] ZONE_READING_SINCE = {3, 5, 0};

    /** Which instant a version takes a naive anchor for. */
    public enum Reading {
        PREFECT2("naive anchor read as UTC, as Prefect 2 does"),
        PREFECT3_UTC("naive anchor read as UTC, as Prefect 3 before 3.5.0 does"),
        PREFECT3_ZONE("naive anchor read in the schedule's timezone, as Prefect 3.5.0 and later do "
                + "(PrefectHQ/prefect#19301)");

        private final String note;

        Reading(String note) {
            this.note = note;
        }

        /** The words a report shows for it. */
        public String note() {
            return note;
        }
    }

    private NaiveAnchors() {
    }

    /**
     * The schedule read from a naive anchor, placed at UTC ({@code R/2023-03-01T06:30Z/P1D}), marked as waiting for
     * its version when its zone is one where the two readings differ; as it is otherwise.
     */
    public static ScheduleSpec marked(ScheduleSpec spec) {
        Optional<OffsetDateTime> start = start(spec.expression());
        if (spec.form() != ScheduleSpec.Form.INTERVAL || start.isEmpty() || zone(spec.timezone()).isEmpty()) {
            return spec;
        }
        String naive = start.get().toLocalDateTime().toString();
        return spec.withUnproven(MARK + " " + naive + " with timezone " + spec.timezone() + ": Prefect 2 and 3.x "
                + "before 3.5.0 read it as UTC, 3.5.0 and later (PrefectHQ/prefect#19301) in " + spec.timezone()
                + ", and no pinned prefect version tells which runs it; read as UTC");
    }

    /** Whether the schedule carries a naive anchor not yet read for a version. */
    public static boolean pending(ScheduleSpec spec) {
        return spec.unproven() != null && spec.unproven().startsWith(MARK);
    }

    /** The schedule as {@code reading} takes its naive anchor, no longer marked; as it is when not {@link #pending}. */
    public static ScheduleSpec resolve(ScheduleSpec spec, Reading reading) {
        if (!pending(spec)) {
            return spec;
        }
        ScheduleSpec read = spec.withUnproven(null);
        if (reading != Reading.PREFECT3_ZONE) {
            return read; // the readers placed it at UTC already
        }
        Matcher m = START.matcher(spec.expression());
        Optional<ZoneId> zone = zone(spec.timezone());
        Optional<OffsetDateTime> start = start(spec.expression());
        if (!m.matches() || zone.isEmpty() || start.isEmpty()) {
            return read;
        }
        return read.withExpression(AnchoredInterval.expression(m.group(2), start.get().toLocalDateTime().atZone(zone.get())));
    }

    /**
     * The reading of the {@code prefect} release {@code version} ({@code 2.14.2}, {@code 3.4}, {@code 3.5.0rc1});
     * empty for Prefect 1, which has no anchor_date, and for text that names no release.
     */
    public static Optional<Reading> forVersion(String version) {
        Matcher m = Pattern.compile("\\s*v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?.*").matcher(version == null ? "" : version);
        if (!m.matches()) {
            return Optional.empty();
        }
        int[] v = {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))};
        if (v[0] == 2) {
            return Optional.of(Reading.PREFECT2);
        }
        if (v[0] != 3) {
            return Optional.empty();
        }
        return Optional.of(java.util.Arrays.compare(v, ZONE_READING_SINCE) >= 0 ? Reading.PREFECT3_ZONE : Reading.PREFECT3_UTC);
    }

    /** The first release ({@code {3, 5, 0}}) that reads a naive anchor in the schedule's timezone; a copy. */
    public static int[] zoneReadingSince() {
        return ZONE_READING_SINCE.clone();
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
