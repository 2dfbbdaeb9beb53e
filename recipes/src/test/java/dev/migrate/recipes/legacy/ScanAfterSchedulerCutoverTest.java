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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest pass read timers only: a sleep loop whose service cutover.sh disables, and the service of a
 * {@code schedule} process whose registrations the cutover commented out, scanned as active with their breaking PYS003
 * and SYD004, and the loop the generated flow carries scanned as one more home-made scheduler. The recipe writes in its
 * manifest which service ran each job and which script holds a loop; the scan reads them.
 */
class ScanAfterSchedulerCutoverTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void estate() throws Exception {
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
        write("opt/sched/jobs.py", """
                import time

                import schedule


                def export_orders():
                    print("exporting orders")


                schedule.every().day.at("03:15").do(export_orders)

                while True:
                    schedule.run_pending()
                    time.sleep(30)
                """);
        write("etc/systemd/system/sched.service", """
                [Service]
                User=etl
                ExecStart=/usr/bin/python3 /opt/sched/jobs.py
                Restart=always
                """);
    }

    private Inventory scan() throws Exception {
        return Scanner.standard(ScanOptions.defaults()).scan(dir, "host", ScanListener.NONE);
    }

    private static List<Job> active(Inventory inv) {
        return inv.jobs().stream().filter(j -> !"true".equals(j.attributes().get("disabled"))
                && j.kind() != JobKind.PREFECT3_DEPLOYMENT).toList();
    }

    @Test
    void theCutoverWritesTheServicesAndTheScanListsThemAsDisabledByMigrate() throws Exception {
        estate();
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        Inventory dualRun = scan();
        assertThat(active(dualRun)).extracting(j -> j.kind() + " " + j.source().path()).containsExactlyInAnyOrder(
                "SYSTEMD_SCHEDULER_SERVICE etc/systemd/system/sched.service",
                "SYSTEMD_SCHEDULER_SERVICE etc/systemd/system/ticker.service",
                "PYTHON_SCHEDULE_LIB opt/sched/jobs.py",
                "PYTHON_SLEEP_LOOP opt/ticker/loop.py");
        assertThat(dualRun.findings()).as("the generated flow's copy of the loop is no job")
                .noneSatisfy(f -> assertThat(f.where().path()).startsWith("prefect/flows/"));

        RewriteEngine.apply(dir, run(dir, "cutover"));
        String manifest = read(dir, "prefect/legacy-jobs.yaml");
        assertThat(manifest).contains("\nphase: cutover\n", """
                  kind: PYTHON_SLEEP_LOOP
                  name: ticker
                  source:
                    path: opt/ticker/loop.py
                """, "    python.script: opt/ticker/loop.py\n", "    service: etc/systemd/system/ticker.service\n", """
                  kind: PYTHON_SCHEDULE_LIB
                  name: export_orders
                  source:
                    path: opt/sched/jobs.py
                """, "    service: etc/systemd/system/sched.service\n");
        assertThat(read(dir, "prefect/cutover.sh")).contains("systemctl disable --now ticker.service\n",
                "systemctl try-restart sched.service\n");
        Inventory cutover = scan();
        assertThat(active(cutover)).isEmpty();
        assertThat(cutover.jobs()).filteredOn(j -> j.source().path().equals("etc/systemd/system/ticker.service"))
                .singleElement().satisfies(j -> assertThat(j.attributes())
                        .containsEntry("disabled.byMigrate", "cutover.sh of prefect/legacy-jobs.yaml (cutover phase)"));
        assertThat(cutover.findings()).extracting(f -> f.code()).doesNotContain("PYS003", "PYS001", "SYD004");
        assertThat(run(dir, "cutover").changes()).as("the recipe plans from the legacy files, not its manifest").isEmpty();

        // the dual-run phase on a cut-over tree is the rollback: the loop and the scheduler run again
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(active(scan())).hasSize(4);
    }

    /** Must not change: without a manifest (no migrate run) the loop and both services are active. */
    @Test
    void withoutAManifestEveryLegacyJobIsActive() throws Exception {
        estate();
        assertThat(active(scan())).hasSize(4);
        assertThat(scan().findings()).extracting(f -> f.code()).contains("PYS003", "PYS001", "SYD004");
    }
}
