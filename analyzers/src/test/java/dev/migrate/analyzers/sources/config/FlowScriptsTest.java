package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Python runs a shell line starts, and what a Python file does when run as a script, read from its tree. */
class FlowScriptsTest {
    private static List<String> scripts(String line) {
        return FlowScripts.invocations(line).stream().map(i -> i.script() + "@" + i.offset()).toList();
    }

    @Test
    void thePythonRunsOfALine() {
        assertThat(scripts("python flows/etl.py --date today")).containsExactly("flows/etl.py@0");
        assertThat(scripts("cd flows && /opt/venv/bin/python3.11 -u -W ignore etl.py")).containsExactly("etl.py@12");
        assertThat(scripts("python -m flows.etl")).containsExactly("flows/etl.py@0");
        assertThat(scripts("uv run python flows/etl.py; poetry run python3 b.py")).containsExactly("flows/etl.py@0", "b.py@28");
        assertThat(scripts("env PREFECT_API_URL=http://x exec python etl.py")).containsExactly("etl.py@0");
        assertThat(scripts("FOO=1 python etl.py")).containsExactly("etl.py@0");
    }

    @Test
    void runsThatNameNoScriptFileAreNone() {
        assertThat(scripts("python -c 'import etl; etl.etl()'")).isEmpty();
        assertThat(scripts("python $SCRIPT")).isEmpty();
        assertThat(scripts("python")).isEmpty();
        assertThat(scripts("pip install -r requirements.txt")).isEmpty();
        assertThat(scripts("echo python etl.py")).isEmpty();
        assertThat(scripts("python manage.py migrate")).containsExactly("manage.py@0"); // a script, classified later
    }

    private static final String ETL = """
            from prefect import flow, task

            @task
            def extract():
                return 1

            @flow(name="nightly-etl")
            def etl():
                extract()

            if __name__ == "__main__":
                etl()
            """;

    @Test
    void aScriptThatCallsItsFlowRunsIt() {
        assertThat(FlowScripts.classify("flows/etl.py", ETL))
                .contains(new FlowScripts.Script("flows/etl.py", FlowScripts.Kind.FLOW, List.of("etl")));
        assertThat(FlowScripts.classify("a.py", """
                import asyncio
                import prefect

                @prefect.flow
                async def load():
                    pass

                asyncio.run(load())
                """)).map(FlowScripts.Script::kind).contains(FlowScripts.Kind.FLOW);
    }

    @Test
    void aScriptThatServesItsFlowsServesThem() {
        assertThat(FlowScripts.classify("serve.py", """
                from prefect import flow

                @flow
                def report():
                    pass

                if __name__ == "__main__":
                    report.serve(name="hourly", cron="0 * * * *")
                """)).contains(new FlowScripts.Script("serve.py", FlowScripts.Kind.SERVE, List.of("report")));
        assertThat(FlowScripts.classify("serve.py", """
                from prefect import flow, serve

                @flow
                def a():
                    pass

                @flow
                def b():
                    pass

                serve(a.to_deployment(name="a"), b.to_deployment(name="b"))
                """)).contains(new FlowScripts.Script("serve.py", FlowScripts.Kind.SERVE, List.of("a", "b")));
    }

    @Test
    void filesThatRunNoFlowAreNone() {
        // flows defined, nothing calls them when the file runs: a module of flows
        assertThat(FlowScripts.classify("lib.py", """
                from prefect import flow

                @flow
                def etl():
                    pass

                def main():
                    etl()
                """)).isEmpty();
        // another library's decorator of the same name
        assertThat(FlowScripts.classify("m.py", """
                from metaflow import flow

                @flow
                def etl():
                    pass

                etl()
                """)).isEmpty();
        assertThat(FlowScripts.classify("r.py", "print('report')\n")).isEmpty();
        assertThat(FlowScripts.classify("broken.py", "from prefect import flow\n@flow\ndef etl(:\n")).isEmpty();
    }

