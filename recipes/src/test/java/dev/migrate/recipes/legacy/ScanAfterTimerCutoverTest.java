package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.recipes.engine.RewriteEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cutover switches a timer off on the host (cutover.sh) and leaves its unit in the tree; the cleanup keeps a unit
 * that holds what a Secret block must contain. Before, a scan of the tree then listed the timer as active, with its
 * breaking SYD001. The manifest says which phase ran: the scan lists the timer as disabled by migrate, while the
 * recipe's own runs, which plan from the legacy files alone, give the same result as before.
 */
class ScanAfterTimerCutoverTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Job scannedTimer() throws Exception {
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(dir, "host", ScanListener.NONE);
        Job timer = inv.jobs().stream().filter(j -> j.kind() == JobKind.SYSTEMD_TIMER).findFirst().orElseThrow();
        assertThat(inv.findings().stream().filter(f -> timer.id().equals(f.jobId()) && f.code().equals("SYD001")).count())
                .as("SYD001 of %s", timer.id()).isEqualTo("true".equals(timer.attributes().get("disabled")) ? 0 : 1);
        return timer;
    }

    @Test
    void afterTheCutoverAndACleanupThatKeepsTheUnitTheTimerScansAsDisabledByMigrate() throws Exception {
        write("etc/systemd/system/etl.timer", """
                [Timer]
                OnCalendar=*-*-* 02:30:00

                [Install]
                WantedBy=timers.target
                """);
        write("etc/systemd/system/etl.service", """
                [Service]
                Type=oneshot
                Environment=DB_PASSWORD=hunter2-not-real
                ExecStart=/opt/etl/bin/load.sh --full
                """);
        write("etc/systemd/system/timers.target.wants/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:30:00\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(scannedTimer().attributes()).doesNotContainKey("disabled");

        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "prefect/legacy-jobs.yaml")).contains("\nphase: cutover\n");
        assertThat(scannedTimer().attributes()).containsEntry("disabled", "true")
                .containsEntry("disabled.byMigrate", "cutover.sh of prefect/legacy-jobs.yaml (cutover phase)");
        assertThat(run(dir, "cutover").changes()).as("the recipe plans from the legacy files, not its manifest").isEmpty();

        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(dir.resolve("etc/systemd/system/etl.service")).as("kept for its Secret block").exists();
        assertThat(scannedTimer().attributes()).containsEntry("disabled.byMigrate",
                "cutover.sh of prefect/legacy-jobs.yaml (cleanup phase)");
        assertThat(run(dir, "cleanup").changes()).isEmpty();

        // the dual-run phase on a cut-over tree is the rollback: the timer runs again
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(scannedTimer().attributes()).doesNotContainKey("disabled");
    }
}
