package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Applicability;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SleepLoopCycle;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PYS003 claims a fix only for the loops the legacy recipe moves ({@link SleepLoopCycle}, the condition the recipe
 * reads): any other home-made scheduler is reported as manual, saying why, since the rewrite would only leave a note.
 */
class SleepLoopFixClaimTest {

    private static List<Finding> pys003(String path, String text) {
        RecordingSink sink = HostEstate.scan(List.of(new ScanFile(path, text)), new SleepLoopDetector());
        return sink.findings.stream().filter(f -> f.code().equals("PYS003")).toList();
    }

    @Test
    void aLoopInAFunctionCallingOneModuleFunctionPerCycleKeepsTheUnsafeFix() {
        String py = """
                import time

                def run_cycle():
                    sync()

                def main():
                    while True:
                        run_cycle()
                        time.sleep(300)
                """;
        List<Finding> found = pys003("jobs/loop.py", py);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.applicability()).isEqualTo(Applicability.UNSAFE_FIX);
            assertThat(f.message()).doesNotContain("does not move");
        });
        // the same answer the recipe gets from the same condition
        assertThat(SleepLoopCycle.around("jobs/loop.py", py, found.get(0).where().line()))
                .contains(new SleepLoopCycle("run_cycle", 7));
    }

    @Test
    void aLoopAtModuleLevelIsManualAndSaysWhy() {
        // legacy-host's loop_runner.py: the loop runs when the module is imported, its cycle calls jobs from a tuple
        List<Finding> found = pys003("opt/etl/loop_runner.py", """
                import time

                def sync_crm():
                    pass

                while True:
                    for job in (sync_crm,):
                        job()
                    time.sleep(900)
                """);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.applicability()).isEqualTo(Applicability.MANUAL);
            assertThat(f.message()).startsWith("endless loop in loop_runner.py sleeps PT15M after each cycle")
                    .contains("the legacy recipe does not move it").contains("write the flow by hand");
        });
    }

    @Test
    void aLoopWhoseCyclesOnlyCallOtherModulesOrPassArgumentsIsManual() {
        assertThat(pys003("worker.py", """
                import time
                import etl

                def step(n):
                    etl.load(n)

                def main():
                    while True:
                        etl.extract()
                        step(3)
                        time.sleep(60)
                """)).singleElement().extracting(Finding::applicability).isEqualTo(Applicability.MANUAL);
    }

    @Test
    void aLoopWithoutAStaticIntervalIsManual() {
        assertThat(pys003("nightly.py", """
                import time

                def run():
                    pass

                def main():
                    while True:
                        run()
                        time.sleep(compute_delay())
                """)).singleElement().satisfies(f -> {
            assertThat(f.applicability()).isEqualTo(Applicability.MANUAL);
            assertThat(f.message()).contains("no interval read statically");
        });
    }

    @Test
    void onlyTheFirstMovableLoopOfAScriptClaimsTheFix() {
        List<Finding> found = pys003("two.py", """
                import time

                def a():
                    pass

                def b():
                    pass

                def first():
                    while True:
                        a()
                        time.sleep(60)

                def second():
                    while True:
                        b()
                        time.sleep(120)
                """);
        assertThat(found).extracting(Finding::applicability).containsExactly(Applicability.UNSAFE_FIX, Applicability.MANUAL);
        assertThat(found.get(1).message()).contains("one loop per script, the one at line 10 of this one");
    }

    @Test
    void loopsThatAreNoSchedulersAreStillNotReported() {
        assertThat(pys003("driver.py", """
                import time
                import schedule

                def main():
                    while True:
                        schedule.run_pending()
                        time.sleep(1)
                """)).isEmpty();
    }
}
