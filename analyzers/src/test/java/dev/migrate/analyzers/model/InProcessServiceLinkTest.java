package dev.migrate.analyzers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scan's linking step for Python in-process schedulers: a {@code schedule}, APScheduler or Celery beat job records
 * the unit whose command runs its script ({@link SchedulerServices#SERVICE}), the same unit {@link SchedulerServices#serviceOf}
 * finds, and what reads the inventory after finds it from that record, as it does a JVM job's.
 */
class InProcessServiceLinkTest {
    private static Job unit(String name, String command, String workingDir) {
        String path = "etc/systemd/system/" + name + ".service";
        return new Job("systemd-scheduler-" + name, JobKind.SYSTEMD_SCHEDULER_SERVICE, name, SourceRef.at(path, 0, 0),
                List.of(), command, "etl", Map.of(), workingDir, null, List.of(), Map.of("service", path));
    }

    private static Job job(JobKind kind, String path, Map<String, String> attributes) {
        return new Job(kind.slug() + "-" + path.hashCode(), kind, "run", SourceRef.at(path, 10, 5), List.of(), null, null,
                Map.of(), null, null, List.of(), attributes);
    }

    @Test
    void scheduleApschedulerAndBeatJobsRecordTheUnitThatRunsThem() {
        Job reports = unit("reports", "/usr/bin/python3 /opt/reports/scheduler.py --loop", null);
        Job beat = unit("celery-beat", "/opt/venv/bin/celery -A etl beat -l info", "/opt/etl");
        Job lib = job(JobKind.PYTHON_SCHEDULE_LIB, "opt/reports/scheduler.py", Map.of());
        Job aps = job(JobKind.APSCHEDULER, "opt/reports/scheduler.py", Map.of("apscheduler.trigger", "cron"));
        Job celery = job(JobKind.CELERY_BEAT, "opt/etl/etl/celery.py", Map.of());
        Job alone = job(JobKind.APSCHEDULER, "tools/adhoc.py", Map.of());
        List<Job> jobs = new ArrayList<>(List.of(reports, beat, lib, aps, celery, alone));
        SchedulerServices.linkInProcessServices(jobs);
        assertThat(jobs.get(2).attributes()).containsEntry(SchedulerServices.SERVICE, "etc/systemd/system/reports.service");
        assertThat(jobs.get(3).attributes()).containsEntry(SchedulerServices.SERVICE, "etc/systemd/system/reports.service")
                .containsEntry("apscheduler.trigger", "cron");
        assertThat(jobs.get(4).attributes()).containsEntry(SchedulerServices.SERVICE, "etc/systemd/system/celery-beat.service");
        assertThat(jobs.get(5).attributes()).doesNotContainKey(SchedulerServices.SERVICE);
        // the record and the on-demand match name the same unit, for every job
        for (Job j : jobs.subList(2, 6)) {
            assertThat(SchedulerServices.recordedServiceOf(j, jobs)).isSameAs(SchedulerServices.serviceOf(j, jobs));
        }
        assertThat(SchedulerServices.recordedHostedBy(reports, jobs)).containsExactly(jobs.get(2), jobs.get(3));
        assertThat(SchedulerServices.recordedHostedBy(reports, jobs)).isEqualTo(SchedulerServices.hostedBy(reports, jobs));
        assertThat(SchedulerServices.recordedHostedBy(beat, jobs)).containsExactly(jobs.get(4));
    }

    // must not change: the units themselves, sleep loops (their unit is their switch, not a host), and a stated record
    @Test
    void loopsUnitsAndStatedRecordsStayAsTheyAre() {
        Job loopUnit = unit("poller", "/usr/bin/python3 /opt/poller/poll.py", null);
        Job loop = job(JobKind.PYTHON_SLEEP_LOOP, "opt/poller/poll.py", Map.of());
        Job stated = job(JobKind.PYTHON_SCHEDULE_LIB, "opt/poller/poll.py",
                Map.of(SchedulerServices.SERVICE, "etc/systemd/system/other.service"));
        List<Job> jobs = new ArrayList<>(List.of(loopUnit, loop, stated));
        SchedulerServices.linkInProcessServices(jobs);
        assertThat(jobs).containsExactly(loopUnit, loop, stated);
        assertThat(SchedulerServices.recordedServiceOf(loop, jobs)).isNull();
        assertThat(SchedulerServices.recordedServiceOf(loopUnit, jobs)).isNull();
        // the record names a unit the inventory does not hold: no service, rather than a guess
        assertThat(SchedulerServices.recordedServiceOf(stated, jobs)).isNull();
    }
}
