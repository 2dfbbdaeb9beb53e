package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;

class AddPrefectIntegrationRequirementsTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new AddPrefectIntegrationRequirements());
    }

    @DocumentExample
    @Test
    void integrationsTheMigratedCodeImportsAreAdded() {
        rewriteRun(
            python(
                """
                from prefect.filesystems import S3
                from prefect.task_runners import DaskTaskRunner
                from prefect_gcp import GcsBucket
                """,
                spec -> spec.path("etl/flows/deploy.py")),
            python("import prefect_shell\n", spec -> spec.path("other/job.py")),
            text(
                """
                prefect==3.8.3
                prefect-aws==0.5.1
                pandas
                """,
                """
                prefect==3.8.3
                prefect-dask>=0.3.0
                prefect-gcp>=0.6.0
                prefect-aws==0.5.1
                pandas
                """,
                spec -> spec.path("etl/requirements.txt")));
    }

    @Test
    void requirementsWithoutPrefectAreLeftAlone() {
        rewriteRun(
            python("from prefect_aws import S3Bucket\n", spec -> spec.path("flows/a.py")),
            text("pytest\n", spec -> spec.path("requirements-dev.txt")));
    }
}
