package dev.migrate.recipes.prefect2;

import static org.openrewrite.test.SourceSpecs.text;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class PinPrefect3InRequirementsTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new PinPrefect3InRequirements());
    }

    @DocumentExample
    @Test
    void prefectAndIntegrationsMoveToPrefect3() {
        rewriteRun(text(
            """
            # runtime
            prefect[postgres]==2.14.9  # server + worker
            prefect-aws==0.4.10 ; python_version >= "3.9"
            prefect-docker>=0.3,<0.5
            requests==2.31.0
            """,
            """
            # runtime
            prefect[postgres]==3.8.3  # server + worker
            prefect-aws>=0.5.0 ; python_version >= "3.9"
            prefect-docker>=0.6.0
            requests==2.31.0
            """,
            spec -> spec.path("requirements.txt")));
    }

    @Test
    void crlfLinesKeepTheirEndings() {
        rewriteRun(text("prefect>=2.10,<3\r\nrequests\r\n", "prefect==3.8.3\r\nrequests\r\n",
            spec -> spec.path("requirements-prod.txt")));
    }

    @Test
    void prefect1AndUnpinnedAndPrefect3AreLeftAlone() {
        rewriteRun(text("prefect==1.4.1\nprefect\nprefect>=3.1\nprefect-aws>=0.5.3\n", spec -> spec.path("requirements.txt")));
    }
}
