package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import dev.migrate.analyzers.sources.python.SleepLoopDetector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One cycle of a sleep loop: the unit of work a backfill runs, never the endless script. Read from what the scan's loop
 * detector recorded on the job (the detector runs on each script here), never from the script again.
 */
class LoopCycleTest {
    private static Job loop(String path, String text, int sleepLine) {
        RecordingSink sink = HostEstate.scan(List.of(new ScanFile(path, text)), new SleepLoopDetector());
        assertThat(sink.jobs).as("the detector finds the loop").hasSize(1);
        Job j = sink.jobs.get(0);
        assertThat(j.source().line()).isEqualTo(sleepLine);
        return j;
    }

    @Test
    void aLoopInMainThatCallsAModuleFunctionRunsThatFunctionOnce() {
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
        LoopCycle c = LoopCycle.of(j).orElseThrow();
        assertThat(c.firstLine()).isEqualTo(7);
        assertThat(c.lastLine()).isEqualTo(10);
        assertThat(c.work()).containsExactly("run_cycle");
        assertThat(c.oneCycle()).contains("import offload; offload.run_cycle()");
    }

    @Test
    void aLoopThatImportingStartsIsNeverImported() {
        Job atModule = loop("a/loop_runner.py", """
                import time

                def sync():
                    pass

                while True:
                    sync()
                    time.sleep(60)
                """, 8);
        LoopCycle c = LoopCycle.of(atModule).orElseThrow();
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
        assertThat(LoopCycle.of(unguarded).orElseThrow().oneCycle()).isEmpty();
    }

    @Test
    void callsWithArgumentsOrOfOtherModulesAreNoUnitOfWork() {
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
        LoopCycle c = LoopCycle.of(j).orElseThrow();
        assertThat(c.work()).isEmpty();
        assertThat(c.oneCycle()).isEmpty();
    }

    @Test
    void aJobTheDetectorDidNotDescribeOrAnotherKindGivesNothing() {
        // a loop job without the detector's record (a recipe's manifest): nothing is guessed, the plan says it in words
        Job bare = new Job("py-loop-y", JobKind.PYTHON_SLEEP_LOOP, "gone.py", SourceRef.at("gone.py", 3, 1), List.of(),
                "gone.py", null, Map.of(), null, null, List.of(), Map.of());
        assertThat(LoopCycle.of(bare)).isEmpty();
        Job cron = new Job("cron-z", JobKind.CRON, "z", SourceRef.at("crontab", 1, 1), List.of(), "z.sh", null, Map.of(),
                null, null, List.of(), Map.of());
        assertThat(LoopCycle.of(cron)).isEmpty();
    }

    @Test
    void theCycleIsTheOneTheScanSawNotTheScriptAsItReadsLater() {
        Job j = loop("app/offload.py", """
                import time

                def run_cycle():
                    pass

                def main():
                    while True:
                        run_cycle()
                        time.sleep(900)

                if __name__ == "__main__":
                    main()
                """, 9);
        assertThat(j.attributes()).containsEntry("loop.firstLine", "7").containsEntry("loop.lastLine", "9")
                .containsEntry("loop.work", "run_cycle").containsEntry("loop.importable", "true");
        // the script is nowhere on disk: the cycle comes from the job alone
        assertThat(LoopCycle.of(j).orElseThrow().oneCycle()).contains("import offload; offload.run_cycle()");
    }
}
