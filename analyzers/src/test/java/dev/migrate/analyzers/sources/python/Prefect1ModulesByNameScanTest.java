package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A registration script that loads the flows' modules by name ({@code importlib.import_module("flows.etl")}) and
 * registers {@code mod.flow} or {@code getattr(mod, "flow")}: the same registration as after
 * {@code from flows.etl import flow}, which the scan reported while these went unseen (the script imports nothing of
 * Prefect, so only the flows of the project tell what it registers).
 */
class Prefect1ModulesByNameScanTest {
    private static final ScanFile ETL = new ScanFile("flows/etl.py", """
            from prefect import Flow, task


            @task
            def extract():
                return [1, 2, 3]


            with Flow("etl") as flow:
                extract()
            """);

    private static List<String> registrations(ScanFile script) {
        RecordingSink sink = HostEstate.scan(List.of(ETL, script), new Prefect1FlowDetector());
        return sink.findings.stream().filter(f -> f.code().equals("PF108") && f.jobId() == null)
                .map(f -> f.where().line() + " " + f.message()).toList();
    }

    @Test
    void aFlowReadFromAModuleLoadedByNameIsRegisteredLikeAnImportedOne() {
        assertThat(registrations(new ScanFile("scripts/register.py", """
                import importlib
                import sys

                mod = importlib.import_module("flows.etl")
                mod.flow.register(project_name=sys.argv[1])
                getattr(mod, "flow").register(project_name=sys.argv[1])
                importlib.import_module("flows.etl").flow.register(project_name=sys.argv[1])
                """))).containsExactly(
                "5 a flow is registered with the Prefect 1 API: mod.flow.register(); Prefect 3 deploys flows with "
                        + "prefect.yaml (prefect deploy) instead",
                "6 a flow is registered with the Prefect 1 API: getattr(mod, \"flow\").register(); Prefect 3 deploys "
                        + "flows with prefect.yaml (prefect deploy) instead",
                "7 a flow is registered with the Prefect 1 API: importlib.import_module(\"flows.etl\").flow.register(); "
                        + "Prefect 3 deploys flows with prefect.yaml (prefect deploy) instead");
    }

    @Test
    void modulesNamedInAListALoopLoadsAreReadToo() {
        assertThat(registrations(new ScanFile("scripts/register_all.py", """
                from importlib import import_module

                FLOW_MODULES = ["flows.etl", "flows.report"]


                def main():
                    for name in FLOW_MODULES:
                        module = import_module(name)
                        flow = getattr(module, "flow")
                        flow.register(project_name="data", labels=["prod"])


                if __name__ == "__main__":
                    main()
                """))).extracting(s -> s.substring(0, s.indexOf(' '))).containsExactly("10");
    }

    // must not change: a module loaded by name whose `register` is not a flow's (app.hooks defines no flow)
    @Test
    void otherRegistrationsOfModulesLoadedByNameAreNotReported() {
        assertThat(registrations(new ScanFile("app/plugins.py", """
                import importlib

                hooks = importlib.import_module("app.hooks")
                hooks.registry.register("etl")
                getattr(hooks, "flow").register("etl")
                """))).isEmpty();
    }
}
