package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.HostEstate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Prefect 1 project a flow is registered in, recorded on its job ({@link Prefect1Registrations#PROJECT}) when every
 * {@code flow.register(...)} of the flow names the same literal project, and left out otherwise: the cutover's backfill
 * runs {@code prefect run --project} with it, and an invented project would be a run that fails.
 */
class Prefect1ProjectScanTest {
    private static final String HEAD = """
            import os

            from prefect import Flow, task

            PROJECT = "lake-ingestion"


            @task
            def extract():
                return [1, 2, 3]


            with Flow("etl") as flow:
                extract()

            """;

    private static Job scan(String tail) {
        return HostEstate.scan(List.of(new ScanFile("flows/etl.py", HEAD + tail)), new Prefect1FlowDetector()).jobs.get(0);
    }

    @Test
    void aLiteralProjectIsRecorded() {
        assertThat(scan("flow.register(project_name=\"lake-ingestion\", labels=[\"prod\"])\n").attributes())
                .containsEntry(Prefect1Registrations.PROJECT, "lake-ingestion");
    }

    @Test
    void aModuleConstantAndThePositionalParameterAreLiteralsToo() {
        assertThat(scan("if __name__ == \"__main__\":\n    flow.register(PROJECT)\n").attributes())
                .containsEntry(Prefect1Registrations.PROJECT, "lake-ingestion");
    }

    @Test
    void twoRegistrationsInOneProject() {
        assertThat(scan("flow.register(project_name='a', build=False)\nflow.register('a')\n").attributes())
                .containsEntry(Prefect1Registrations.PROJECT, "a");
    }

    // must not change: a project only running the code knows, two projects, or no project at all: nothing recorded
    @Test
    void aRunTimeOrAmbiguousOrMissingProjectIsNotRecorded() {
        assertThat(scan("flow.register(project_name=os.environ[\"PREFECT_PROJECT\"])\n").attributes())
                .doesNotContainKey(Prefect1Registrations.PROJECT);
        assertThat(scan("flow.register(project_name=\"a\")\nflow.register(project_name=\"b\")\n").attributes())
                .doesNotContainKey(Prefect1Registrations.PROJECT);
        assertThat(scan("flow.register(project_name=\"a\")\nflow.register(project_name=PROJECT.replace('x', 'y'))\n")
                .attributes()).doesNotContainKey(Prefect1Registrations.PROJECT);
        assertThat(scan("flow.register()\n").attributes()).doesNotContainKey(Prefect1Registrations.PROJECT);
        assertThat(scan("flow.run()\n").attributes()).doesNotContainKey(Prefect1Registrations.PROJECT);
        // another object's register() is not the flow's registration
        assertThat(scan("registry.register(project_name=\"a\")\n").attributes()).doesNotContainKey(Prefect1Registrations.PROJECT);
    }
}
