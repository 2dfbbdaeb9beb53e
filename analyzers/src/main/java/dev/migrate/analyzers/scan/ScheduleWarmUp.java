package dev.migrate.analyzers.scan;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.schedule.Schedule;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.schedule.ScheduleOrigin;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Reads, describes and proves the jobs' schedules on the cores the end of a scan leaves idle. Once the workers are done,
 * the main thread relates files ({@code Detector#finish}, where most Prefect deployments are made) and runs the
 * resolvers alone, and then every report wants each distinct schedule's description and proof (the report's
 * {@code ScheduleView}), which the detectors had asked the shared check for only for crontab lines and timers. Given the
 * jobs after each of those steps, this works out the schedules it has not seen yet on the other cores meanwhile, so
 * that they are in the shared check's caches ({@link ScheduleCheck}, keyed by what a schedule says, and the cron
 * descriptions it remembers) by the time the report asks. A schedule a later step changes (a resolver naming its zone)
 * is read again then: what happens here changes no report, only when and where the work is done.
 */
final class ScheduleWarmUp {
    private final ScheduleCheck check;
    private final ForkJoinPool pool;
    private final List<ForkJoinTask<?>> tasks = new ArrayList<>();
    /** Jobs handed over already (the main thread's): a step replaces the jobs it changes and keeps the others. */
    private final Set<Job> given = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Schedules taken up already, by what the check reads and proves them by, and their origin (the pool's). */
    private final Set<List<Object>> taken = ConcurrentHashMap.newKeySet();

    /** On {@code threads - 1} threads (at least one): the main thread keeps a core. */
    ScheduleWarmUp(ZoneId hostZone, int threads) {
        this.check = ScheduleCheck.inZone(hostZone);
        this.pool = new ForkJoinPool(Math.max(1, threads - 1));
    }

    /**
     * Takes up the schedules of the jobs in {@code jobs} it was not given before. Call it from the thread that changes the
     * jobs, between steps; platform jobs' schedules without a zone are taken as {@link PlatformZones} will name them.
     */
    void add(Collection<Job> jobs) {
        List<Job> fresh = new ArrayList<>();
        for (Job j : jobs) {
            if (given.add(j)) {
                fresh.add(j);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        PlatformZones.apply(fresh);
        tasks.add(pool.submit(() -> fresh.parallelStream().forEach(this::warm)));
    }

    /** Waits until all is done, so that the report does not work out the same schedule at the same time; ends the pool. */
    void await() {
        pool.shutdown();
        tasks.forEach(ForkJoinTask::quietlyJoin);
    }

    /** The schedules taken up so far, by the key {@link #warm(Job)} gives them (for tests). */
    Set<List<Object>> taken() {
        return Set.copyOf(taken);
    }

    private void warm(Job job) {
        ScheduleOrigin origin = ScheduleOrigin.of(job.kind());
        for (ScheduleSpec spec : job.schedules()) {
            // a large tree repeats a few hundred schedules thousands of times: the key is cheap, a check's lookup is not
            if (taken.add(List.of(spec.form(), spec.expression(), String.valueOf(spec.timezone()),
                    spec.where().path(), origin))) {
                warm(spec, origin);
            }
        }
    }

    private void warm(ScheduleSpec spec, ScheduleOrigin origin) {
        try {
            Schedule s = check.interpret(spec);
            if (s instanceof Schedule.Unknown) {
                return;
            }
            // a cron's description is remembered by its text, and costs a cron-utils parse the first time
            if (s instanceof Schedule.Cron || s instanceof Schedule.Until) {
                s.describe();
            }
            check.translate(s, origin);
        } catch (RuntimeException e) {
            // the report reads the schedule again and says what is wrong with it, as it always has
        }
    }
}
