package dev.migrate.recipes.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.legacy.internal.SleepLoop;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SleepLoopTest {
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
        assertThat(SleepLoop.find("jobs/loop.py", py))
                .contains(new SleepLoop("jobs/loop.py", "run_cycle", Duration.ofMinutes(15), 11));
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
        assertThat(SleepLoop.find("poll.py", py)).contains(new SleepLoop("poll.py", "poll", Duration.ofSeconds(30), 7));
    }

    @Test
    void loopAtModuleLevelOrWithoutACycleFunctionIsLeftAlone() {
        // Copying this module into a flow would run the loop on import, and record() is a step, not the cycle.
        assertThat(SleepLoop.find("runner.py", """
                import time

                def record(name):
                    pass

                while True:
                    record("x")
                    time.sleep(900)
                """)).isEmpty();
        assertThat(SleepLoop.find("runner2.py", """
                import time

                def record(name):
                    pass

                def main():
                    while True:
                        for job in ("a", "b"):
                            record(job)
                        time.sleep(900)
                """)).isEmpty();
    }

    @Test
    void waitingLoopThatCallsNothingOfItsOwnIsNotAScheduler() {
        assertThat(SleepLoop.find("wait.py", """
                import time
                import os

                while not os.path.exists("/tmp/ready"):
                    time.sleep(1)
                """)).isEmpty();
    }
}
