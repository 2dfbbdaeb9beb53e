package dev.migrate.recipes.prefect1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.python.Prefect1FlowDetector;
import dev.migrate.recipes.FixSafety;
import dev.migrate.rewriters.python.PythonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.RecipeRun;
import org.openrewrite.SourceFile;
import org.openrewrite.internal.InMemoryLargeSourceSet;
import org.openrewrite.Result;

/**
 * The scan's PF108 findings on registrations of another module's flow and the rewrite's PF108 TODOs fall on the same
 * calls, read from one rule ({@code Prefect1ImportedFlows}: every module-level Prefect 1 flow of the project, the ones the
 * rewrite converts and the ones it leaves as Prefect 1 code). Before, the scan counted every flow and the rewrite only
 * those it converted, so the register script of a flow left alone had a finding and no TODO.
 */
class Prefect1RegistrationAgreementTest {
    /** A project shaped like the public Prefect 1 repositories: flows in a package, register scripts beside it. */
    private static final Map<String, String> PROJECT = new LinkedHashMap<>();

    static {
        PROJECT.put("flows/__init__.py", "");
        PROJECT.put("flows/etl.py", """
                from datetime import timedelta

                from prefect import Flow, Parameter, task
                from prefect.schedules import IntervalSchedule


                @task
                def extract(table):
                    return [table]


                @task
                def load(rows):
                    print(len(rows))


                with Flow("etl", schedule=IntervalSchedule(interval=timedelta(hours=6))) as flow:
                    table = Parameter("table", default="orders")
                    load(extract(table))
                """);
        // left as Prefect 1 code: its reference tasks have no Prefect 3 form
        PROJECT.put("flows/report.py", """
                from prefect import Flow, task


                @task
                def check():
                    return True


                @task
                def send():
                    print("sent")


                with Flow("report") as flow:
                    ok = check()
                    flow.set_reference_tasks([ok])
                    send(upstream_tasks=[ok])
                """);
        // a flows module of its own that registers another module's flow too
        PROJECT.put("flows/nightly.py", """
                from prefect import Flow, task

                from flows.etl import flow as etl_flow


                @task
                def ping():
                    print("ping")


                with Flow("nightly") as flow:
                    ping()

                if __name__ == "__main__":
                    flow.register(project_name="data")
                    etl_flow.register(project_name="data")
                """);
        PROJECT.put("scripts/register_flows.py", """
                import importlib

                from flows.etl import flow as etl_flow
                from flows.report import flow as report_flow

                FLOW_MODULES = ["flows.etl", "flows.report"]


                def register_imported():
                    etl_flow.register(project_name="data")
                    report_flow.register(project_name="data")


                def register_by_name():
                    for name in FLOW_MODULES:
                        module = importlib.import_module(name)
                        module.flow.register(project_name="data", labels=["prod"])


                if __name__ == "__main__":
                    register_imported()
                    register_by_name()
                """);
        PROJECT.put("scripts/register_report.py", """
                import importlib
                import sys

                mod = importlib.import_module("flows.report")
                getattr(mod, "flow").register(project_name=sys.argv[1])
                """);
        // the flow module is named when the script runs: PF116 on both sides, at the load
        PROJECT.put("scripts/register_one.py", """
                import importlib
                import os

                module = importlib.import_module(os.environ["FLOW_MODULE"])
                module.flow.register(project_name="data")
                """);
        PROJECT.put("app/plugins.py", """
                import importlib

                hooks = importlib.import_module("app.hooks")
                hooks.registry.register("etl")
                """);
    }

    @Test
    void theScanReportsARegistrationExactlyWhereTheRewriteLeavesItsTodo() {
        TreeSet<String> scanned = scanned();
        TreeSet<String> rewritten = rewritten();
        assertThat(rewritten).isEqualTo(scanned);
        // the flow the rewrite leaves alone counts on both sides, imported and loaded by name
        assertThat(scanned).containsExactly(
                "flows/nightly.py: etl_flow.register(project_name=\"data\")",
                "scripts/register_flows.py: etl_flow.register(project_name=\"data\")",
                "scripts/register_flows.py: module.flow.register(project_name=\"data\", labels=[\"prod\"])",
                "scripts/register_flows.py: report_flow.register(project_name=\"data\")",
                "scripts/register_report.py: getattr(mod, \"flow\").register(project_name=sys.argv[1])");
    }

