package dev.migrate.recipes.prefect2;

import static org.openrewrite.test.SourceSpecs.text;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

// a container ran the server and the agent under supervisord: neither scan nor rewrite read supervisord programs
class RewritePrefectCliInSupervisorConfsTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInSupervisorConfs());
    }

    @DocumentExample
    @Test
    void programCommandsAreTranslated() {
        rewriteRun(text(
            """
            [supervisord]
            nodaemon=true

            [program:agent]
            command=/bin/sh -c "prefect agent local start --label etl"
            autorestart = true

            [program:agent2]
            command = prefect agent start -q nightly
            """,
            """
            [supervisord]
            nodaemon=true

            [program:agent]
            command=/bin/sh -c "prefect worker start --pool etl --type process"
            autorestart = true

            [program:agent2]
            command = prefect worker start --work-queue nightly --pool process-pool --type process
            """,
            spec -> spec.path("deploy/supervisord.conf")));
    }

    @Test
    void otherConfFilesAreLeftAlone() {
        rewriteRun(text("[agent]\ncommand=prefect agent local start\n", spec -> spec.path("tool.conf")));
    }
}
