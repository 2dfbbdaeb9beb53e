package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/**
 * A project installed from its setup.py (an image's {@code pip install /app}) whose migrated code imports
 * {@code prefect_aws} failed at that import: the package was added to requirements files and pyproject.toml only. The
 * setup.py is not edited (its requirements are code) but gets a note naming what it lacks.
 */
class AddPrefectIntegrationRequirementsSetupPyTest implements PythonRewriteTest {
    private static final String SETUP_PY = """
            from setuptools import find_packages, setup

            setup(
                name="etl-flows",
                packages=find_packages(),
                install_requires=[
                    "psycopg2-binary==2.9.9",
                    "prefect==3.8.3",
                ],
            )
            """;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new AddPrefectIntegrationRequirements());
    }

    @Test
    void aSetupPyWithoutTheIntegrationTheCodeImportsGetsANoteOnItsPrefectLine() {
        rewriteRun(
            spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.sourcePath()).isEqualTo("etl/setup.py");
                assertThat(r.line()).isEqualTo(8);
                assertThat(r.code()).isEqualTo("PF208");
                assertThat(r.manual()).isTrue();
                assertThat(r.message()).isEqualTo("the migrated code needs `prefect-aws>=0.5.0`, not added to this "
                        + "setup.py (its requirements are Python code): add them to its install_requires beside prefect");
            })),
            python("from prefect.filesystems import S3\n", spec -> spec.path("etl/etl_flows/load.py")),
            python(SETUP_PY, spec -> spec.path("etl/setup.py")));
    }

    @Test
    void aSetupPyThatListsTheIntegrationOrServesNoCodeImportingItIsLeftAlone() {
        rewriteRun(
            spec -> spec.afterRecipe(run -> assertThat(run.getDataTableRows(MigrationNotes.class)).isEmpty()),
            python("from prefect_aws import S3Bucket\n", spec -> spec.path("etl/etl_flows/load.py")),
            python(SETUP_PY.replace("\"prefect==3.8.3\",", "\"prefect==3.8.3\",\n        'prefect-aws>=0.5.1',"),
                    spec -> spec.path("etl/setup.py")),
            // the code importing prefect_gcp is outside the directory this setup.py installs
            python("from prefect_gcp import GcsBucket\n", spec -> spec.path("other/job.py")),
            python(SETUP_PY, spec -> spec.path("lib/setup.py")),
            // a setup.py that does not require prefect is no Prefect project's
            python("from setuptools import setup\nsetup(install_requires=[\"pandas\"])\n", spec -> spec.path("tools/setup.py")),
            python("from prefect_aws import S3Bucket\n", spec -> spec.path("tools/x.py")));
    }
}
