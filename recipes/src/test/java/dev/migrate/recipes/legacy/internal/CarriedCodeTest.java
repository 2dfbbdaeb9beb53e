package dev.migrate.recipes.legacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.python.PythonParser;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CarriedCodeTest {
    private static final String SCRIPT = """
            from __future__ import annotations

            import time
            import schedule
            from reports import kpi as k, sales
            import os.path

            CHANNELS = ["web", "retail"]
            UNUSED = 1


            def helper(x):
                return os.path.join("/srv", x)


            @schedule.repeat(schedule.every(5).minutes)
            def repeated():
                pass


            def job_flash():
                sales.flash_report(channels=CHANNELS, out=helper("flash"))


            def job_kpis():
                k.build_daily()


            schedule.every().hour.do(job_flash)
            """;

    @Test
    void carriesTheFunctionAndWhatItNeedsTransitively() {
        CarriedCode c = CarriedCode.of(PythonParser.parse(SCRIPT), Set.of("job_flash"));
        assertThat(c.problem()).isNull();
        assertThat(c.imports()).containsExactly("from __future__ import annotations", "from reports import sales", "import os.path");
        assertThat(String.join("", c.definitions())).isEqualTo("""
                CHANNELS = ["web", "retail"]
                def helper(x):
                    return os.path.join("/srv", x)
                def job_flash():
                    sales.flash_report(channels=CHANNELS, out=helper("flash"))
                """);
    }

    @Test
    void aliasedImportKeepsItsAlias() {
        CarriedCode c = CarriedCode.of(PythonParser.parse(SCRIPT), Set.of("job_kpis"));
        assertThat(c.imports()).containsExactly("from __future__ import annotations", "from reports import kpi as k");
    }

    @Test
    void codeThatNeedsTheSchedulerIsNotCarried() {
        assertThat(CarriedCode.of(PythonParser.parse(SCRIPT), Set.of("repeated")).problem()).contains("scheduler");
    }

    @Test
    void credentialInTheCarriedCodeIsNotCopied() {
        String py = "DB_PASSWORD = \"hunter22secret\"\n\n\ndef job():\n    connect(DB_PASSWORD)\n";
        assertThat(CarriedCode.of(PythonParser.parse(py), Set.of("job")).problem()).contains("credential");
    }

    @Test
    void nothingNeededCarriesNothing() {
        CarriedCode c = CarriedCode.of(PythonParser.parse("x = 1\n"), Set.of("print"));
        assertThat(c.problem()).isNull();
        assertThat(c.imports()).isEmpty();
        assertThat(c.definitions()).isEmpty();
    }

    @Test
    void namesAMainGuardOnlyReadsAreNotBoundThere() {
        // print is a builtin the main guard calls: the job that also calls it can be carried
        String py = """
                import schedule, time

                def run_etl():
                    print("Running ETL...")

                schedule.every().day.at("02:00").do(run_etl)

                if __name__ == "__main__":
                    print("Scheduler started")
                    while True:
                        schedule.run_pending()
                        time.sleep(30)
                """;
        CarriedCode c = CarriedCode.of(PythonParser.parse(py), Set.of("run_etl"));
        assertThat(c.problem()).isNull();
        assertThat(String.join("", c.definitions())).isEqualTo("def run_etl():\n    print(\"Running ETL...\")\n");
    }

    @Test
    void namesBoundInsideAModuleLevelBlockAreStillNotCarried() {
        String assigned = "import os\n\nif os.name == \"nt\":\n    ROOT = \"C:/data\"\nelse:\n    ROOT = \"/data\"\n\n\n"
                + "def job():\n    print(ROOT)\n";
        String imported = "try:\n    import ujson as json\nexcept ImportError:\n    import json\n\n\ndef job():\n    json.dumps({})\n";
        String looped = "for NAME in [\"a\"]:\n    pass\n\n\ndef job():\n    print(NAME)\n";
        String opened = "with open(\"x\") as HANDLE:\n    pass\n\n\ndef job():\n    HANDLE.read()\n";
        for (String py : java.util.List.of(assigned, imported, looped, opened)) {
            assertThat(CarriedCode.of(PythonParser.parse(py), Set.of("job")).problem()).as(py)
                    .contains("bound inside a module-level block");
        }
    }
}