    @Test
    void aFlowModuleChosenAtRunTimeIsReportedWhereTheRewriteSaysSo() {
        assertThat(rewritten(new InMemoryExecutionContext(), "PF116")).isEqualTo(scanned("PF116"))
                .containsExactly("scripts/register_one.py: module = importlib.import_module(os.environ[\"FLOW_MODULE\"])");
    }

    @Test
    void withoutUnsafeFixesTheSameRegistrationsGetTheTodoTheScanPromises() {
        // the scan lists these as fixes that need --unsafe-fixes; a safe run converts no flow but must leave the note
        InMemoryExecutionContext safe = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(safe, false);
        assertThat(rewritten(safe)).isEqualTo(scanned());
        List<String> todos = todoLines(safe);
        assertThat(todos).contains("# TODO(migrate PF108): `etl_flow.register(...)` registers a Prefect 1 flow; once that "
                + "flow is converted (`migrate rewrite --unsafe-fixes` converts it, or by hand) it has no register() and "
                + "this line fails: then delete it and deploy with `prefect deploy --all` from prefect.yaml");
    }

    /** The PF108 TODO lines a run leaves, as written. */
    private static List<String> todoLines(InMemoryExecutionContext ctx) {
        List<String> out = new ArrayList<>();
        for (Result r : run(ctx).getChangeset().getAllResults()) {
            if (r.getAfter() != null) {
                for (String line : r.getAfter().printAll().split("\n", -1)) {
                    if (line.strip().startsWith("# TODO(migrate PF108)")) {
                        out.add(line.strip());
                    }
                }
            }
        }
        return out;
    }

    private static RecipeRun run(InMemoryExecutionContext ctx) {
        List<SourceFile> sources = new ArrayList<>();
        PROJECT.forEach((path, text) -> sources.add(PythonParser.parse(Path.of(path), text)));
        return new ConvertPrefect1Flows().run(new InMemoryLargeSourceSet(sources), ctx);
    }

    /** "path: statement" of each PF108 the scan reports without a job: a registration of another module's flow. */
    private static TreeSet<String> scanned() {
        return scanned("PF108");
    }

    private static TreeSet<String> scanned(String code) {
        List<Finding> findings = new ArrayList<>();
        Prefect1FlowDetector detector = new Prefect1FlowDetector();
        List<ScanFile> files = PROJECT.entrySet().stream().map(e -> new ScanFile(e.getKey(), e.getValue())).toList();
        files.forEach(f -> detector.listed(f.path()));
        InventorySink sink = new InventorySink() {
            @Override
            public void job(Job job) {
            }

            @Override
            public void finding(Finding finding) {
                findings.add(finding);
            }
        };
        files.stream().filter(detector::accepts).forEach(f -> detector.detect(f, sink));
        detector.finish(sink);
        TreeSet<String> out = new TreeSet<>();
        for (Finding f : findings) {
            if (f.code().equals(code) && f.jobId() == null) {
                String[] lines = PROJECT.get(f.where().path()).split("\n", -1);
                out.add(f.where().path() + ": " + lines[f.where().line() - 1].strip());
            }
        }
        return out;
    }

    /** "path: statement" of each statement the rewrite puts a PF108 TODO above. */
    private static TreeSet<String> rewritten() {
        return rewritten(new InMemoryExecutionContext());
    }

    private static TreeSet<String> rewritten(InMemoryExecutionContext ctx) {
        return rewritten(ctx, "PF108");
    }

    private static TreeSet<String> rewritten(InMemoryExecutionContext ctx, String code) {
        RecipeRun run = run(ctx);
        TreeSet<String> out = new TreeSet<>();
        for (Result r : run.getChangeset().getAllResults()) {
            if (r.getAfter() == null) {
                continue;
            }
            String[] lines = r.getAfter().printAll().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].strip().startsWith("# TODO(migrate " + code + ")")) {
                    continue;
                }
                int at = i + 1;
                while (lines[at].strip().startsWith("# TODO(migrate ")) {
                    at++;
                }
                out.add(r.getAfter().getSourcePath().toString().replace('\\', '/') + ": " + lines[at].strip());
            }
        }
        return out;
    }
}
