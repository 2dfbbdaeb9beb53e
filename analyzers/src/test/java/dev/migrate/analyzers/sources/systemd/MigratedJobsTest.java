package dev.migrate.analyzers.sources.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before, a host dump on which migrate's legacy recipe ran its cutover (cutover.sh switches the timer off on the host,
 * the unit file stays in the tree) or a cleanup that kept the unit scanned as an active timer with its breaking finding.
 * The recipe's manifest says it switched the timer off: the scan now lists it as disabled by migrate, as it does a
 * crontab line the cutover commented out.
 */
class MigratedJobsTest {
    @TempDir
    Path root;

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void etlTimer() throws Exception {
        write("etc/systemd/system/etl.timer", """
                [Timer]
                OnCalendar=*-*-* 02:30:00

                [Install]
                WantedBy=timers.target
                """);
        write("etc/systemd/system/etl.service", """
                [Service]
                Type=oneshot
                ExecStart=/opt/etl/bin/load.sh --full
                """);
    }

    private Inventory scan() throws Exception {
        return Scanner.standard(ScanOptions.defaults()).scan(root, "root", ScanListener.NONE);
    }

    private Job timer(Inventory inv) {
        return inv.jobs().stream().filter(j -> j.kind() == JobKind.SYSTEMD_TIMER).findFirst().orElseThrow();
    }

    /** A manifest as the recipe writes it, at {@code path}, listing the scan's etl timer. */
    private void manifest(String path, String phase) throws Exception {
        String id = timer(scan()).id();
        write(path, """
                # Written by migrate: the legacy jobs this project replaces, the files generated and the legacy files deleted (values of secrets are not kept).
                phase: %s
                jobs:
                - id: %s
                  kind: SYSTEMD_TIMER
                  name: etl
                  source:
                    path: etc/systemd/system/etl.timer
                    line: 0
                    column: 0
                  schedules:
                  - form: SYSTEMD_CALENDAR
                    expression: '*-*-* 02:30:00'
                    timezone: null
                    where:
                      path: etc/systemd/system/etl.timer
                      line: 2
                      column: 12
                  command: /opt/etl/bin/load.sh --full
                generated:
                - prefect/prefect.yaml
                - prefect/legacy-jobs.yaml
                removed: []
                """.formatted(phase, id));
    }

    @Test
    void aTimerTheCutoverSwitchedOffIsDisabledByMigrate() throws Exception {
        etlTimer();
        manifest("prefect/legacy-jobs.yaml", "cutover");
        Inventory inv = scan();
        Job etl = timer(inv);
        assertThat(etl.attributes()).containsEntry("disabled", "true")
                .containsEntry("disabled.byMigrate", "cutover.sh of prefect/legacy-jobs.yaml (cutover phase)");
        assertThat(inv.findings()).noneSatisfy(f -> assertThat(f.jobId()).isEqualTo(etl.id()));
    }

    @Test
    void aTimerTheCleanupKeptIsDisabledByMigrateToo() throws Exception {
        etlTimer();
        manifest("prefect/legacy-jobs.yaml", "cleanup");
        assertThat(timer(scan()).attributes()).containsEntry("disabled", "true");
    }

