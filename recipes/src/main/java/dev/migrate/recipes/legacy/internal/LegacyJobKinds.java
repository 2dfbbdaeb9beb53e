package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.JobKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of job the legacy recipe moves onto Prefect 3: crontab and anacron lines, run-parts directories,
 * systemd timers, Python sleep loops, Civis scripts, in-process schedulers ({@link InProcessJobs}) and Spring/Quartz
 * jobs ({@link JavaJobs}). One set, so that the recipe and the CLI's hint to run it cannot disagree.
 */
public final class LegacyJobKinds {
    /** Every kind the recipe plans; a job of another kind is reported as not handled. */
    public static final Set<JobKind> MOVED;

    static {
        Set<JobKind> kinds = EnumSet.of(JobKind.CRON, JobKind.ANACRON, JobKind.CRON_RUN_PARTS, JobKind.SYSTEMD_TIMER,
                JobKind.PYTHON_SLEEP_LOOP, JobKind.CIVIS_SCRIPT);
        kinds.addAll(InProcessJobs.KINDS);
        kinds.addAll(JavaJobs.KINDS);
        MOVED = Set.copyOf(kinds);
    }

    private LegacyJobKinds() {
    }
}
