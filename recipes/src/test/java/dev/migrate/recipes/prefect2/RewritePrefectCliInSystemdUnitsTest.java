package dev.migrate.recipes.prefect2;

import static org.openrewrite.test.SourceSpecs.text;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RewritePrefectCliInSystemdUnitsTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInSystemdUnits());
    }

    @DocumentExample
    @Test
    void agentServiceBecomesWorkerService() {
        rewriteRun(text(
            """
            [Service]
            User=prefect
            Environment="PREFECT_API_URL=http://localhost:4200/api"
            ExecStart=/home/prefect/venv/bin/prefect agent start -q default
            Restart=always
            """,
            """
            [Service]
            User=prefect
            Environment="PREFECT_API_URL=http://localhost:4200/api"
            ExecStart=/home/prefect/venv/bin/prefect worker start --work-queue default --pool process-pool --type process
            Restart=always
            """,
            spec -> spec.path("etc/systemd/system/prefect-agent.service")));
    }

    @Test
    void workerUnitIsLeftAlone() {
        rewriteRun(text(
            """
            [Service]
            ExecStart=/home/prefect/prefect-production/venv/bin/prefect worker start --pool default-pool
            """,
            spec -> spec.path("prefect-worker.service")));
    }

    @Test
    void continuedExecStartKeepsItsLines() {
        rewriteRun(text(
            """
            [Service]
            ExecStart=/opt/venv/bin/prefect agent start \\
                -q etl \\
                --limit 4
            Restart=always
            """,
            """
            [Service]
            ExecStart=/opt/venv/bin/prefect worker start \\
                --work-queue etl \\
                --limit 4 --pool process-pool --type process
            Restart=always
            """,
            spec -> spec.path("prefect-agent.service")));
    }

    // a unit starting an agent on two queues: the worker polls both, on the pool their deployments now use
    @Test
    void everyQueueOfAnAgentServiceIsKept() {
        rewriteRun(text(
            """
            [Service]
            ExecStart=/opt/venv/bin/prefect agent start -q ingest -q report --limit 2
            """,
            """
            [Service]
            ExecStart=/opt/venv/bin/prefect worker start --work-queue ingest --work-queue report --limit 2 --pool process-pool --type process
            """,
            spec -> spec.path("prefect-agent.service")));
    }
}
