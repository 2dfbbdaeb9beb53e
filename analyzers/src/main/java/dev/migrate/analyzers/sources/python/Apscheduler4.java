package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.Optional;

/**
 * APScheduler 4's schedules: {@code scheduler.add_schedule(func, trigger, id=...)} on a {@code Scheduler} or
 * {@code AsyncScheduler} ({@code from apscheduler import AsyncScheduler}). The facts the detector reads them by come
 * from the 4.0 pre-releases' source (agronholm/apscheduler, src/apscheduler): {@code add_schedule(func_or_task_id,
 * trigger, *, id, args, kwargs, paused, coalesce, misfire_grace_time, max_jitter, ...)} in
 * {@code _schedulers/async_.py}; {@code IntervalTrigger(weeks, days, hours, minutes, seconds, microseconds,
 * start_time, end_time)} with no zone, stepping elapsed time from start_time (now by default), in
 * {@code triggers/interval.py}; {@code CronTrigger(year ... second, start_time, end_time, timezone)} and
 * {@code CronTrigger.from_crontab(expr, timezone="local")}, the local zone by default, in {@code triggers/cron};
 * numeric weekdays counted as in cron, Sunday = 0 or 7 ({@code DayOfWeekField.append_expression}); a naive
 * start_time taken in the local zone ({@code _converters.as_aware_datetime}); and {@code DateTrigger(run_time)}.
 * The 4.x schedulers take no {@code timezone=}: no job of theirs has a scheduler zone. Its docs/migration.rst ("From
 * v3.x to v4.0") says the same: add_job became add_schedule, datetimes given to triggers are in the local zone, jitter
 * moved to the schedule, and CronTrigger counts weekdays from Sunday = 0. Its triggers take no scheduler zone: a
 * CronTrigger's {@code timezone} defaults to {@code get_localzone()} (an attrs factory), whatever its start_time says.
 * The legacy recipes find the registration by the same names ({@link #ADD_SCHEDULE}, {@link #FUNCTION}).
 */
public final class Apscheduler4 {
    /** The scheduler method that registers a schedule (3.x's add_job). */
    public static final String ADD_SCHEDULE = "add_schedule";
    /** Its first parameter: the function to run, or the id of a task configured before. */
    public static final String FUNCTION = "func_or_task_id";

    private Apscheduler4() {
    }

    /**
     * The trigger of an {@code add_schedule} call, when it is an APScheduler trigger object (or a name a function
     * assigns one to); empty for any other {@code add_schedule} (a project's own method of that name).
     */
    static Optional<Node> triggerOf(PythonModule m, Node call) {
        return PythonModule.arg(call, "trigger", 1).map(t -> {
            Node named = m.resolve(t);
            return named.kind() == NodeKind.NAME
                    ? ApschedulerDetector.assignedInFunction(m, call, Expressions.name(named)).map(m::resolve).orElse(named)
                    : named;
        }).filter(t -> t.kind() == NodeKind.CALL && m.nameOf(t).startsWith("apscheduler.triggers."));
    }
}
