package dev.migrate.recipes.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.migrate.recipes.legacy.LegacyTestSupport.*;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** samples/legacy-host through dual-run, cutover (and its rollback) and cleanup, asserting the generated files. */
class MoveLegacySchedulersToPrefect3Test {
    @TempDir
    Path dir;

    @Test
    void legacyHostThroughAllPhases() throws Exception {
        Path host = copySample(dir, "legacy-host");
        Map<String, String> original = snapshot(host);

        RewriteResult dual = run(host, "dual-run");
        assertThat(dual.failures()).isEmpty();
        assertThat(dual.refused()).isEmpty();
        // APScheduler's day="last" is croniter's L (session 19): the month-end job is no manual item any more
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message())
                .startsWith("apscheduler-month-end-usage-close-8f5bc143 not migrated"));
        // every note names the rule of its job's scan finding, whose doc explains it
        assertThat(dual.notes()).allSatisfy(n -> assertThat(n.code()).as(n.message()).matches("[A-Z]{3}\\d{3}"));
        assertThat(dual.notes()).filteredOn(n -> n.message().startsWith("systemd-timer-invoice-export-"))
                .isNotEmpty().allSatisfy(n -> assertThat(n.code()).isEqualTo("SYD001"));
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message()).startsWith("systemd-timer-invoice-export-").contains(
                "secret: environment variable SFTP_PASSWORD is read from the Secret block"));
        assertThat(dual.notes()).filteredOn(n -> n.message().contains("Restart=on-failure becomes"))
                .isNotEmpty().allSatisfy(n -> assertThat(n.manual()).isFalse());
        assertThat(dual.notes()).filteredOn(n -> n.message().contains("kind prefect-agent is not handled"))
                .singleElement().satisfies(n -> {
                    assertThat(n.manual()).isFalse();
                    assertThat(n.sourcePath()).isEqualTo("etc/systemd/system/prefect-agent.service");
                });
        // The legacy side is untouched: only files under prefect/ appear.
        assertThat(dual.changes()).allSatisfy(c -> assertThat(c.path().toString()).startsWith("prefect/"));
        RewriteEngine.apply(host, dual);
        String yaml = read(host, "prefect/prefect.yaml");
        assertOnlyPrefect3Keys(yaml);
        assertThat(yaml).contains("name: cron-nightly-load-8c14374c", "cron: 45 2 * * *", "collision_strategy: CANCEL_NEW",
                "sandbox_root: /srv/prefect-sandbox/cron-nightly-load-8c14374c", "name: legacy-host-etl");
        String report = read(host, "prefect/MIGRATION.md");
        assertThat(report).contains("## systemd-timer-warehouse-load", "RandomizedDelaySec", "Not migrated",
                "@reboot", "proven to fire exactly 15 minutes after the cutover schedule");
        assertEveryScheduleHasAProof(yaml, report);
        assertThat(read(host, "prefect/ROLLBACK.md")).contains("prefect deployment delete 'nightly-load/cron-nightly-load-8c14374c'");
        assertThat(yaml).contains("name: py-schedule-job-weekly-pack-c7188b13", "entrypoint: flows/py_schedule_job_weekly_pack_c7188b13.py:job_weekly_pack_flow",
                "cron: 15 6 * * 1", "name: apscheduler-usage-import-4b293404", "name: celery-beat-morning-digest-68ef89cb",
                "timezone: Europe/Amsterdam", "name: legacy-host-reports");
        assertThat(report).contains("APScheduler's jitter of up to 30 s is dropped", "the scheduler counted PT10M from its own start",
                "Secret block 'dunning-letters-aps-jobstore-url' (create it with the value the legacy job used, see "
                        + "etc/systemd/system/aps-jobs.service)");
        assertThat(yaml).contains("name: apscheduler-month-end-usage-close-8f5bc143", "cron: 15 23 L * *");
        assertThat(report).doesNotContain("systemd-scheduler-report-scheduler", "`apscheduler-month-end-usage-close-8f5bc143 "
                + "(opt/etl/scheduler/aps_jobs.py:32:2)`: no schedule Prefect can express");
        // anacron: run-parts scripts get the schedule of the anacron entry that dispatches their directory.
        assertThat(read(host, "prefect/flows/run_parts_purge_exports_d673c6d0.py")).contains("COMMAND = '/bin/bash /etc/cron.daily/purge-exports'");
        assertThat(yaml).contains("name: run-parts-vacuum-warehouse-cfa07613", "cron: 25 3 * * 0", "name: anacron-warehouse-stats-4fc4125f");
        assertThat(report).contains("anacron ran /etc/cron.daily/backup-configs (through its entry cron.daily) once per period P1D",
                "`run-parts-cleanup-tmp-sh-04134196 (etc/cron.daily/cleanup-tmp.sh)`: run-parts skips this name",
                "`anacron-cron-daily-0dba7937 (etc/anacrontab:13:1)`: TODO keep this entry by hand (not a job of its own): it runs "
                        + "the scripts of /etc/cron.daily; its scripts run as the deployments ");
        // Spring and Quartz jobs: the flow runs the application's jar for one job; the entry point is the manual part.
        assertThat(read(host, "prefect/flows/spring_syncpayments_d29d7c03.py")).contains("COMMAND = '/usr/bin/java -Xmx1g -jar "
                + "/opt/billing-app/target/billing-app.jar --spring.profiles.active=prod --spring.main.web-application-type=none "
                + "--migrate.run-job=com.corp.billing.jobs.BillingScheduledJobs#syncPayments'");
        assertThat(yaml).contains("name: spring-syncpayments-d29d7c03", "cron: 15,45 8-18 * * 1-5", "timezone: Europe/Berlin",
                "name: quartz-finance-ledgerexport-4c9d2db7");
        assertThat(report).contains("- schedule `0 45 23 * * *` (America/New_York): at 23:45", "manual: the flow runs the application's jar with "
                + "--migrate.run-job=com.corp.billing.jobs.BillingScheduledJobs#reconcileWithBank", "cutover: pause the Quartz trigger ")
                .doesNotContain("systemd-scheduler-billing-app-93a26ccf");
        assertThat(dual.notes()).filteredOn(n -> n.message().startsWith("spring-nightlyinvoicerun-8ffea231: manual:"))
                .singleElement().satisfies(n -> assertThat(n.manual()).isTrue());
        assertThat(read(host, "prefect/flows/py_schedule_job_sales_flash_202fb924.py")).contains(
                "_MIGRATE_HOST_DIR = '/opt/etl/scheduler'", "from reports import sales  # noqa: E402\n",
                "def job_sales_flash():\n    sales.flash_report(channels=[\"web\", \"retail\"])\n",
                "@_migrate_flow(name='job_sales_flash', log_prints=True)", "    return job_sales_flash()\n");
        assertThat(read(host, "prefect/flows/celery_beat_morning_digest_68ef89cb.py")).contains(
                "_MIGRATE_HOST_DIR = '/opt/etl'", "from celery_app.tasks import send_digest  # noqa: E402",
                "    return send_digest(*(\"ops@corp.example\",))");
        assertThat(read(host, "prefect/flows/apscheduler_dunning_letters_1c3edc5c.py")).contains(
                "from billing import dunning  # noqa: E402", "'APS_JOBSTORE_URL': 'dunning-letters-aps-jobstore-url'",
                "    return dunning.send_letters()");
        assertCompiles(host);
        assertNoSecrets(host, "etc/etl/warehouse.env");
        assertNoPlantedSecrets(host, "legacy-host", dual);
        assertThat(run(host, "dual-run").changes()).as("a second run changes nothing").isEmpty();

        RewriteResult cut = run(host, "cutover");
        RewriteEngine.apply(host, cut);
        Map<String, String> cutState = snapshot(host);
        assertThat(read(host, "etc/cron.d/etl-nightly"))
                .contains("# migrate: disabled cron-nightly-load-8c14374c 2026-03-02\n# 30 2 * * *  etl  flock -n");
        assertThat(read(host, "prefect/prefect.yaml")).contains("cron: 30 2 * * *").doesNotContain("sandbox_root");
        assertThat(read(host, "prefect/cutover.sh")).contains("systemctl disable --now warehouse-load.timer");
        assertThat(read(host, "prefect/ROLLBACK.md")).contains("systemctl enable --now warehouse-load.timer",
                "prefect deployment schedule pause 'nightly-load/cron-nightly-load-8c14374c' <SCHEDULE_ID>",
                "`etc/cron.d/etl-nightly`: marker lines [7", ". Install the re-enabled crontabs on the host");
        assertStepsNumberedInOrder(read(host, "prefect/ROLLBACK.md"));
        RewriteResult again = run(host, "cutover");
        assertThat(again.changes()).as("a second cutover changes nothing").isEmpty();
        // and reports nothing new: the same rows, codes included, for the entries behind its markers too
        assertThat(again.notes()).containsExactlyInAnyOrderElementsOf(cut.notes());
        assertThat(again.notes()).filteredOn(n -> n.message().startsWith("cron-nightly-load-8c14374c:"))
                .isNotEmpty().allSatisfy(n -> assertThat(n.code()).isEqualTo("CRN001"));
        // a note names the line of the rewritten crontab where its entry is, not the marker above it or another entry
        String[] crontab = read(host, "etc/crontab").split("\n");
        assertThat(cut.notes()).filteredOn(n -> n.message().startsWith("cron-extract-crm-9d249b21:")).isNotEmpty()
                .allSatisfy(n -> assertThat(crontab[n.line() - 1]).startsWith("# 0 1 * * 1-5").contains("extract-crm.sh"));
        String[] aps = read(host, "opt/etl/scheduler/aps_jobs.py").split("\n");
        assertThat(cut.notes()).filteredOn(n -> n.message().startsWith("apscheduler-usage-import-4b293404:")).isNotEmpty()
                .allSatisfy(n -> assertThat(aps[n.line() - 1]).doesNotContain("migrate: disabled"));
        assertThat(read(host, "etc/anacrontab")).contains("# migrate: disabled anacron-warehouse-stats-4fc4125f 2026-03-02\n"
                + "# 3\t20\twarehouse.stats\t/opt/etl/bin/warehouse-stats.sh\n", "\n1\t5\tcron.daily\t");
        assertThat(read(host, "prefect/cutover.sh")).contains("chmod -x '/etc/cron.weekly/vacuum-warehouse'");
        assertThat(read(host, "prefect/ROLLBACK.md")).contains("chmod +x '/etc/cron.daily/backup-configs'");
        // In-process schedulers: each registration is commented under its marker, the scheduler itself stays.
        assertThat(read(host, "opt/etl/scheduler/report_schedule.py"))
                .contains("# migrate: disabled py-schedule-job-daily-kpis-ed37f813 2026-03-02 (1 line)\n"
                        + "# schedule.every().day.at(\"07:30\").do(job_daily_kpis)\n", "        schedule.run_pending()\n");
        assertThat(read(host, "opt/etl/scheduler/aps_jobs.py"))
                .contains("# migrate: disabled apscheduler-dunning-letters-1c3edc5c 2026-03-02 (2 lines)\n"
                        + "# scheduler.add_job(dunning.send_letters,", "# migrate: disabled apscheduler-month-end-usage-close-8f5bc143 2026-03-02 (1 line)\n"
                                + "# @scheduler.scheduled_job(\"cron\", day=\"last\"");
        assertThat(read(host, "opt/etl/celery_app/app.py")).contains("    # migrate: disabled celery-beat-heartbeat-5d7ff987 2026-03-02 (4 lines)\n"
                + "    # \"heartbeat\": {\n        # \"task\": \"celery_app.tasks.heartbeat\",");
        assertThat(read(host, "prefect/cutover.sh")).contains("systemctl try-restart report-scheduler.service",
                "systemctl try-restart celery-beat.service").doesNotContain("disable --now report-scheduler");

        // Rollback: the dual-run phase re-enables the crontab lines; then the legacy files are byte for byte original.
        RewriteEngine.apply(host, run(host, "dual-run"));
        Map<String, String> rolledBack = snapshot(host);
        original.forEach((path, text) -> assertThat(rolledBack.get(path)).as(path).isEqualTo(text));
        RewriteEngine.apply(host, run(host, "cutover"));
        assertThat(snapshot(host)).as("the same phase after a rollback gives the same result").isEqualTo(cutState);

        RewriteResult clean = run(host, "cleanup");
        RewriteEngine.apply(host, clean);
        assertThat(host.resolve("etc/systemd/system/warehouse-load.timer")).doesNotExist();
        assertThat(host.resolve("etc/systemd/system/warehouse-load.service")).doesNotExist();
        assertThat(host.resolve("etc/cron.d/finance-reports")).doesNotExist();
        assertThat(host.resolve("etc/crontab")).exists();
        // loop_runner.py loops at module level over several steps: not a cycle a flow can import, so it stays.
        assertThat(host.resolve("opt/etl/scheduler/loop_runner.py")).exists();
        assertThat(host.resolve("etc/systemd/system/etl-scheduler.service")).exists();
        assertThat(read(host, "prefect/cutover.sh")).doesNotContain("etl-scheduler");
        assertThat(read(host, "prefect/cleanup.sh")).contains("rm -f '/etc/systemd/system/warehouse-load.timer'",
                "systemctl disable --now report-scheduler.service", "systemctl disable --now celery-beat.service");
        // Every job of report_schedule.py is cut over and its flows carry their code: the script and its service go.
        assertThat(host.resolve("opt/etl/scheduler/report_schedule.py")).doesNotExist();
        assertThat(host.resolve("etc/systemd/system/report-scheduler.service")).doesNotExist();
        // so is aps_jobs.py, whose last job (month_end_usage_close, day="last") moved too; the Celery app serves the
        // workers.
        assertThat(host.resolve("opt/etl/scheduler/aps_jobs.py")).doesNotExist();
        assertThat(host.resolve("etc/systemd/system/aps-jobs.service")).doesNotExist();
        assertThat(host.resolve("opt/etl/celery_app/app.py")).exists();
        assertThat(host.resolve("etc/cron.daily/backup-configs")).as("the flow runs it in place").exists();
        assertThat(host.resolve("etc/systemd/system/celery-beat.service")).doesNotExist();
        assertThat(read(host, "prefect/ROLLBACK.md")).contains("systemctl enable --now report-scheduler.service",
                "systemctl enable --now aps-jobs.service");
        assertThat(read(host, "prefect/prefect.yaml")).contains("name: systemd-timer-warehouse-load");
        assertThat(run(host, "cleanup").changes()).as("a second cleanup changes nothing").isEmpty();
        assertCompiles(host);
        assertNoSecrets(host, "etc/etl/warehouse.env");
        assertNoPlantedSecrets(host, "legacy-host", clean);
    }

    @Test
    void k2SchedulerLoopThroughAllPhases() throws Exception {
        Path k2 = copySample(dir, "k2-platform");
        RewriteResult dual = run(k2, "dual-run");
        assertThat(dual.failures()).isEmpty();
        RewriteEngine.apply(k2, dual);
        String yaml = read(k2, "prefect/prefect.yaml");
        assertOnlyPrefect3Keys(yaml);
        assertThat(yaml).contains("name: py-loop-iceberg-offload-scheduler-", "interval: 900", "collision_strategy: ENQUEUE",
                "name: legacy-host-k2");
        Path flow;
        try (Stream<Path> s = Files.list(k2.resolve("prefect/flows"))) {
            flow = s.filter(p -> p.getFileName().toString().startsWith("py_loop_iceberg_offload_scheduler")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(flow)).contains("def run_cycle():", "_migrate_sys.path.insert(0, '/opt/k2/docker/offload')",
                "retries=5, retry_delay_seconds=30", "    return run_cycle()\n");
        assertThat(read(k2, "prefect/MIGRATION.md")).contains("- proof: equal over 50 fire times");
        assertCompiles(k2);
        assertThat(run(k2, "dual-run").changes()).isEmpty();

        RewriteEngine.apply(k2, run(k2, "cutover"));
        assertThat(read(k2, "prefect/cutover.sh")).contains("systemctl disable --now iceberg-offload-scheduler.service");
        assertThat(read(k2, "prefect/ROLLBACK.md")).contains("systemctl enable --now iceberg-offload-scheduler.service");

        RewriteEngine.apply(k2, run(k2, "cleanup"));
        assertThat(k2.resolve("docker/offload/scheduler.py")).doesNotExist();
        assertThat(k2.resolve("docker/offload/iceberg-offload-scheduler.service")).doesNotExist();
        assertThat(k2.resolve("docker/offload/metrics.py")).exists();
        assertThat(read(k2, "prefect/MIGRATION.md")).contains("docs/operations/runbooks/iceberg-scheduler-recovery.md:");
        assertThat(run(k2, "cleanup").changes()).as("a second cleanup changes nothing").isEmpty();
        assertCompiles(k2);
        assertNoPlantedSecrets(k2, "k2-platform");
    }

    @Test
    void civisScriptsThroughAllPhases() throws Exception {
        Path civis = copySample(dir, "civis-scripts");
        RewriteEngine.apply(civis, run(civis, "dual-run"));
        String yaml = read(civis, "prefect/prefect.yaml");
        assertOnlyPrefect3Keys(yaml);
        assertThat(yaml).contains("name: civis-update-van-source-codes-", "cron: 20 21 * * *", "timezone: America/New_York",
                "cron: 45 6 1 * *", "image: civisanalytics/datascience-python:7.2.0", "name: civis-docker");
        String report = read(civis, "prefect/MIGRATION.md");
        assertThat(report).contains("Civis script 118422198 has no active schedule", "Civis JobTypes::SqlRunner script 118430552",
                "Secret block 'update-van-source-codes-van-api-key-password'");
        assertEveryScheduleHasAProof(yaml, report);
        // Seed 004: the script's top-level code runs as the flow, its credential read becomes a Secret block (unsafe fix).
        assertThat(yaml).contains("entrypoint: flows/civis_update_van_source_codes_0428b419.py:update_van_source_codes");
        assertThat(read(civis, "prefect/flows/civis_update_van_source_codes_0428b419.py")).contains(
                "@_migrate_flow(name='update-van-source-codes', log_prints=True)",
                "    van_client = VAN(db=\"EveryAction\", api_key=_MigrateSecret.load('update-van-source-codes-van-api-key-password').get())\n",
                "    for result in query_results:\n        van_client.apply_person_code(result['vanid'], van_source_code)\n")
                .doesNotContain("subprocess", "os.environ[\"VAN_API_KEY_PASSWORD\"]");
        assertThat(report).contains("unsafe fix: scripts/update_van_source_codes/update_van_source_codes.py:6 read VAN_API_KEY_PASSWORD");
        assertCompiles(civis);
        assertThat(run(civis, "dual-run").changes()).isEmpty();
        RewriteEngine.apply(civis, run(civis, "cutover"));
        assertThat(read(civis, "prefect/ROLLBACK.md")).contains(". In Civis, turn the schedules back on:\n\n",
                "   - script 118422031: `5 21 * * *` America/New_York\n").doesNotContain("Re-enable the legacy side");
        assertStepsNumberedInOrder(read(civis, "prefect/ROLLBACK.md"));
        assertThat(read(civis, "prefect/prefect.yaml")).contains("cron: 5 21 * * *");
        RewriteEngine.apply(civis, run(civis, "cleanup"));
        assertThat(civis.resolve("scripts/update_van_source_codes/update_van_source_codes.py")).exists();
        assertThat(run(civis, "cleanup").changes()).isEmpty();
        assertCompiles(civis);
        assertNoSecrets(civis, ".env");
        assertNoPlantedSecrets(civis, "civis-scripts");
    }

    @Test
    void vpsCrontabFileNamedAfterItsUserThroughCutover() throws Exception {
        Path vps = copySample(dir, "vps-prefect2");
        RewriteEngine.apply(vps, run(vps, "dual-run"));
        assertThat(read(vps, "prefect/prefect.yaml")).contains("cron: 15 3 * * *", "cron: 45 3 * * *", "name: legacy-host-default");
        assertCompiles(vps);
        RewriteEngine.apply(vps, run(vps, "cutover"));
        assertThat(read(vps, "deploy/crontab.prefect")).contains("# migrate: disabled cron-pg-dump-368fc9fd 2026-03-02\n# 0 3 * * * pg_dump");
        assertThat(run(vps, "cutover").changes()).isEmpty();
        assertNoPlantedSecrets(vps, "vps-prefect2");
    }

    @Test
    void workPoolsTakeTheirPrefixFromTheOption() throws Exception {
        Path vps = copySample(dir, "vps-prefect2");
        var recipe = new MoveLegacySchedulersToPrefect3("dual-run", 15, null, null, AS_OF, null, null, null, "vps-1");
        RewriteEngine.apply(vps, new RewriteEngine(recipe, PrefectTarget.defaultTarget(), false).run(vps));
        assertThat(read(vps, "prefect/prefect.yaml")).contains("name: vps-1-default").doesNotContain("legacy-host");
    }

    @Test
    void civisLoopsBecomeTaskMapByOption() throws Exception {
        Path civis = copySample(dir, "civis-scripts");
        var recipe = new MoveLegacySchedulersToPrefect3("dual-run", 15, null, null, AS_OF, null, 4, null);
        RewriteEngine.apply(civis, new RewriteEngine(recipe, PrefectTarget.defaultTarget(), false).run(civis));
        assertThat(read(civis, "prefect/flows/civis_update_van_source_codes_0428b419.py")).contains(
                "task_runner=_MigrateThreadPoolTaskRunner(max_workers=4)", "    _migrate_apply_person_code_item.map(query_results).result()\n");
        assertThat(read(civis, "prefect/MIGRATION.md")).contains("per-item loop(s) run as task.map with at most 4 items at a time");
        assertCompiles(civis);
    }

    // the recipe read only an export's top-level timeZone and skipped exports without one (a bare list from the
    // API, civis-python's snake_case): scan read the script's own zone, so the deployment ran at other times than
    // the schedule scan proved (session 14)
    @Test
    void aCivisScriptRunsInItsOwnZoneAsScanReadsIt() throws Exception {
        Path p = dir.resolve("civis-list");
        Files.createDirectories(p);
        Files.writeString(p.resolve("scripts.json"), """
                [
                  {"id": 7, "name": "Nightly Load", "type": "JobTypes::ContainerDocker", "time_zone": "Europe/Berlin",
                   "docker_command": "python load.py", "docker_image_name": "corp/etl", "docker_image_tag": "1.2",
                   "schedule": {"scheduled": true, "scheduled_days": [1, 2, 3, 4, 5], "scheduled_hours": [2],
                                "scheduled_minutes": [30]}},
                  {"id": 8, "name": "Hourly Sync", "type": "JobTypes::ContainerDocker", "dockerCommand": "python sync.py",
                   "dockerImageName": "corp/etl", "schedule": {"scheduled": true, "scheduledHours": [9, 10],
                   "scheduledRunsPerHour": 4}}
                ]
                """);
        RewriteEngine.apply(p, run(p, "dual-run"));
        String yaml = read(p, "prefect/prefect.yaml");
        // dual-run: 15 minutes after the legacy 02:30; an every-15-minutes schedule moves half its period (15 minutes
        // later would be its own legacy times)
        assertThat(yaml).contains("cron: 45 2 * * 1-5", "timezone: Europe/Berlin", "cron: 7-52/15 9,10 * * *",
                "timezone: UTC", "image: corp/etl:1.2", "image: corp/etl:latest");
        assertCompiles(p);
        assertThat(run(p, "dual-run").changes()).isEmpty();
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThat(new MoveLegacySchedulersToPrefect3("dual-run", 75, null, null, null, null).validate().isValid()).isFalse();
        assertThat(new MoveLegacySchedulersToPrefect3("later", null, null, null, null, null).validate().isValid()).isFalse();
        assertThat(new MoveLegacySchedulersToPrefect3("cutover", null, null, null, "yesterday", null).validate().isValid()).isFalse();
        assertThat(new MoveLegacySchedulersToPrefect3("cutover", 5, null, "out", AS_OF, "Europe/Berlin").validate().isValid()).isTrue();
        assertThat(new MoveLegacySchedulersToPrefect3("cutover", 5, null, "out", AS_OF, null, 0, null).validate().isValid()).isFalse();
    }

    @Test
    void projectWithoutMovableJobsIsNotChanged() throws IOException {
        Path p = dir.resolve("boot-only");
        Files.createDirectories(p.resolve("etc/cron.d"));
        Files.writeString(p.resolve("etc/cron.d/tunnel"), "@reboot root /usr/local/bin/start-tunnel.sh\n");
        Files.writeString(p.resolve("notes.txt"), "nothing scheduled here\n");
        for (String phase : List.of("dual-run", "cutover", "cleanup")) {
            assertThat(run(p, phase).changes()).as(phase).isEmpty();
        }
    }

    /** Before: steps were numbered 1, 3, 4 whenever a phase had no files to restore (a reader looks for step 2). */
    private static void assertStepsNumberedInOrder(String markdown) {
        List<Integer> numbers = markdown.lines().filter(l -> l.matches("[0-9]+\\. .*"))
                .map(l -> Integer.parseInt(l.substring(0, l.indexOf('.')))).toList();
        assertThat(numbers).isNotEmpty();
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("step %d of %s", i + 1, numbers).isEqualTo(i + 1);
        }
    }
}
