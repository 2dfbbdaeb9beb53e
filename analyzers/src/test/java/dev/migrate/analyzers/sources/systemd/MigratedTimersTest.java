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
class MigratedTimersTest {
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
