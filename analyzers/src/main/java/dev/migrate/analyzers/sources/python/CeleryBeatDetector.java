package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Celery beat entries: {@code app.conf.beat_schedule = {...}}, a {@code beat_schedule}/{@code CELERYBEAT_SCHEDULE}
 * module setting or {@code app.conf.update(beat_schedule={...})}, the ones in effect after the module ran
 * ({@link BeatScheduleWrites}: a later assignment replaces the dict, update and item writes add to it).
 * {@code crontab()} entries are read in {@code app.conf.timezone} (beat's rule); {@code timedelta} and plain seconds
 * are intervals.
 *
 * <p>A {@code crontab()} runs on a day only when the day is in day_of_month AND in day_of_week (celery/schedules.py:
 * crontab.remaining_delta requires both, and _delta_to_next skips dates until the weekday matches; celery/celery#4307
 * reports the difference), where Vixie cron runs on either when both are restricted. So its cron is
 * {@link Form#CRON_CELERY}, read with the AND rule: {@code day_of_month='1-7', day_of_week=1} is the first Monday.
 */
public final class CeleryBeatDetector extends PythonDetector {
    /** crontab()'s positional order and where each field goes in five-field cron. */
    private static final List<String> CRONTAB_ARGS = List.of("minute", "hour", "day_of_week", "day_of_month", "month_of_year");
    private static final List<String> CRON_ORDER = List.of("minute", "hour", "day_of_month", "month_of_year", "day_of_week");
    private static final Map<String, String> WEEKDAYS = Map.of("sun", "0", "mon", "1", "tue", "2", "wed", "3", "thu", "4",
            "fri", "5", "sat", "6");

    public CeleryBeatDetector() {
        super("celery-beat", null, "beat_schedule", "BEAT_SCHEDULE");
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        String zone = zone(m);
        BeatScheduleWrites writes = BeatScheduleWrites.of(m);
        writes.entries().forEach(e -> entry(m, e, zone, sink));
        for (BeatScheduleWrites.Unsure u : writes.unsure()) {
            sink.finding(Findings.of("PYS010", u.setting() + " is written inside " + u.inside() + ", so which beat entries "
                    + "are in effect depends on what runs: its entries are all listed, check them against the schedule the running "
                    + "beat loaded (beat -l debug logs it as \"Current schedule\")", m.at(u.write()), null));
        }
    }

    /**
     * {@code app.conf.timezone = "..."}, a {@code timezone}/{@code CELERY_TIMEZONE} setting, {@code conf.update(timezone=)}
     * or {@code Celery(timezone=)}; written more than once, the last one in the file is the one in effect, as for
     * beat_schedule.
     */
    private static String zone(PythonModule m) {
        String zone = null;
        for (Node n : m.nodes()) {
            Optional<Statements.Assignment> a = Statements.assignment(n);
            if (a.isPresent() && a.get().targets().size() == 1 && a.get().value() != null) {
                String t = Expressions.dottedName(a.get().targets().get(0)).orElse("");
                if (t.endsWith("conf.timezone") || t.equals("timezone") || t.equals("CELERY_TIMEZONE")) {
                    zone = m.string(a.get().value()).orElse(zone);
                }
            } else if (n.kind() == NodeKind.CALL && (m.nameOf(n).endsWith("conf.update") || m.nameOf(n).endsWith("Celery"))) {
                zone = PythonModule.arg(n, "timezone", -1).flatMap(m::string).orElse(zone);
            }
        }
        return zone;
    }

    private void entry(PythonModule m, BeatScheduleWrites.Entry entry, String zone, InventorySink sink) {
        Node body = m.resolve(entry.body());
        if (body.kind() != NodeKind.DICT) {
            return;
        }
        String name = entry.name();
        SourceRef where = m.at(entry.where());
        Node scheduleValue = value(m, body, "schedule");
        String task = Optional.ofNullable(value(m, body, "task")).flatMap(m::string).orElse(null);
        ScheduleSpec spec = scheduleValue == null ? new ScheduleSpec(Form.UNKNOWN, "no schedule", null, where)
                : spec(m, m.resolve(scheduleValue), zone, where);
        JobBuilder job = new JobBuilder(m.file(), JobKind.CELERY_BEAT, name, where, name)
                .command(task).overlap(Overlap.ALLOW).schedule(spec);
        sink.job(job.build());
        sink.finding(Findings.of("PYS004", "Celery beat entry " + name + " sends " + task + " ("
                + spec.expression() + ") through the broker", where, job.id()));
        if (spec.form() == Form.UNKNOWN) {
            sink.finding(Findings.of("PYS005", "beat schedule of " + name + " has no cron or interval form: "
                    + spec.expression(), where, job.id()));
        }
    }

    private static Node value(PythonModule m, Node dict, String key) {
        for (Node entry : dict.nodes(NodeKind.DICT_ENTRY)) {
            if (entry.nodes().size() == 2 && m.string(entry.nodes().get(0)).filter(key::equals).isPresent()) {
                return entry.nodes().get(1);
            }
        }
        return null;
    }

    private static ScheduleSpec spec(PythonModule m, Node s, String zone, SourceRef where) {
        if (s.kind() == NodeKind.CALL && m.nameOf(s).endsWith("crontab")) {
            return cron(m, s).map(c -> new ScheduleSpec(Form.CRON_CELERY, c, zone, where))
                    .orElseGet(() -> new ScheduleSpec(Form.UNKNOWN, s.text().strip(), zone, where));
        }
        // celery.schedules.schedule(run_every=...) is what beat makes of a timedelta or a number itself
        Node every = s.kind() == NodeKind.CALL && m.nameOf(s).equals("celery.schedules.schedule")
                ? PythonModule.arg(s, "run_every", 0).map(m::resolve).orElse(s) : s;
        return Durations.seconds(m, every).filter(d -> d > 0)
                .map(d -> new ScheduleSpec(Form.INTERVAL, Durations.iso(d), null, where))
                .orElseGet(() -> new ScheduleSpec(Form.UNKNOWN, s.text().strip(), zone, where));
    }

    /** Celery's crontab(): every field defaults to '*'; weekday names become cron numbers. */
    static Optional<String> cron(PythonModule m, Node call) {
        String[] fields = {"*", "*", "*", "*", "*"};
        int position = 0;
        for (Argument a : new CallView(call).arguments()) {
            String key = a.keyword() != null ? a.keyword() : position < CRONTAB_ARGS.size() ? CRONTAB_ARGS.get(position) : null;
            position++;
            int at = CRON_ORDER.indexOf(key);
            if (at < 0) {
                return Optional.empty();
            }
            Node v = m.resolve(a.value());
            String text = m.string(v).orElseGet(() -> m.number(v).map(d -> String.valueOf(d.longValue())).orElse(null));
            if (text == null) {
                return Optional.empty();
            }
            text = text.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
            if (at == 4) {
                for (Map.Entry<String, String> d : WEEKDAYS.entrySet()) {
                    text = text.replaceAll("\\b" + d.getKey() + "[a-z]*\\b", d.getValue());
                }
            }
            if (!text.matches("[0-9*/,-]+")) {
                return Optional.empty();
            }
            fields[at] = text;
        }
        return Optional.of(String.join(" ", fields));
    }
}
