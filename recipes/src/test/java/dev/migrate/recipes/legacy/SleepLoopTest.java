package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.read;
import static dev.migrate.recipes.legacy.LegacyTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import dev.migrate.recipes.legacy.internal.SleepLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SleepLoopTest {
    @TempDir
    Path dir;

    @Test
    void loopWithConstantIntervalAndCycleFunction() {
        String py = """
                import time

                INTERVAL = 15 * 60


                def run_cycle():
                    print("cycle")


                def main():
                    while True:
                        started = time.time()
                        run_cycle()
                        time.sleep(max(0, INTERVAL - (time.time() - started)))
                """;
        assertThat(SleepLoop.around("jobs/loop.py", py, 14)).contains(new SleepLoop("jobs/loop.py", "run_cycle", 11));
        assertThat(SleepLoop.around("jobs/loop.py", py, 3)).as("no loop around that line").isEmpty();
    }

    @Test
    void sleepImportedByNameAndLiteralInterval() {
        String py = """
                from time import sleep

                def poll():
                    pass

                def main():
                    while True:
                        poll()
                        sleep(30)
                """;
        assertThat(SleepLoop.around("poll.py", py, 9)).contains(new SleepLoop("poll.py", "poll", 7));
    }

    @Test
    void loopAtModuleLevelOrWithoutACycleFunctionIsLeftAlone() {
        // Copying this module into a flow would run the loop on import, and record() is a step, not the cycle.
        assertThat(SleepLoop.around("runner.py", """
                import time

                def record(name):
                    pass

                while True:
                    record("x")
                    time.sleep(900)
                """, 8)).isEmpty();
        assertThat(SleepLoop.around("runner2.py", """
                import time

                def record(name):
                    pass

                def main():
                    while True:
                        for job in ("a", "b"):
                            record(job)
                        time.sleep(900)
                """, 10)).isEmpty();
    }

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** The migration takes a loop's interval from the scan: the period, not the error handler's back-off. */
    @Test
    void migratedLoopSleepsThePeriodTheScanReads() throws Exception {
        write("opt/sync/worker.py", """
                import time


                def sync():
                    print("sync")


                def main():
                    while True:
                        try:
                            sync()
                            time.sleep(300)
                        except Exception:
                            time.sleep(10)


                if __name__ == "__main__":
                    main()
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(read(dir, "prefect/prefect.yaml")).contains("interval: 300").doesNotContain("interval: 10\n");
    }

    /** Loops the scan does not count as schedulers (PYS003) are not migrated either. */
    @Test
    void loopsTheScanIgnoresAreNotMigrated() throws Exception {
        write("opt/ui/spinner.py", """
                import time


                def redraw():
                    print(".")


                def main():
                    while True:
                        redraw()
                        time.sleep(0.25)
                """);
        write("opt/ui/until_ready.py", """
                import time

                BACKOFF = 5


                def ready():
                    return True


                def wait():
                    delay = 1
                    while True:
                        if ready():
                            break
                        delay = min(delay * 2, BACKOFF)
                        time.sleep(delay)
                """);
        write("opt/ui/bounded.py", """
                import time


                def tick():
                    pass


                def main(n):
                    while n > 0:
                        tick()
                        n -= 1
                        time.sleep(60)
                """);
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.changes()).isEmpty();
    }
}
