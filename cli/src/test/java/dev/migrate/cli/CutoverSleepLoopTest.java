package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A home-made sleep loop and the systemd unit that keeps it alive, as the samples have them (k2-platform's scheduler.py
 * under iceberg-offload-scheduler.service, legacy-host's loop_runner.py under etl-scheduler.service). Before: two jobs,
 * each with its own deployment, validations and cut-over for the same work, and a backfill that said to run the script
 * once per missed window, which starts a second scheduler that never ends.
 */
class CutoverSleepLoopTest {
    static final Path ROOT = CutoverK2PlatformTest.ROOT;
    private static final String AT = "2026-11-21T12:00:00Z";

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static String section(String md, String key) {
        int from = md.indexOf("## Job `" + key + "`");
        assertThat(from).as(key + " has a section").isNotNegative();
        int to = md.indexOf("\n## Job ", from + 1);
        return md.substring(from, to < 0 ? md.length() : to);
    }

    @Test
    void theLoopAndItsUnitAreOneJobNamedAsTheUnit() {
        String k2 = ROOT.resolve("samples/k2-platform").toString();
        String md = run("cutover", "plan", k2, "--at", AT).out();
        assertThat(md).doesNotContain("## Job `scheduler-py`").containsOnlyOnce("## Job `iceberg-offload-scheduler`");
        String job = section(md, "iceberg-offload-scheduler");
        assertThat(job).startsWith("## Job `iceberg-offload-scheduler` (py-loop, docker/offload/scheduler.py:89, kept running by "
                        + "docker/offload/iceberg-offload-scheduler.service)")
                // its schedule is the loop's, its switch the unit's
                .contains("'PT15M'")
                .contains("  systemctl disable --now iceberg-offload-scheduler.service\n")
                .contains("  # delete the unit that kept it running, docker/offload/iceberg-offload-scheduler.service,")
                .doesNotContain("in the code run by iceberg-offload-scheduler.service");
        String status = run("cutover", "status", k2, "--at", AT).out();
        assertThat(status).containsPattern("(?m)^iceberg-offload-scheduler +scanned").doesNotContainPattern("(?m)^scheduler-py ");
        // either name, and either scan id, finds the one job
        for (String name : new String[] {"scheduler.py", "iceberg-offload-scheduler", "py-loop-scheduler-py-62becfbf",
                "systemd-scheduler-iceberg-offload-scheduler-8520ad98"}) {
            assertThat(run("cutover", "status", k2, "--at", AT, "--job", name).out()).as(name)
                    .contains("\niceberg-offload-scheduler (scanned)\n")
                    .contains("py-loop job py-loop-scheduler-py-62becfbf at docker/offload/scheduler.py:89, kept running by "
                            + "systemd-scheduler-iceberg-offload-scheduler-8520ad98 at docker/offload/iceberg-offload-scheduler.service")
                    // the unit's SYD004 says the same loop is still to move
                    .contains("SYD004 at docker/offload/iceberg-offload-scheduler.service:12, PYS003 at docker/offload/scheduler.py:89");
        }
    }

    @Test
    void theLoopsBackfillRunsOneCycleNeverTheEndlessScript() {
        String md = run("cutover", "plan", ROOT.resolve("samples/k2-platform").toString(), "--at", AT).out();
        String back = section(md, "iceberg-offload-scheduler");
        back = back.substring(back.indexOf("**Backfill the windows missed"));
        // run_cycle() is what each pass of main()'s loop calls; importing scheduler starts nothing (the loop is in main(),
        // which only `if __name__ == "__main__"` calls)
        assertThat(back).contains("  cd /opt/k2/docker/offload && sudo -u k2 /opt/k2/.venv/bin/python -c 'import scheduler; "
                        + "scheduler.run_cycle()'   # one cycle of the loop: once per missed window\n")
                .contains("run one cycle of the loop at docker/offload/scheduler.py:84-89 per missed window")
                .contains("never scheduler.py itself: it loops forever, and beside the re-enabled "
                        + "iceberg-offload-scheduler.service it would be a second scheduler")
                .doesNotContain("run `docker/offload/scheduler.py` once per missed window")
                .doesNotContain("run `/opt/k2/.venv/bin/python /opt/k2/docker/offload/scheduler.py` once per missed window");
    }

    @Test
    void aLoopAtModuleLevelIsNotImportedButSaidHowToRunAndStop() {
        String md = run("cutover", "plan", ROOT.resolve("samples/legacy-host").toString(), "--at", AT).out();
        assertThat(md).doesNotContain("## Job `loop-runner-py`").doesNotContain("## Job `etl-scheduler` (systemd-scheduler");
        String job = section(md, "etl-scheduler");
        // importing loop_runner would run its `while True:` at import: no `python -c 'import loop_runner'`
        assertThat(job).contains("run the work of one pass of the loop at opt/etl/scheduler/loop_runner.py:36-46, its body "
                        + "without the sleep, once per missed window; never loop_runner.py itself")
                .contains("start `/opt/etl/venv/bin/python /opt/etl/scheduler/loop_runner.py` by hand")
                .contains("stop it (Ctrl-C) before it sleeps into the next")
                .doesNotContain("import loop_runner");
    }

    @Test
    void afterTheLegacyRecipeTheDeploymentIsTheMergedJobsAndDeploysFromItsOwnDirectory() throws Exception {
        Path estate = CutoverK2PlatformTest.copy(ROOT.resolve("samples/k2-platform"), tmp.resolve("k2"));
        run("rewrite", estate.toString(), "--recipe", "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun");
        String status = run("cutover", "status", estate.toString(), "--at", AT).out();
        // before: the recipe's deployment (named after the unit) and the loop were two jobs, neither deployed and validated
        assertThat(status).containsPattern("(?m)^iceberg-offload-scheduler +deployed").doesNotContainPattern("(?m)^(scheduler-py|py-loop-)");
        String job = section(run("cutover", "plan", estate.toString(), "--at", AT).out(), "iceberg-offload-scheduler");
        // prefect deploy reads ./prefect.yaml: from the estate's root it would find none
        assertThat(job).containsPattern("\n  \\(cd prefect && prefect deploy --name py-loop-iceberg-offload-scheduler-[0-9a-f]+\\)\n")
                .doesNotContainPattern("\n  prefect deploy --name py-loop");
    }
}
