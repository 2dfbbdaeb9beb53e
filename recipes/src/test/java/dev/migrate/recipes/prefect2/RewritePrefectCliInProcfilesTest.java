package dev.migrate.recipes.prefect2;

import static org.openrewrite.test.SourceSpecs.text;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

// a Heroku app ran its agent as a Procfile process and a justfile deployed and started it: scan reported both
// (PF201, PF203) and named the CLI recipes, which read neither file
class RewritePrefectCliInProcfilesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInProcfiles());
    }

    @DocumentExample
    @Test
    void processCommandsAreTranslated() {
        rewriteRun(text(
            """
            web: gunicorn app:app
            agent: prefect agent start -q heroku --limit 1
            """,
            """
            web: gunicorn app:app
            agent: prefect worker start --work-queue heroku --limit 1 --pool process-pool --type process
            """,
            spec -> spec.path("Procfile")));
    }

    @Test
    void justfileRecipeLinesAreTranslated() {
        rewriteRun(spec -> spec.recipe(new RewritePrefectCliInJustfiles()), text(
            """
            # deploy the flows
            deploy:
                prefect deployment build flows/a.py:a -n a -q heroku -a

            agent:
                @poetry run prefect agent start -q heroku
            """,
            """
            # deploy the flows
            deploy:
                prefect --no-prompt deploy --pool process-pool flows/a.py:a --name a --work-queue heroku

            agent:
                @poetry run prefect worker start --work-queue heroku --pool process-pool --type process
            """,
            spec -> spec.path("justfile")));
    }

    @Test
    void mustNotChange() {
        rewriteRun(text("worker: prefect worker start --pool p --type process\nrelease: python manage.py migrate\n",
                spec -> spec.path("Procfile")));
    }
}
