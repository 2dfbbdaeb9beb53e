package dev.migrate.recipes.legacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.SchedulerServices;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The scan records on each in-process scheduler job the systemd unit that runs its script ({@link SchedulerServices#SERVICE});
 * the legacy recipe's detection runs the same pass. Whether a job arrives with that record or without it (linked on
 * demand, as before the scan recorded it), the recipe joins it with the same unit, {@link KeptRunning} leaves the same
 * jobs to a supervisor program, and {@link JobPlan} gives the same plan: names, pool, environment, notes.
 */
class InProcessServiceLinkPlanTest {
    private static final Instant REFERENCE = Instant.parse("2026-01-05T00:00:00Z");
    private static final String REPORTS = """
            import time

            import schedule


            def daily_report():
                print("report")


            schedule.every().day.at("02:30").do(daily_report)

            while True:
                schedule.run_pending()
                time.sleep(30)
            """;
    private static final String SYNC = """
            from apscheduler.schedulers.blocking import BlockingScheduler


            def sync():
                print("sync")


            sched = BlockingScheduler()
            sched.add_job(sync, "cron", hour=4, minute=10)
            sched.start()
            """;
    private static final Map<String, String> TEXTS = new TreeMap<>(Map.of(
            "opt/reports/reports.py", REPORTS,
            "etc/systemd/system/reports.service", """
                    [Service]
                    User=reports
                    Environment=REPORT_DIR=/srv/reports
                    WorkingDirectory=/opt/reports
                    ExecStart=/usr/bin/python3 /opt/reports/reports.py
                    Restart=always
                    """,
            "opt/sync/sync.py", SYNC,
            "etc/supervisor/conf.d/sync.conf", """
                    [program:sync]
                    command=/usr/bin/python3 /opt/sync/sync.py
                    user=sync
                    directory=/opt/sync
                    autostart=true
                    """));

    /** The plans of the in-process jobs, by id, from the detected jobs as given. */
    private static Map<String, JobPlan> plans(List<Job> detected, ScheduleCheck check) {
        Map<String, InProcessJobs.Resolved> resolved = InProcessJobs.of(TEXTS, detected, Map.of(), new java.util.HashSet<>());
        Map<String, Job> migrated = new TreeMap<>();
        resolved.forEach((id, r) -> migrated.put(id, r.job()));
        KeptRunning.annotate(Phase.DUAL_RUN, migrated, TEXTS, Set.of(), Map.of());
        Map<String, JobPlan> out = new LinkedHashMap<>();
        migrated.forEach((id, j) -> out.put(id, JobPlan.of(j, check, REFERENCE, 15, "legacy-host")
                .withNote(KeptRunning.note(j))));
        return out;
    }

    @Test
    void withOrWithoutTheScansRecordThePlanIsTheSame() {
        ScheduleCheck check = new ScheduleCheck(ZoneId.of("UTC"), REFERENCE);
        List<Job> linked = LegacyEstate.detect(TEXTS, Map.of(), check, p -> false, new HashMap<>());
        Job reports = linked.stream().filter(j -> j.source().path().equals("opt/reports/reports.py")).findFirst().orElseThrow();
        Job sync = linked.stream().filter(j -> j.source().path().equals("opt/sync/sync.py")).findFirst().orElseThrow();
        // the detection's resolvers link the systemd-run job and only that one
        assertThat(reports.attributes()).containsEntry(SchedulerServices.SERVICE, "etc/systemd/system/reports.service");
        assertThat(sync.attributes()).doesNotContainKey(SchedulerServices.SERVICE);
        List<Job> unlinked = new ArrayList<>();
        for (Job j : linked) {
            Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
            if (SchedulerServices.IN_PROCESS.contains(j.kind())) {
                attributes.remove(SchedulerServices.SERVICE);
            }
            unlinked.add(new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(),
                    j.workingDir(), j.overlap(), j.dependsOn(), attributes));
        }
        Map<String, JobPlan> withRecord = plans(linked, check);
        Map<String, JobPlan> onDemand = plans(unlinked, check);
        assertThat(withRecord).hasSize(2);
        assertThat(withRecord.keySet()).isEqualTo(onDemand.keySet());
        withRecord.forEach((id, p) -> {
            JobPlan q = onDemand.get(id);
            assertThat(p.job()).isEqualTo(q.job());
            assertThat(p.notes()).isEqualTo(q.notes());
            assertThat(p.workPool()).isEqualTo(q.workPool());
            assertThat(p.plainEnv()).isEqualTo(q.plainEnv());
            assertThat(p.schedulerService()).isEqualTo(q.schedulerService());
            assertThat(p.origin()).isEqualTo(q.origin());
            assertThat(p.schedules().stream().map(s -> String.valueOf(s.target(Phase.DUAL_RUN))).toList())
                    .isEqualTo(q.schedules().stream().map(s -> String.valueOf(s.target(Phase.DUAL_RUN))).toList());
        });
        JobPlan report = withRecord.get(reports.id());
        assertThat(report.schedulerService()).isEqualTo("reports.service");
        assertThat(report.job().user()).isEqualTo("reports");
        assertThat(report.plainEnv()).containsEntry("REPORT_DIR", "/srv/reports");
        // the job no systemd unit runs is the supervisor program's, on both paths: switched off at the cutover
        JobPlan synced = withRecord.get(sync.id());
        assertThat(synced.schedulerService()).isNull();
        assertThat(synced.job().attributes()).containsEntry(KeptRunning.SUPERVISOR, "etc/supervisor/conf.d/sync.conf#sync");
        assertThat(synced.notes()).anyMatch(n -> n.startsWith("the supervisor program sync of etc/supervisor/conf.d/sync.conf"));
    }

    // must not change: a record naming a unit the estate no longer holds links nothing, as no record would
    @Test
    void aRecordOfAUnitThatIsGoneLinksNothing() {
        ScheduleCheck check = new ScheduleCheck(ZoneId.of("UTC"), REFERENCE);
        List<Job> linked = new ArrayList<>(LegacyEstate.detect(TEXTS, Map.of(), check, p -> false, new HashMap<>()));
        linked.removeIf(j -> j.source().path().equals("etc/systemd/system/reports.service"));
        assertThat(linked).anyMatch(j -> j.attributes().containsKey(SchedulerServices.SERVICE)
                && SchedulerServices.IN_PROCESS.contains(j.kind()));
        List<Job> unlinked = linked.stream().map(SchedulerServices::unlinked).toList();
        Map<String, JobPlan> withRecord = plans(linked, check);
        Map<String, JobPlan> onDemand = plans(unlinked, check);
        withRecord.forEach((id, p) -> {
            assertThat(p.job()).isEqualTo(onDemand.get(id).job());
            assertThat(p.notes()).isEqualTo(onDemand.get(id).notes());
            assertThat(p.schedulerService()).isNull();
        });
    }
}
