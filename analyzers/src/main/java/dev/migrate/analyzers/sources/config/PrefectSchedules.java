package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.schedule.AnchoredInterval;
import dev.migrate.analyzers.schedule.NaiveAnchors;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads Prefect schedule mappings ({@code cron}/{@code interval}/{@code rrule} plus {@code timezone}) from
 * prefect.yaml and deployment.yaml, including the 2.16+ wrapped form {@code {schedule: {...}, active: ...}}; a schedule
 * with {@code active: false} is a paused one ({@link ScheduleSpec#paused()}).
 */
final class PrefectSchedules {
    private PrefectSchedules() {
    }

    /**
     * The items of a {@code schedules:} list; one with {@code active: false} (beside the schedule's keys, or beside the
     * wrapped {@code schedule:}) is kept, paused: the deployment has it, and Prefect does not run it.
     */
    static List<ScheduleSpec> list(ScanFile file, Node schedules) {
        List<ScheduleSpec> out = new ArrayList<>();
        for (Node item : YamlDocs.items(schedules)) {
            Node inner = YamlDocs.get(item, "schedule");
            boolean inactive = inactive(YamlDocs.scalar(item, "active"));
            one(file, inner != null ? inner : item).map(s -> inactive ? s.asPaused() : s).ifPresent(out::add);
        }
        return out;
    }

    /** {@code active:} spelled as YAML 1.1 reads false, as Prefect's loader does; no key is active. */
    static boolean inactive(String active) {
        return active != null && active.strip().matches("(?i)false|no|off");
    }

    static java.util.Optional<ScheduleSpec> one(ScanFile file, Node s) {
        if (s == null) {
            return java.util.Optional.empty();
        }
        String tz = YamlDocs.scalar(s, "timezone");
        String cron = YamlDocs.scalar(s, "cron");
        String interval = YamlDocs.scalar(s, "interval");
        String rrule = YamlDocs.scalar(s, "rrule");
        if (cron != null) {
            return java.util.Optional.of(new ScheduleSpec(Form.CRON_PREFECT, cron, tz, YamlDocs.where(file, YamlDocs.get(s, "cron"))));
        }
        if (interval != null) {
            // prefect.yaml intervals are seconds; 3.x also accepts ISO-8601 durations, kept as written.
            String iso = interval.matches("\\d+(\\.\\d+)?") ? "PT" + interval.replaceAll("\\.0+$", "") + "S" : interval;
            // the anchor fixes when in the period it runs; one that cannot be read keeps the plain period
            String anchor = YamlDocs.scalar(s, "anchor_date");
            if (anchor != null) {
                iso = AnchoredInterval.expression(iso, anchor, tz).orElse(iso);
            }
            ScheduleSpec spec = new ScheduleSpec(Form.INTERVAL, iso, tz, YamlDocs.where(file, YamlDocs.get(s, "interval")));
            // a naive anchor is read as UTC here, and for its job's Prefect version once the scan knows it
            return java.util.Optional.of(anchor != null && AnchoredInterval.naive(anchor) ? NaiveAnchors.marked(spec) : spec);
        }
        if (rrule != null) {
            return java.util.Optional.of(new ScheduleSpec(Form.RRULE, rrule, tz, YamlDocs.where(file, YamlDocs.get(s, "rrule"))));
        }
        return java.util.Optional.empty();
    }
}
