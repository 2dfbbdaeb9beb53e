package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Applicability;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PF116: a registration script that loads its flow module, or the flow in it, by a name it gets when it runs. No
 * reading tells which flows it registers, so the scan says where the choice is made, for a person.
 */
class Prefect1RunTimeModulesTest {
    private static List<Finding> scan(String path, String text) {
        List<Finding> out = new ArrayList<>();
        Prefect1FlowDetector detector = new Prefect1FlowDetector();
        ScanFile file = new ScanFile(path, text);
        detector.listed(path);
        InventorySink sink = new InventorySink() {
            @Override
            public void job(Job job) {
            }

            @Override
            public void finding(Finding finding) {
                out.add(finding);
            }
        };
        if (detector.accepts(file)) {
            detector.detect(file, sink);
        }
        detector.finish(sink);
        return out.stream().filter(f -> f.code().equals("PF116")).toList();
    }

    @Test
    void aModuleNamedByTheEnvironmentIsReportedWhereItIsLoaded() {
        List<Finding> found = scan("scripts/register.py", """
                import importlib
                import os

                module = importlib.import_module(os.environ["FLOW_MODULE"])
                module.flow.register(project_name=os.environ.get("PREFECT_PROJECT", "etl"), labels=["k8s"])
                """);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.where().toString()).isEqualTo("scripts/register.py:4:10");
            assertThat(f.applicability()).isEqualTo(Applicability.MANUAL);
            assertThat(f.message()).startsWith("the module whose flows this script registers or runs is chosen when it "
                    + "runs (`importlib.import_module(os.environ[\"FLOW_MODULE\"])`): no reading of the code tells which "
                    + "flows, so their registrations are not listed (PF108)");
        });
    }

    @Test
    void aFlowNamedAtRunTimeInAModuleLoadedByItsNameToo() {
        List<Finding> found = scan("deploy/register_flow.py", """
                import sys
                from importlib import import_module

                mod = import_module("flows.etl")
                flow = getattr(mod, sys.argv[1])
                flow.register(project_name="data")
                """);
        assertThat(found).extracting(f -> f.where().toString()).containsExactly("deploy/register_flow.py:5:8");
        assertThat(found.get(0).message()).startsWith("the flow this script reads from a module is chosen when it runs "
                + "(`getattr(mod, sys.argv[1])`)");
    }

    @Test
    void namesTheCodeStatesAndModulesThatAreNoFlowsAreNotReported() {
        // literal names and loops over literal lists are read (PF108 lists their registrations)
        assertThat(scan("scripts/register_all.py", """
                import importlib

                FLOW_MODULES = ["flows.etl", "flows.report"]

                for name in FLOW_MODULES:
                    module = importlib.import_module(name)
                    getattr(module, "flow").register(project_name="data")
                """)).isEmpty();
        // a plugin loader registers no flow
        assertThat(scan("app/plugins.py", """
                import importlib
                import os

                plugin = importlib.import_module(os.environ["PLUGIN"])
                plugin.registry.register("etl")
                """)).isEmpty();
    }
}
