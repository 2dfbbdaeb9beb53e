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

    @Test
    void currentNamesAreLeftAlone() {
        rewriteRun(text("export PREFECT_API_DATABASE_CONNECTION_URL=sqlite:///x.db\n", spec -> spec.path("start.sh")));
    }
}
