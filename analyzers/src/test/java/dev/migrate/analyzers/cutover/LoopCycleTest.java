package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One cycle of a sleep loop: the unit of work a backfill runs, never the endless script. */
class LoopCycleTest {
    @TempDir
    Path root;

    private Job loop(String path, String text, int sleepLine) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return new Job("py-loop-x", JobKind.PYTHON_SLEEP_LOOP, p.getFileName().toString(), SourceRef.at(path, sleepLine, 9),
                List.of(), path, null, Map.of(), null, null, List.of(), Map.of());
    }

    @Test
    void aLoopInMainThatCallsAModuleFunctionRunsThatFunctionOnce() throws Exception {
        Job j = loop("app/offload.py", """
                import time

                def run_cycle():
                    pass

                def main():
                    while True:
                        started = time.time()
                        run_cycle()
                        time.sleep(max(0, 900 - (time.time() - started)))

                if __name__ == "__main__":
                    main()
                """, 10);
        LoopCycle c = LoopCycle.of(root, j).orElseThrow();
        assertThat(c.firstLine()).isEqualTo(7);
        assertThat(c.lastLine()).isEqualTo(10);
        assertThat(c.work()).containsExactly("run_cycle");
        assertThat(c.oneCycle()).contains("import offload; offload.run_cycle()");
    }

    @Test
    void aLoopThatImportingStartsIsNeverImported() throws Exception {
        Job atModule = loop("a/loop_runner.py", """
                import time

                def sync():
                    pass

                while True:
                    sync()
                    time.sleep(60)
                """, 8);
        LoopCycle c = LoopCycle.of(root, atModule).orElseThrow();
        assertThat(c.work()).containsExactly("sync");
        assertThat(c.importable()).isFalse();
        assertThat(c.oneCycle()).isEmpty();
        // main() called at the top level, outside an `if __name__` guard: importing runs the loop too
        Job unguarded = loop("b/runner.py", """
                import time

                def sync():
                    pass

                def main():
                    while True:
                        sync()
                        time.sleep(60)

                main()
                """, 9);
        assertThat(LoopCycle.of(root, unguarded).orElseThrow().oneCycle()).isEmpty();
    }

    @Test
    void callsWithArgumentsOrOfOtherModulesAreNoUnitOfWork() throws Exception {
        Job j = loop("c/poller.py", """
                import time, requests

                def record(name, ok):
                    pass

                def main():
                    while True:
                        for job in (a, b):
                            job()
                            record(job.__name__, True)
                        requests.get("http://x")
                        time.sleep(300)

                if __name__ == "__main__":
                    main()
                """, 12);
        LoopCycle c = LoopCycle.of(root, j).orElseThrow();
        assertThat(c.work()).isEmpty();
        assertThat(c.oneCycle()).isEmpty();
    }

    @Test
    void aScriptThatIsGoneOrAnotherKindGivesNothing() throws Exception {
        Job gone = new Job("py-loop-y", JobKind.PYTHON_SLEEP_LOOP, "gone.py", SourceRef.at("gone.py", 3, 1), List.of(),
                "gone.py", null, Map.of(), null, null, List.of(), Map.of());
        assertThat(LoopCycle.of(root, gone)).isEmpty();
        Job cron = new Job("cron-z", JobKind.CRON, "z", SourceRef.at("crontab", 1, 1), List.of(), "z.sh", null, Map.of(),
                null, null, List.of(), Map.of());
        assertThat(LoopCycle.of(root, cron)).isEmpty();
    }
}
