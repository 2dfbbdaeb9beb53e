package dev.migrate.recipes.prefect2;

import static org.openrewrite.test.SourceSpecs.text;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RenameRemovedPrefectSettingsTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RenameRemovedPrefectSettings());
    }

    @DocumentExample
    @Test
    void orionNamesMoveOnlyToTheirTwoXNames() {
        // Required renames stop at the 2.x name; moving on to 3.x names is the opt-in recipe's job.
        rewriteRun(text("export PREFECT_ORION_DATABASE_CONNECTION_URL=sqlite:///x.db\n",
            "export PREFECT_API_DATABASE_CONNECTION_URL=sqlite:///x.db\n",
            spec -> spec.path("start.sh")));
    }

    // an agent unit and its .env tuned the agent's polling: the settings were left, and the worker that replaced
    // the agent ignored them (Prefect 3 reads only their worker successors)
    @Test
    void agentSettingsMoveToTheirWorkerSuccessors() {
        rewriteRun(text("""
                PREFECT_AGENT_QUERY_INTERVAL=15
                PREFECT_AGENT_PREFETCH_SECONDS=30
                PREFECT_LOGGING_LEVEL=INFO
                """, """
                PREFECT_WORKER_QUERY_SECONDS=15
                PREFECT_WORKER_PREFETCH_SECONDS=30
                PREFECT_LOGGING_LEVEL=INFO
                """, spec -> spec.path(".env")));
    }

    @Test
    void currentNamesAreLeftAlone() {
        rewriteRun(text("export PREFECT_API_DATABASE_CONNECTION_URL=sqlite:///x.db\n", spec -> spec.path("start.sh")));
    }
}