    /**
     * What the host's journal says after the cutover stays: a run that failed is evidence (cutover.sh has not run, or
     * something starts the unit), which this pass, running before the activity pass, does not take away.
     */
    @Test
    void theJournalsEvidenceOfASwitchedOffTimerStays() throws Exception {
        String now = System.getProperty("migrate.now");
        String zone = System.getProperty("migrate.hostZone");
        System.setProperty("migrate.now", "2026-11-21T12:00:00Z");
        System.setProperty("migrate.hostZone", "Europe/Berlin");
        try {
            etlTimer();
            manifest("prefect/legacy-jobs.yaml", "cutover");
            write("var/log/journal-etl.log", """
                    2026-11-20T02:30:00+0100 etl-host systemd[1]: Starting etl.service - Nightly ETL...
                    2026-11-20T02:30:07+0100 etl-host systemd[1]: etl.service: Main process exited, code=exited, status=1/FAILURE
                    2026-11-20T02:30:07+0100 etl-host systemd[1]: etl.service: Failed with result 'exit-code'.
                    2026-11-21T11:00:00+0100 etl-host systemd[1]: Started session-1.scope.
                    """);
            Inventory inv = scan();
            Job etl = timer(inv);
            assertThat(etl.attributes()).containsEntry("disabled", "true");
            assertThat(inv.findings()).filteredOn(f -> etl.id().equals(f.jobId())).extracting(f -> f.code())
                    .containsExactly("ACT002");
        } finally {
            restore("migrate.now", now);
            restore("migrate.hostZone", zone);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private void tickerLoop() throws Exception {
        write("opt/ticker/loop.py", """
                import time


                def refresh():
                    print("refreshing")


                def main():
                    while True:
                        refresh()
                        time.sleep(300)


                if __name__ == "__main__":
                    main()
                """);
        write("etc/systemd/system/ticker.service", """
                [Service]
                User=etl
                ExecStart=/usr/bin/python3 /opt/ticker/loop.py
                Restart=always

                [Install]
                WantedBy=multi-user.target
                """);
    }

    private void ordersScheduler(String registrations) throws Exception {
        write("opt/sched/jobs.py", """
                import time

                import schedule


                def export_orders():
                    print("exporting orders")


                def purge():
                    print("purging")


                %s
                while True:
                    schedule.run_pending()
                    time.sleep(30)
                """.formatted(registrations));
        write("etc/systemd/system/sched.service", """
                [Service]
                ExecStart=/usr/bin/python3 /opt/sched/jobs.py
                Restart=always
                """);
    }

    /** A manifest of {@code phase} listing one job, as the recipe writes it, with the files it generated. */
    private void manifestOf(String phase, String job, String... generated) throws Exception {
        StringBuilder g = new StringBuilder();
        for (String path : generated) {
            g.append("- ").append(path).append('\n');
        }
        write("prefect/legacy-jobs.yaml", "# Written by migrate: the legacy jobs this project replaces, the files generated "
                + "and the legacy files deleted (values of secrets are not kept).\nphase: " + phase + "\njobs:\n" + job
                + "generated:\n" + g + "- prefect/legacy-jobs.yaml\n- prefect/prefect.yaml\nremoved: []\n");
    }

    private static final String TICKER_JOB = """
            - id: py-loop-ticker-a46e6f22
              kind: PYTHON_SLEEP_LOOP
              name: ticker
              source:
                path: opt/ticker/loop.py
                line: 10
                column: 1
              schedules: []
              command: /usr/bin/python3 /opt/ticker/loop.py
              attributes:
                python.script: opt/ticker/loop.py
                service: etc/systemd/system/ticker.service
            """;

    private static final String ORDERS_JOB = """
            - id: py-schedule-export-orders-21e4ecad
              kind: PYTHON_SCHEDULE_LIB
              name: export_orders
              source:
                path: opt/sched/jobs.py
                line: 14
                column: 37
              schedules: []
              command: null
              attributes:
                service: etc/systemd/system/sched.service
            """;

    private static Job only(Inventory inv, JobKind kind) {
        return inv.jobs().stream().filter(j -> j.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void aLoopAndTheServiceTheCutoverSwitchedOffAreDisabledByMigrate() throws Exception {
        tickerLoop();
        Inventory before = scan();
        assertThat(before.findings()).extracting(f -> f.code()).contains("PYS003", "SYD004");
        manifestOf("cutover", TICKER_JOB);
        Inventory inv = scan();
        for (JobKind kind : new JobKind[] {JobKind.PYTHON_SLEEP_LOOP, JobKind.SYSTEMD_SCHEDULER_SERVICE}) {
            assertThat(only(inv, kind).attributes()).as(kind.name()).containsEntry("disabled", "true")
                    .containsEntry("disabled.byMigrate", "cutover.sh of prefect/legacy-jobs.yaml (cutover phase)");
        }
        assertThat(inv.findings()).extracting(f -> f.code()).doesNotContain("PYS003", "SYD004");
    }

    /** Must not change: a loop the recipe moved with nothing that kept it running (a shell, nohup) still runs. */
    @Test
    void aLoopMovedWithoutAServiceStaysActive() throws Exception {
        tickerLoop();
        Files.delete(root.resolve("etc/systemd/system/ticker.service"));
        manifestOf("cutover", TICKER_JOB.replace("  service: etc/systemd/system/ticker.service\n", ""));
        assertThat(only(scan(), JobKind.PYTHON_SLEEP_LOOP).attributes()).doesNotContainKey("disabled");
    }

    /**
     * A loop a supervisor program or a compose service kept running: the cutover stopped it (cutover.sh) and switched it
     * off in its file (autostart=false, deploy.replicas: 0). Before, the scan listed the loop as active with PYS003.
     */
    @Test
    void aLoopWhoseSupervisorProgramOrComposeServiceTheCutoverSwitchedOffIsDisabledByMigrate() throws Exception {
        tickerLoop();
        Files.delete(root.resolve("etc/systemd/system/ticker.service"));
        write("etc/supervisor/conf.d/ticker.conf", "[program:ticker]\ncommand=/usr/bin/python3 /opt/ticker/loop.py\n");
        manifestOf("cutover", TICKER_JOB.replace("  service: etc/systemd/system/ticker.service\n",
                "  supervisor.program: etc/supervisor/conf.d/ticker.conf#ticker\n    keptRunning.cutover: stop\n"));
        Inventory inv = scan();
        assertThat(only(inv, JobKind.PYTHON_SLEEP_LOOP).attributes()).containsEntry("disabled", "true")
                .containsEntry("disabled.byMigrate", "cutover.sh of prefect/legacy-jobs.yaml (cutover phase), supervisor "
                        + "program ticker of etc/supervisor/conf.d/ticker.conf");
        assertThat(inv.findings()).extracting(f -> f.code()).doesNotContain("PYS003");

        manifestOf("cleanup", TICKER_JOB.replace("  service: etc/systemd/system/ticker.service\n",
                "  compose.service: deploy/docker-compose.yml#ticker\n"));
        assertThat(only(scan(), JobKind.PYTHON_SLEEP_LOOP).attributes()).containsEntry("disabled.byMigrate",
                "cutover.sh of prefect/legacy-jobs.yaml (cleanup phase), compose service ticker of deploy/docker-compose.yml");

        manifestOf("dual-run", TICKER_JOB.replace("  service: etc/systemd/system/ticker.service\n",
                "  compose.service: deploy/docker-compose.yml#ticker\n"));
        assertThat(only(scan(), JobKind.PYTHON_SLEEP_LOOP).attributes()).as("the dual run switches nothing off")
                .doesNotContainKey("disabled");
    }

    @Test
    void aSchedulerServiceWhoseRegistrationsTheCutoverCommentedOutIsDisabledByMigrate() throws Exception {
        ordersScheduler("""
                # migrate: disabled py-schedule-export-orders-21e4ecad 2026-11-24 (1 line)
                # schedule.every().day.at("03:15").do(export_orders)
                """);
        manifestOf("cutover", ORDERS_JOB);
        Inventory inv = scan();
        assertThat(only(inv, JobKind.SYSTEMD_SCHEDULER_SERVICE).attributes()).containsEntry("disabled", "true")
                .containsEntry("disabled.byMigrate", "its jobs' registrations commented out by migrate "
                        + "(prefect/legacy-jobs.yaml, cutover phase)");
        assertThat(inv.findings()).extracting(f -> f.code()).doesNotContain("SYD004", "PYS001");
    }

    /** Must not change: a registration the recipe left (or added since) keeps its service a scheduler. */
    @Test
    void aSchedulerServiceWithARegistrationLeftStaysActive() throws Exception {
        ordersScheduler("""
                # migrate: disabled py-schedule-export-orders-21e4ecad 2026-11-24 (1 line)
                # schedule.every().day.at("03:15").do(export_orders)
                schedule.every().hour.do(purge)
                """);
        Inventory before = scan();
        manifestOf("cutover", ORDERS_JOB);
        Inventory inv = scan();
        assertThat(only(inv, JobKind.SYSTEMD_SCHEDULER_SERVICE).attributes()).doesNotContainKey("disabled");
        assertThat(inv.findings()).hasSameSizeAs(before.findings());
    }

    /** The generated flow carries the loop's code to run one cycle: that copy is no job, from the dual-run on. */
    @Test
    void theLoopAGeneratedFlowCarriesIsNoJob() throws Exception {
        tickerLoop();
        write("prefect/flows/py_loop_ticker_a46e6f22.py", read("opt/ticker/loop.py") + """


                # --- added by migrate: one cycle of the loop above, run by a Prefect deployment ---
                from prefect import flow


                @flow(name="ticker")
                def ticker_flow():
                    refresh()
                """);
        manifestOf("dual-run", TICKER_JOB, "prefect/flows/py_loop_ticker_a46e6f22.py");
        Inventory inv = scan();
        assertThat(inv.jobs()).filteredOn(j -> j.kind() == JobKind.PYTHON_SLEEP_LOOP).extracting(j -> j.source().path())
                .containsExactly("opt/ticker/loop.py");
        assertThat(only(inv, JobKind.PYTHON_SLEEP_LOOP).attributes()).doesNotContainKey("disabled");
        assertThat(inv.findings()).noneSatisfy(f -> assertThat(f.where().path()).startsWith("prefect/flows/"));
    }

    private String read(String rel) throws Exception {
        return Files.readString(root.resolve(rel));
    }

    /** Must not change: in dual-run both run; a manifest of another tree, or someone else's file of that name, says nothing. */
    @Test
    void dualRunForeignAndMisplacedManifestsLeaveTheTimerActive() throws Exception {
        etlTimer();
        Inventory before = scan();
        manifest("prefect/legacy-jobs.yaml", "dual-run");
        assertThat(timer(scan()).attributes()).doesNotContainKeys("disabled", "disabled.byMigrate");
        assertThat(scan().findings()).hasSameSizeAs(before.findings());
        Files.delete(root.resolve("prefect/legacy-jobs.yaml"));
        manifest("copied/legacy-jobs.yaml", "cutover"); // lists prefect/legacy-jobs.yaml as generated, not itself
        write("ops/legacy-jobs.yaml", "jobs:\n- id: " + timer(before).id() + "\n  kind: SYSTEMD_TIMER\n");
        assertThat(timer(scan()).attributes()).doesNotContainKeys("disabled", "disabled.byMigrate");
        assertThat(scan().findings()).hasSameSizeAs(before.findings());
    }
}