    @Test
    void theFileOfTheFirstDirectoryThatHoldsOneIsRun() {
        Map<String, String> tree = Map.of("flows/etl.py", ETL, "etl.py", "print('not a flow')\n");
        FlowScripts scripts = new FlowScripts(tree::get);
        FlowScripts.Invocation run = FlowScripts.invocations("python etl.py").get(0);
        assertThat(scripts.of(run, List.of("flows", ""))).map(FlowScripts.Script::path).contains("flows/etl.py");
        // the root's etl.py runs no flow: the one in flows/ is not the one Python would run
        assertThat(scripts.of(run, List.of("", "flows"))).isEmpty();
        assertThat(scripts.of(run, List.of())).isEmpty();
        assertThat(scripts.of(run, List.of("jobs"))).isEmpty();
    }

    private static final String ETL_MODULE = """
            from prefect import flow

            @flow
            def etl_flow():
                pass

            def helper():
                pass
            """;

    private static FlowScripts.Invocation run(String line) {
        return FlowScripts.invocations(line).get(0);
    }

    @Test
    void aScriptThatCallsAFlowItImportsFromTheTreeRunsIt() {
        Map<String, String> tree = Map.of("flows/etl.py", ETL_MODULE, "flows/__init__.py", "", "run_etl.py", """
                from flows.etl import etl_flow

                if __name__ == "__main__":
                    etl_flow()
                """, "run_module.py", """
                from flows import etl

                etl.etl_flow()
                """, "serve_etl.py", """
                import flows.etl

                flows.etl.etl_flow.serve(name="nightly", cron="0 2 * * *")
                """);
        FlowScripts scripts = new FlowScripts(tree::get);
        assertThat(scripts.of(run("python run_etl.py"), List.of("")))
                .contains(new FlowScripts.Script("run_etl.py", FlowScripts.Kind.FLOW, List.of("etl_flow"), "flows/etl.py:etl_flow"));
        assertThat(scripts.of(run("python run_module.py"), List.of("")))
                .contains(new FlowScripts.Script("run_module.py", FlowScripts.Kind.FLOW, List.of("etl_flow"), "flows/etl.py:etl_flow"));
        assertThat(scripts.of(run("python serve_etl.py"), List.of("")))
                .contains(new FlowScripts.Script("serve_etl.py", FlowScripts.Kind.SERVE, List.of("etl_flow"), "flows/etl.py:etl_flow"));
    }

    @Test
    void anImportedModuleIsFoundWherePythonLooks() {
        // a script run by its path imports from its own directory; one run with -m from the command's directory
        Map<String, String> tree = Map.of("jobs/flows/etl.py", ETL_MODULE, "jobs/run.py", """
                from flows.etl import etl_flow
                etl_flow()
                """, "pkg/etl.py", ETL_MODULE, "pkg/__init__.py", "", "pkg/main.py", """
                from .etl import etl_flow
                etl_flow()
                """);
        FlowScripts scripts = new FlowScripts(tree::get);
        assertThat(scripts.of(run("python jobs/run.py"), List.of(""))).map(FlowScripts.Script::entry)
                .contains("jobs/flows/etl.py:etl_flow");
        assertThat(scripts.of(run("python -m pkg.main"), List.of(""))).map(FlowScripts.Script::entry)
                .contains("pkg/etl.py:etl_flow");
    }

    // each must not be classified: an imported function that is no flow, an import of a module the tree does not
    // hold, a flow the imported module itself imports (one level only), and the static reading, which follows none
    @Test
    void importsThatGiveNoFlowOfTheTreeRunNone() {
        Map<String, String> tree = Map.of("flows/etl.py", ETL_MODULE, "flows/reexport.py", """
                from flows.etl import etl_flow
                """, "a.py", """
                from flows.etl import helper
                helper()
                """, "b.py", """
                from pipelines.nightly import nightly_flow
                nightly_flow()
                """, "c.py", """
                from flows.reexport import etl_flow
                etl_flow()
                """, "d.py", """
                import flows.etl
                def main():
                    flows.etl.etl_flow()
                """);
        FlowScripts scripts = new FlowScripts(tree::get);
        for (String script : List.of("a.py", "b.py", "c.py", "d.py")) {
            assertThat(scripts.of(run("python " + script), List.of(""))).as(script).isEmpty();
        }
        assertThat(FlowScripts.classify("run.py", "from flows.etl import etl_flow\netl_flow()\n")).isEmpty();
    }
}
