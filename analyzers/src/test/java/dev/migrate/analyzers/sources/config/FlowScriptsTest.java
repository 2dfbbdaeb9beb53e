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
}
