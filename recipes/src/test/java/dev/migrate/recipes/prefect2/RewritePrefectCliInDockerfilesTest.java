package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.recipes.MigrationNotes;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RewritePrefectCliInDockerfilesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInDockerfiles());
    }

    @DocumentExample
    @Test
    void shellFormCmdIsRewritten() {
        rewriteRun(text(
            """
            FROM prefecthq/prefect:2.14.9-python3.10
            RUN pip install --no-cache-dir -r requirements.txt \\
             && prefect deployment build flows/etl.py:main -n etl -q etl -a
            CMD prefect agent start -q etl
            """,
            """
            FROM prefecthq/prefect:2.14.9-python3.10
            RUN pip install --no-cache-dir -r requirements.txt \\
             && prefect --no-prompt deploy --pool process-pool flows/etl.py:main --name etl --work-queue etl
            CMD prefect worker start --work-queue etl --pool process-pool --type process
            """,
            spec -> spec.path("docker/Dockerfile")));
    }

    // agent images from the DE zoomcamp cohorts: `ENTRYPOINT [ "prefect", "agent", "start", "--pool", ... ]`
    // stayed an agent, silently, while scan pointed at this recipe for the fix
    @Test
    void execFormIsRewrittenInItsOwnLayout() {
        rewriteRun(text(
            """
            FROM python:3.11-slim
            ENTRYPOINT [ "prefect", "agent", "start", "--pool", "etl-pool" ]
            FROM python:3.11-slim AS queue-agent
            CMD ["sh", "-c", "prefect agent start -q etl"]
            """,
            """
            FROM python:3.11-slim
            ENTRYPOINT [ "prefect", "worker", "start", "--pool", "etl-pool", "--type", "process" ]
            FROM python:3.11-slim AS queue-agent
            CMD ["sh", "-c", "prefect worker start --work-queue etl --pool process-pool --type process"]
            """,
            spec -> spec.path("Dockerfile")));
    }

    // an agent image polling two queues got a worker on a pool named after the first; the deployments of the second
    // queue went to another pool. An exec-form item is one argument whatever `$` it holds (no shell reads it)
    @Test
    void everyQueueOfAnAgentImageIsKept() {
        rewriteRun(text(
            """
            FROM prefecthq/prefect:2.14.9-python3.10
            CMD ["prefect", "agent", "start", "-q", "ingest", "-q", "report"]
            FROM prefecthq/prefect:2.14.9-python3.10 AS adhoc
            CMD prefect agent start "$QUEUE"
            """,
            """
            FROM prefecthq/prefect:2.14.9-python3.10
            CMD ["prefect", "worker", "start", "--work-queue", "ingest", "--work-queue", "report", "--pool", "process-pool", "--type", "process"]
            FROM prefecthq/prefect:2.14.9-python3.10 AS adhoc
            CMD prefect worker start --work-queue "$QUEUE" --pool process-pool --type process
            """,
            spec -> spec.path("Dockerfile")));
    }

    // images of a geodata project and a GCE agent start-up script installed `prefect==2.2.0` / `prefect==2.7.7`
    // with pip: scan reported the pin, rewrite left it without a word
    // an agent image whose CMD gave the queue (`ENTRYPOINT ["prefect", "agent", "start"]`, `CMD ["$QUEUE"]`):
    // the worker ENTRYPOINT got CMD's words as arguments, which `prefect worker start` rejects
    @Test
    void anEntrypointGivenArgumentsByCmdIsLeftToAPerson() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> assertThat(r.manual()).isTrue())
                .satisfies(r -> assertThat(r.message()).contains("the CMD below gives this ENTRYPOINT its arguments"))),
            text(
            """
            FROM python:3.9-slim
            ENTRYPOINT [ "prefect", "agent", "start" ]
            # the queue to poll
            CMD [ "-q", "etl" ]
            """,
            spec -> spec.path("agent/Dockerfile")));
    }

    @Test
    void pipInstallOfPrefect2IsPinnedToPrefect3() {
        rewriteRun(text(
            """
            FROM python:3.11-slim
            RUN pip install --upgrade pip && \\
                pip install prefect==2.2.0 kubernetes==25.3.0
            RUN pip install --no-cache-dir \\
                "prefect==2.14.21" \\
                snowflake-connector-python
            """,
            """
            FROM python:3.11-slim
            RUN pip install --upgrade pip && \\
                pip install prefect==3.8.3 kubernetes==25.3.0
            RUN pip install --no-cache-dir \\
                "prefect==3.8.3" \\
                snowflake-connector-python
            """,
            spec -> spec.path("Dockerfile")));
    }

    @Test
    void execFormOfAPrefect3CommandOrOfNoJsonIsLeftAlone() {
        rewriteRun(text(
            """
            FROM python:3.11-slim
            ENTRYPOINT ["prefect", "worker", "start", "--pool", "etl"]
            CMD ['prefect', 'agent', 'start']
            """,
            spec -> spec.path("Dockerfile")));
    }

    @Test
    void continuedRunKeepsItsLines() {
        rewriteRun(text(
            """
            FROM prefecthq/prefect:3-python3.11
            RUN prefect deployment build flows/etl.py:etl \\
                  --name nightly \\
                  --skip-upload --apply \\
                  --cron "0 2 * * *" && \\
                echo built
            """,
            """
            FROM prefecthq/prefect:3-python3.11
            RUN prefect --no-prompt deploy --pool process-pool flows/etl.py:etl \\
                  --name nightly \\
                  --cron "0 2 * * *" && \\
                echo built
            """,
            spec -> spec.path("Dockerfile")));
    }
}
