package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CutoverJobsTest {
    private static Job job(String id, JobKind kind, String name, String path) {
        return new Job(id, kind, name, SourceRef.at(path, 1, 1), List.of(), null, null, Map.of(), null, null, List.of(),
                Map.of());
    }

    private static Inventory inventory(Job... jobs) {
        return new Inventory("x", List.of(jobs), List.of(), List.of(), new ScanStats(0, 0, 0));
    }

    /** A key is printed in plans, statuses and commands: a secret in the job's name must not reach it. */
    @Test
    void keysComeFromTheRedactedName() {
        assertThat(CutoverJob.keyOf("load --password hunter2")).doesNotContain("hunter2").startsWith("load-password");
        assertThat(CutoverJob.keyOf("sync https://etl:s3cret@db.example.org/x")).doesNotContain("s3cret");
        assertThat(CutoverJob.keyOf("lake_ingestion")).isEqualTo("lake-ingestion");
        // before: "caf-load", "" and "ladung" for both
        assertThat(CutoverJob.keyOf("Café Load")).isEqualTo("cafe-load");
        assertThat(CutoverJob.keyOf("日次ロード")).isEqualTo("日次ロード");
        assertThat(CutoverJob.keyOf("Ladung ü")).isEqualTo("ladung-u").isNotEqualTo(CutoverJob.keyOf("Ladung ö"));
        assertThat(CutoverJob.keyOf("nightly load")).isEqualTo("nightly-load");
    }

    @Test
    void legacyAndNewDeploymentMeetByNameAndPlatformIsLeftOut() {
        Inventory inv = inventory(job("prefect2-a-1", JobKind.PREFECT2_DEPLOYMENT, "Nightly_Load", "a.yaml"),
                job("prefect3-a-2", JobKind.PREFECT3_DEPLOYMENT, "nightly-load", "prefect.yaml"),
                job("prefect-server-s", JobKind.PREFECT_SERVER, "prefect server", "compose.yaml"));
        List<CutoverJob> jobs = CutoverJobs.of(inv, List.of(new DeclaredJob("nightly_load", "v.yaml jobs[0]",
                Duration.ofMinutes(30))), List.of(), EvidenceReader.EMPTY);
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).key()).isEqualTo("nightly-load");
        assertThat(jobs.get(0).legacy().id()).isEqualTo("prefect2-a-1");
        assertThat(jobs.get(0).deployment().id()).isEqualTo("prefect3-a-2");
        assertThat(jobs.get(0).validationName()).isEqualTo("nightly_load");
    }

    // the scan names a prefect.yaml deployment FLOW/DEPLOYMENT now, as Prefect does; cutover keys it by its own name as
    // before (it meets its legacy job of that name, and what was recorded keeps its job), and takes the new name too:
    // a validation, a person's gate, the validate config's job or a --job argument may give either
    @Test
    void aPrefectYamlDeploymentIsKeyedByItsOwnNameAndFoundByItsFlowNameToo() {
        Job named = new Job("prefect3-nightly-1", JobKind.PREFECT3_DEPLOYMENT, "warehouse-etl/nightly",
                SourceRef.at("prefect.yaml", 3, 5), List.of(), null, null, Map.of(), null, null, List.of(),
                Map.of("deploymentName", "nightly", "flowName", "warehouse-etl"));
        Job legacy = job("cron-nightly-2", JobKind.CRON, "nightly", "etc/crontab");
        EvidenceReader evidence = new EvidenceReader() {
            @Override
            public List<Validation> validations(String job) {
                return job.equals("warehouse-etl/nightly") ? List.of(new Validation("r1", job, "a", "b",
                        "2026-11-20T02:00:00Z", "pass", 3, 0, null)) : List.of();
            }

            @Override
            public List<Recorded> recordedGates() {
                return List.of(new Recorded("warehouse-etl/nightly", "legacy-disabled", "ops", null, "2026-11-21T09:00:00Z"));
            }

            @Override
            public List<String> validatedJobs() {
                return List.of("warehouse-etl/nightly");
            }
        };
        List<CutoverJob> jobs = CutoverJobs.of(inventory(named, legacy), List.of(), List.of(), evidence);
        assertThat(jobs).singleElement().satisfies(j -> {
            assertThat(j.key()).isEqualTo("nightly");
            assertThat(j.legacy().id()).isEqualTo("cron-nightly-2");
            assertThat(j.deployment().id()).isEqualTo("prefect3-nightly-1");
            assertThat(j.otherName()).isEqualTo("warehouse-etl/nightly");
        });
        assertThat(CutoverJobs.select(jobs, List.of("warehouse-etl/nightly"))).containsExactlyElementsOf(jobs);
        assertThat(CutoverJobs.of(inventory(named), List.of(new DeclaredJob("warehouse-etl/nightly", "v.yaml jobs[0]",
                Duration.ZERO)), List.of(), EvidenceReader.EMPTY)).singleElement()
                .satisfies(j -> assertThat(j.validationName()).isEqualTo("warehouse-etl/nightly"));
        // a name two jobs' flows give is neither's
        Job other = new Job("prefect3-nightly-3", JobKind.PREFECT3_DEPLOYMENT, "warehouse-etl/nightly",
                SourceRef.at("billing/prefect.yaml", 3, 5), List.of(), null, null, Map.of(), null, null, List.of(),
                Map.of("deploymentName", "nightly-billing"));
        assertThat(CutoverJobs.of(inventory(named, other), List.of(), List.of(), evidence)).extracting(CutoverJob::key)
                .containsExactly("nightly", "nightly-billing", "warehouse-etl-nightly");
    }

    @Test
    void twoLegacyJobsWithOneNameAreBothKept() {
        Inventory inv = inventory(job("anacron-cron-daily-1", JobKind.ANACRON, "cron.daily", "etc/anacrontab"),
                job("cron-cron-daily-2", JobKind.CRON, "cron.daily", "etc/crontab"));
        List<CutoverJob> jobs = CutoverJobs.of(inv, List.of(), List.of(), EvidenceReader.EMPTY);
        assertThat(jobs).extracting(CutoverJob::key).containsExactly("cron-cron-daily-2", "cron-daily");
        assertThat(CutoverJobs.select(jobs, List.of("cron-cron-daily-2"))).extracting(j -> j.legacy().id())
                .containsExactly("cron-cron-daily-2");
        assertThatThrownBy(() -> CutoverJobs.select(jobs, List.of("nope"))).isInstanceOf(CutoverException.class)
                .hasMessage("job nope: no such job in this estate; give a job's name key or scan id\nknown jobs (2):\n"
                        + "  cron-cron-daily-2, cron-daily");
    }

    @Test
    void aCrontabLineThatRunsADirectoryOnlyWithoutAnacronIsTheAnacronJobsFallback() {
        Job anacron = new Job("anacron-cron-daily-1", JobKind.ANACRON, "cron.daily", SourceRef.at("etc/anacrontab", 3, 1),
                List.of(), "run-parts --report /etc/cron.daily", "root", Map.of(), null, null, List.of(), Map.of());
        Job fallback = new Job("cron-cron-daily-2", JobKind.CRON, "cron.daily", SourceRef.at("etc/crontab", 9, 1), List.of(),
                "test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily )", "root", Map.of(), null, null,
                List.of(), Map.of());
        Job hourly = new Job("cron-cron-hourly-3", JobKind.CRON, "cron.hourly", SourceRef.at("etc/crontab", 8, 1), List.of(),
                "cd / && run-parts --report /etc/cron.hourly", "root", Map.of(), null, null, List.of(), Map.of());
        Job weekly = new Job("cron-cron-weekly-4", JobKind.CRON, "cron.weekly", SourceRef.at("etc/crontab", 10, 1), List.of(),
                "test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.weekly )", "root", Map.of(), null, null,
                List.of(), Map.of());
        Inventory inv = inventory(fallback, hourly, weekly, anacron);
        List<CutoverJob> jobs = CutoverJobs.of(inv, List.of(), List.of(), EvidenceReader.EMPTY);
        // no anacron entry runs cron.weekly here: its crontab line is the job
        assertThat(jobs).extracting(CutoverJob::key).containsExactly("cron-daily", "cron-hourly", "cron-weekly");
        assertThat(jobs.get(0).legacy()).isEqualTo(anacron);
        assertThat(jobs.get(0).fallbacks()).containsExactly(fallback);
        assertThat(CutoverJobs.legacyKeys(inv)).containsEntry("cron-cron-daily-2", "cron-daily");
        assertThat(CutoverJobs.select(jobs, List.of("cron-cron-daily-2"))).extracting(CutoverJob::key).containsExactly("cron-daily");
    }

    /**
     * An estate of hundreds of jobs: the error names the keys closest to what was typed first, then lists a bounded
     * number of keys on lines of readable width, and says how many it left out.
     */
    @Test
    void anUnknownJobNamesTheClosestAndListsTheRestBounded() {
        List<Job> many = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(job("cron-export-" + i, JobKind.CRON, String.format("export_table_%03d", i), "etc/crontab"));
        }
        many.add(job("cron-nightly", JobKind.CRON, "nightly_load", "etc/crontab"));
        many.add(job("cron-nightly-2", JobKind.CRON, "nightly_load_eu", "etc/crontab"));
        List<CutoverJob> jobs = CutoverJobs.of(new Inventory("x", many, List.of(), List.of(), new ScanStats(0, 0, 0)),
                List.of(), List.of(), EvidenceReader.EMPTY);
        String typo = catchMessage(jobs, "nightly-laod");
        assertThat(typo).startsWith("job nightly-laod: no such job in this estate; did you mean nightly-load?\n"
                + "known jobs (122):\n  export-table-000, export-table-001,");
        String[] lines = typo.split("\n");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(101));
        assertThat(lines.length).isLessThan(10);
        assertThat(lines[lines.length - 1]).isEqualTo("  ... and 92 more (migrate cutover status lists every job with its state)");
        assertThat(catchMessage(jobs, "export_table_07")).contains("did you mean export-table-070, export-table-071, export-table-072?");
        assertThat(catchMessage(jobs, "nightly")).contains("did you mean nightly-load, nightly-load-eu?");
        assertThat(catchMessage(jobs, "zzz")).contains("; give a job's name key or scan id\n");
    }

    /** A template timer's job is named backup@ by the scan: the validations and commands cutover names say backup. */
    @Test
    void aTemplateUnitsJobGoesByItsNameWithoutTheAt() {
        List<CutoverJob> jobs = CutoverJobs.of(inventory(job("systemd-timer-backup-1", JobKind.SYSTEMD_TIMER, "backup@",
                "etc/systemd/system/backup@.timer")), List.of(), List.of(), EvidenceReader.EMPTY);
        assertThat(jobs).extracting(CutoverJob::key, CutoverJob::validationName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("backup", "backup"));
    }

    private static String catchMessage(List<CutoverJob> jobs, String wanted) {
        try {
            CutoverJobs.select(jobs, List.of(wanted));
        } catch (CutoverException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + wanted);
    }

    private static Job withCommand(Job j, String command) {
        return new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), command, j.user(), j.env(), j.workingDir(),
                j.overlap(), j.dependsOn(), j.attributes());
    }

    // before: k2-platform's scheduler.py and the iceberg-offload-scheduler.service that keeps it alive were two jobs
    @Test
    void aLoopAndTheUnitThatKeepsItRunningAreOneJobNamedAsTheUnit() {
        Job loop = job("py-loop-1", JobKind.PYTHON_SLEEP_LOOP, "scheduler.py", "docker/offload/scheduler.py");
        Job unit = withCommand(job("systemd-scheduler-2", JobKind.SYSTEMD_SCHEDULER_SERVICE, "iceberg-offload-scheduler",
                "docker/offload/iceberg-offload-scheduler.service"), "/opt/k2/.venv/bin/python /opt/k2/docker/offload/scheduler.py");
        Inventory inv = inventory(unit, loop);
        List<CutoverJob> jobs = CutoverJobs.of(inv, List.of(new DeclaredJob("scheduler.py", "v.yaml jobs[0]", null)),
                List.of(), EvidenceReader.EMPTY);
        assertThat(jobs).singleElement().satisfies(j -> {
            assertThat(j.key()).isEqualTo("iceberg-offload-scheduler");
            assertThat(j.legacy()).isSameAs(loop);
            assertThat(j.supervisor()).isSameAs(unit);
            assertThat(j.declared()).as("the validate config may name the loop's script").isNotNull();
        });
        assertThat(CutoverJobs.legacyKeys(inv)).containsEntry("py-loop-1", "iceberg-offload-scheduler")
                .containsEntry("systemd-scheduler-2", "iceberg-offload-scheduler");
        for (String name : List.of("scheduler.py", "scheduler-py", "iceberg-offload-scheduler", "py-loop-1", "systemd-scheduler-2")) {
            assertThat(CutoverJobs.select(jobs, List.of(name))).as(name).containsExactly(jobs.get(0));
        }
        // the legacy recipe names the pair after the unit under an id of its own: its deployment is this job's
        Job deployed = new Job("prefect3-3", JobKind.PREFECT3_DEPLOYMENT, "flow/py-loop-iceberg-offload-scheduler-e98cc446",
                SourceRef.at("prefect/prefect.yaml", 5, 3), List.of(), null, null, Map.of(), null, null, List.of(),
                Map.of("deploymentName", "py-loop-iceberg-offload-scheduler-e98cc446"));
        List<CutoverJob> after = CutoverJobs.of(inventory(unit, loop, deployed),
                Map.of("py-loop-iceberg-offload-scheduler-e98cc446", "iceberg-offload-scheduler"), List.of(), List.of(),
                EvidenceReader.EMPTY);
        assertThat(after).singleElement().satisfies(j -> assertThat(j.deployment()).isSameAs(deployed));
    }

    // a loop no unit keeps running is named as the legacy recipe names it (its script without .py), so the deployment
    // the recipe wrote for it is its: before, cutover keyed it scheduler-py and the recipe's deployment was a job apart
    @Test
    void aLoopWithoutAUnitIsKeyedAsTheLegacyRecipeNamesIt() {
        Job loop = job("py-loop-1", JobKind.PYTHON_SLEEP_LOOP, "scheduler.py", "jobs/scheduler.py");
        List<CutoverJob> jobs = CutoverJobs.of(inventory(loop), List.of(), List.of(), EvidenceReader.EMPTY);
        assertThat(jobs).extracting(CutoverJob::key).containsExactly("scheduler");
        assertThat(dev.migrate.analyzers.model.SleepLoopNames.of("jobs/scheduler.py", null)).isEqualTo("scheduler");
        for (String name : List.of("scheduler.py", "scheduler-py", "scheduler", "py-loop-1")) {
            assertThat(CutoverJobs.select(jobs, List.of(name))).as(name).containsExactly(jobs.get(0));
        }
        Job deployed = new Job("prefect3-2", JobKind.PREFECT3_DEPLOYMENT, "scheduler/py-loop-scheduler-0a1b2c3d",
                SourceRef.at("prefect/prefect.yaml", 5, 3), List.of(), null, null, Map.of(), null, null, List.of(),
                Map.of("deploymentName", "py-loop-scheduler-0a1b2c3d"));
        List<CutoverJob> after = CutoverJobs.of(inventory(loop, deployed), Map.of("py-loop-scheduler-0a1b2c3d", "scheduler"),
                List.of(), List.of(), EvidenceReader.EMPTY);
        assertThat(after).singleElement().satisfies(j -> {
            assertThat(j.key()).isEqualTo("scheduler");
            assertThat(j.legacy()).isSameAs(loop);
            assertThat(j.deployment()).isSameAs(deployed);
        });
    }

    // a unit whose script also runs an in-process scheduler hosts those jobs: it stays a job of its own
    @Test
    void aUnitThatAlsoHostsInProcessJobsIsNoLoopsSupervisor() {
        Job loop = job("py-loop-1", JobKind.PYTHON_SLEEP_LOOP, "jobs.py", "opt/jobs.py");
        Job aps = job("apscheduler-2", JobKind.APSCHEDULER, "nightly", "opt/jobs.py");
        Job unit = withCommand(job("systemd-scheduler-3", JobKind.SYSTEMD_SCHEDULER_SERVICE, "jobs", "etc/jobs.service"),
                "/usr/bin/python3 /opt/jobs.py");
        List<CutoverJob> jobs = CutoverJobs.of(inventory(unit, loop, aps), List.of(), List.of(), EvidenceReader.EMPTY);
        // the loop is named as the legacy recipe names it (SleepLoopNames: its script without .py), which the unit took
        // first: it goes by its scan id, so neither is lost
        assertThat(jobs).extracting(CutoverJob::key).containsExactlyInAnyOrder("jobs", "py-loop-1", "nightly");
        assertThat(jobs).allSatisfy(j -> assertThat(j.supervisor()).isNull());
    }
}
