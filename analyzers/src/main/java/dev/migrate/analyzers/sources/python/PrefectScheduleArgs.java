package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.schedule.AnchoredInterval;
import dev.migrate.analyzers.schedule.NaiveAnchors;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prefect 2/3 schedules written in Python: {@code CronSchedule}/{@code IntervalSchedule}/{@code RRuleSchedule}
 * objects (2.x {@code prefect.server.schemas.schedules}, 3.x {@code prefect.schedules}), {@code Cron(...)},
 * {@code Interval(...)}, {@code RRule(...)}, and the {@code cron=}/{@code interval=}/{@code rrule=} keywords of
 * {@code serve}/{@code deploy}/{@code to_deployment}.
 */
final class PrefectScheduleArgs {
    private PrefectScheduleArgs() {
    }

    /** Every schedule a deployment call states, with extra facts (anchor, day_or) put in {@code attrs}. */
    static List<ScheduleSpec> of(PythonModule m, Node call, Map<String, String> attrs) {
        List<ScheduleSpec> out = new ArrayList<>();
        PythonModule.arg(call, "schedule", -1).filter(s -> !isNone(s)).ifPresent(s -> out.add(one(m, m.resolve(s), attrs)
                .orElseGet(() -> unknown(m, s))));
        PythonModule.arg(call, "schedules", -1).ifPresent(given -> {
            Node list = m.resolve(given);
            if (list.kind() == NodeKind.LIST || list.kind() == NodeKind.TUPLE) {
                for (Node item : list.nodes()) {
                    out.add(one(m, m.resolve(item), attrs).orElseGet(() -> unknown(m, item)));
                }
            } else if (!isNone(given)) {
                out.add(unknown(m, given));
            }
        });
        String tz = PythonModule.arg(call, "timezone", -1).flatMap(m::string).orElse(null);
        PythonModule.arg(call, "cron", -1).filter(c -> !isNone(c)).ifPresent(c -> out.add(m.string(c)
                .map(v -> new ScheduleSpec(Form.CRON_PREFECT, v, tz, m.at(call))).orElseGet(() -> unknown(m, c))));
        PythonModule.arg(call, "interval", -1).filter(v -> !isNone(v)).ifPresent(v -> out.add(Durations.seconds(m, v)
                .map(s -> new ScheduleSpec(Form.INTERVAL, Durations.iso(s), tz, m.at(call))).orElseGet(() -> unknown(m, v))));
        PythonModule.arg(call, "rrule", -1).filter(r -> !isNone(r)).ifPresent(r -> out.add(m.string(r)
                .map(v -> new ScheduleSpec(Form.RRULE, v, tz, m.at(call))).orElseGet(() -> unknown(m, r))));
        return out;
    }

    /**
     * A schedule the call is given that only running the script would tell ({@code schedule=CronSchedule(cron=cron)}
     * with {@code cron} read from a file, {@code cron=os.environ["CRON"]}): the job is scheduled, not unscheduled, and
     * the inventory shows the expression as written.
     */
    private static ScheduleSpec unknown(PythonModule m, Node given) {
        return new ScheduleSpec(Form.UNKNOWN, given.text().strip(), null, m.at(given));
    }

    private static boolean isNone(Node value) {
        String t = value.text().strip();
        return t.equals("None") || t.equals("[]") || t.equals("()");
    }

    /** The period, with the anchor when it is a naive date-time literal or an ISO string (see AnchoredInterval). */
    static String anchored(PythonModule m, String period, Optional<Node> anchor, String tz) {
        if (anchor.isEmpty()) {
            return period;
        }
        Optional<String> text = m.string(anchor.get());
        Optional<String> expression = text.isPresent() ? AnchoredInterval.expression(period, text.get(), tz)
                : DateTimeLiterals.of(m, anchor.get()).flatMap(a -> AnchoredInterval.expression(period, a, tz));
        return expression.orElse(period);
    }

    /**
     * One schedule object; a {@code dict}-wrapped 2.16+ {@code {"schedule": ..., "active": ...}} is unwrapped. One with
     * {@code active=False} (3.x {@code Cron}/{@code Interval}/{@code RRule}, {@code DeploymentScheduleCreate}, or the
     * dict's {@code "active": False}) is kept, paused: the deployment has it, and Prefect does not run it.
     */
    static Optional<ScheduleSpec> one(PythonModule m, Node s, Map<String, String> attrs) {
        if (s.kind() == NodeKind.DICT) {
            Optional<ScheduleSpec> inner = Optional.empty();
            boolean inactive = false;
            for (Node entry : s.nodes()) {
                if (entry.kind() == NodeKind.DICT_ENTRY && entry.nodes().size() == 2) {
                    Optional<String> key = m.string(entry.nodes().get(0));
                    if (key.filter("schedule"::equals).isPresent()) {
                        inner = one(m, m.resolve(entry.nodes().get(1)), attrs);
                    } else if (key.filter("active"::equals).isPresent()) {
                        inactive = isFalse(entry.nodes().get(1));
                    }
                }
            }
            return inactive ? inner.map(ScheduleSpec::asPaused) : inner;
        }
        if (s.kind() != NodeKind.CALL) {
            return Optional.empty();
        }
        boolean inactive = PythonModule.arg(s, "active", -1).filter(PrefectScheduleArgs::isFalse).isPresent();
        Optional<ScheduleSpec> spec = schedule(m, s, attrs);
        return inactive ? spec.map(ScheduleSpec::asPaused) : spec;
    }

    private static boolean isFalse(Node value) {
        return value.text().strip().equals("False");
    }

    private static Optional<ScheduleSpec> schedule(PythonModule m, Node s, Map<String, String> attrs) {
        String callee = m.nameOf(s);
        String simple = callee.substring(callee.lastIndexOf('.') + 1);
        String tz = PythonModule.arg(s, "timezone", -1).flatMap(m::string).orElse(null);
        switch (simple) {
            case "CronSchedule", "Cron" -> {
                PythonModule.arg(s, "day_or", -1).ifPresent(d -> attrs.put("schedule.day_or", d.text().strip()));
                return PythonModule.arg(s, "cron", 0).flatMap(m::string)
                        .map(c -> new ScheduleSpec(Form.CRON_PREFECT, c, tz, m.at(s)));
            }
            case "IntervalSchedule", "Interval" -> {
                Optional<Node> anchor = PythonModule.arg(s, "anchor_date", simple.equals("Interval") ? 1 : -1);
                anchor.ifPresent(a -> attrs.put("schedule.anchor_date", a.text().strip()));
                boolean naive = anchor.isPresent() && (m.string(anchor.get()).map(AnchoredInterval::naive)
                        .orElseGet(() -> DateTimeLiterals.of(m, anchor.get()).isPresent()));
                // a naive anchor is read as UTC here, and for its job's Prefect version once the scan knows it
                return PythonModule.arg(s, "interval", 0).flatMap(v -> Durations.seconds(m, v))
                        .map(sec -> new ScheduleSpec(Form.INTERVAL, anchored(m, Durations.iso(sec), anchor, tz), tz, m.at(s)))
                        .map(spec -> naive ? NaiveAnchors.marked(spec) : spec);
            }
            case "RRuleSchedule", "RRule" -> {
                return PythonModule.arg(s, "rrule", 0).flatMap(m::string)
                        .map(r -> new ScheduleSpec(Form.RRULE, r, tz, m.at(s)));
            }
            case "DeploymentScheduleCreate", "MinimalDeploymentSchedule" -> {
                return PythonModule.arg(s, "schedule", 0).flatMap(inner -> one(m, m.resolve(inner), attrs));
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
