package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.recipes.MigrationNotes;
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

    // a deployment script on an integration's infrastructure block: its pool's worker needs the integration, and the
    // Vertex AI worker prefect-gcp's aiplatform extra (google-cloud-aiplatform), which wins over the plain package
    @Test
    void infrastructureBlocksNeedTheirWorkersPackageWithItsExtra() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment
                from prefect_gcp.aiplatform import VertexAICustomTrainingJob
                from prefect_gcp import GcsBucket
                from prefect_azure.container_instance import AzureContainerInstanceJob
                """,
                spec -> spec.path("ml/deploy.py")),
            text(
                """
                prefect>=2.19,<3
                scikit-learn
                """,
                """
                prefect>=2.19,<3
                prefect-azure>=0.4.0
                prefect-gcp[aiplatform]>=0.6.0
                scikit-learn
                """,
                spec -> spec.path("ml/requirements.txt")),
            text(
                """
                [tool.poetry.dependencies]
                python = "^3.10"
                prefect = "^2.19"
                """,
                """
                [tool.poetry.dependencies]
                python = "^3.10"
                prefect = "^2.19"
                prefect-azure = ">=0.4.0"
                prefect-gcp = {version = ">=0.6.0", extras = ["aiplatform"]}
                """,
                spec -> spec.path("ml/pyproject.toml")));
    }

    // a project that already requires the integration keeps its line (extras and pins are a person's)
    @Test
    void anIntegrationAlreadyRequiredStays() {
        rewriteRun(
            python("from prefect_aws.ecs import ECSTask\n", spec -> spec.path("infra/blocks.py")),
            text("prefect==2.20.2\nprefect-aws==0.4.19\n", spec -> spec.path("infra/requirements.txt")));
    }

    // a script that saves its GitHub block and deploys from it, and one that deploys from a GitHub block loaded by
    // name, deploy from prefect-github's GitHubRepository in Prefect 3: the requirement was not added, since the
    // blocks sat in deployment calls. A GitHub block passed inline becomes prefect's own GitRepository
    @Test
    void gitHubBlocksDeployedFromByNameNeedPrefectGithub() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment
                from prefect.filesystems import GitHub
                from flows import etl

                gh = GitHub(repository="https://github.com/acme/etl")
                gh.save("code")
                Deployment.build_from_flow(flow=etl, name="a", storage=gh, apply=True)
                """,
                spec -> spec.path("saved/deploy.py")),
            text("prefect==3.8.3\n", "prefect==3.8.3\nprefect-github>=0.3.0\n", spec -> spec.path("saved/requirements.txt")),
            python(
                """
                from prefect.deployments import Deployment
                from prefect.filesystems import GitHub
                from flows import etl

                Deployment.build_from_flow(flow=etl, name="a", storage=GitHub.load("code"), apply=True)
                """,
                spec -> spec.path("loaded/deploy.py")),
            text("prefect==3.8.3\n", "prefect==3.8.3\nprefect-github>=0.3.0\n", spec -> spec.path("loaded/requirements.txt")),
            python(
                """
                from prefect.deployments import Deployment
                from prefect.filesystems import GitHub
                from flows import etl

                Deployment.build_from_flow(flow=etl, name="a", storage=GitHub(repository="https://github.com/acme/etl"), apply=True)
                """,
                spec -> spec.path("inline/deploy.py")),
            text("prefect==3.8.3\n", spec -> spec.path("inline/requirements.txt")));
    }

    @Test
    void pyprojectArraysGetOneLinePerRequirementOrInlineEntries() {
        rewriteRun(
            python("from prefect.filesystems import S3\n", spec -> spec.path("svc/flows/deploy.py")),
            python("from prefect_gcp import GcsBucket\n", spec -> spec.path("lib/x.py")),
            text(
                """
                [project]
                name = "svc"
                dependencies = [
                    "pandas>=2",
                    "prefect==3.8.3"  # orchestration
                ]
                """,
                """
                [project]
                name = "svc"
                dependencies = [
                    "pandas>=2",
                    "prefect==3.8.3",  # orchestration
                    "prefect-aws>=0.5.0",
                ]
                """,
                spec -> spec.path("svc/pyproject.toml")),
            text(
                "[project]\ndependencies = ['prefect>=3', 'httpx']\n",
                "[project]\ndependencies = ['prefect>=3', 'prefect-gcp>=0.6.0', 'httpx']\n",
                spec -> spec.path("lib/pyproject.toml")));
    }

    @Test
    void poetryTablesAndSetupCfg() {
        rewriteRun(
            python("from prefect.task_runners import DaskTaskRunner\n", spec -> spec.path("a/flow.py")),
            python("from prefect_aws import S3Bucket\n", spec -> spec.path("b/flow.py")),
            text(
                "[tool.poetry.dependencies]\npython = \"^3.11\"\nprefect = \"==3.8.3\"\n",
                "[tool.poetry.dependencies]\npython = \"^3.11\"\nprefect = \"==3.8.3\"\nprefect-dask = \">=0.3.0\"\n",
                spec -> spec.path("a/pyproject.toml")),
            text(
                "[options]\r\ninstall_requires =\r\n    prefect==3.8.3\r\n    requests\r\n",
                "[options]\r\ninstall_requires =\r\n    prefect==3.8.3\r\n    prefect-aws>=0.5.0\r\n    requests\r\n",
                spec -> spec.path("b/setup.cfg")));
    }

    @Test
    void theFileARequirementsFileIncludesGetsThemWhenItIsTheOneThatListsPrefect() {
        // etl/requirements.txt only includes ../deps/base.txt: its Python files' packages go there, next to prefect;
        // the constraints file it names is read for versions only and installs nothing
        rewriteRun(
            python("from prefect_aws import S3Bucket\n", spec -> spec.path("etl/flows/load.py")),
            python("from prefect_gcp import GcsBucket\n", spec -> spec.path("other/job.py")),
            text("-r ../deps/base.txt\n-c ../deps/pins.txt\n", spec -> spec.path("etl/requirements.txt")),
            text("prefect==3.8.3\npandas\n", "prefect==3.8.3\nprefect-aws>=0.5.0\npandas\n",
                spec -> spec.path("deps/base.txt")),
            text("prefect==3.8.3\n", spec -> spec.path("deps/pins.txt")));
    }

    @Test
    void aConstraintsFileRequirementsFilesNameOnlyWithMinusCGetsNoPackage() {
        rewriteRun(
            python("from prefect_aws import S3Bucket\n", spec -> spec.path("flows/a.py")),
            text("-c constraints.txt\nprefect\n", "-c constraints.txt\nprefect\nprefect-aws>=0.5.0\n",
                spec -> spec.path("requirements.txt")),
            text("prefect==3.8.3\n", spec -> spec.path("constraints.txt")));
    }

    // constraints-prod.txt is passed to pip with -c by CI, and no requirements file names it
    @Test
    void aFileNamedAsConstraintsGetsNoPackageEvenWhenNothingNamesIt() {
        rewriteRun(
            python("from prefect_aws import S3Bucket\n", spec -> spec.path("flows/a.py")),
            text("prefect==3.8.3\n", spec -> spec.path("constraints.txt")),
            text("prefect==3.8.3\nprefect-gcp==0.6.2\n", spec -> spec.path("constraints-prod.txt")));
    }

    // added between `prefect==3.8.3 \` and its marker line, the package would have become part of that requirement
    @Test
    void packagesGoAfterTheLinesThePrefectRequirementIsContinuedOn() {
        rewriteRun(
            python("from prefect_aws import S3Bucket\n", spec -> spec.path("flows/a.py")),
            text(
                """
                prefect==3.8.3 \\
                    ; python_version >= "3.9"
                pandas
                """,
                """
                prefect==3.8.3 \\
                    ; python_version >= "3.9"
                prefect-aws>=0.5.0
                pandas
                """,
                spec -> spec.path("requirements.txt")),
            text("prefect==3.8.3 \\\r\n    ; python_version >= \"3.9\"\r\n",
                "prefect==3.8.3 \\\r\n    ; python_version >= \"3.9\"\r\nprefect-aws>=0.5.0\r\n",
                spec -> spec.path("flows/requirements.txt")));
    }

    // pip reads a file with hashes in hash-checking mode: a line without them would fail the whole install
    @Test
    void aFileLockedWithHashesGetsANoteInsteadOfALineWithoutHashes() {
        rewriteRun(
            spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.sourcePath()).isEqualTo("requirements.txt");
                assertThat(r.code()).isEqualTo("PF208");
                assertThat(r.manual()).isTrue();
                assertThat(r.message()).isEqualTo("the migrated code needs prefect-aws>=0.5.0, not added to this file, "
                        + "which is locked with --hash lines (a line without hashes would fail the install): add them to "
                        + "its input and re-run pip-compile (or uv pip compile) with prefect>=3 in its input to regenerate "
                        + "it, since a new version needs new hashes");
            })),
            python("from prefect_aws import S3Bucket\n", spec -> spec.path("flows/a.py")),
            text(
                """
                prefect==3.8.3 \\
                    --hash=sha256:1f7bd1e9c6bbd2d3c2d3e8e4d5a6f7081a2b3c4d5e6f708192a3b4c5d6e7f809
                    # via -r requirements.in
                """,
                spec -> spec.path("requirements.txt")),
            text("prefect>=3\n", "prefect>=3\nprefect-aws>=0.5.0\n", spec -> spec.path("requirements.in")));
    }

    @Test
    void aTextFileListingPrefectThatNoRequirementsFileIncludesIsLeftAlone() {
        rewriteRun(
            python("from prefect_aws import S3Bucket\n", spec -> spec.path("flows/a.py")),
            text("pandas\n", spec -> spec.path("requirements.txt")),
            text("-r base.txt\n", spec -> spec.path("notes.txt")),
            text("prefect==3.8.3\n", spec -> spec.path("base.txt")));
    }

    @Test
    void requirementsWithoutPrefectAreLeftAlone() {
        rewriteRun(
            python("from prefect_aws import S3Bucket\n", spec -> spec.path("flows/a.py")),
            text("pytest\n", spec -> spec.path("requirements-dev.txt")),
            text("[project]\ndependencies = [\"prefect-aws>=0.5\"]\n", spec -> spec.path("pyproject.toml")),
            // prefect named outside the dependency tables is not a requirement to add next to
            text("[metadata]\nlong_description =\n    prefect==3.8.3 powers this\n", spec -> spec.path("setup.cfg")),
            text("[tool.other]\nprefect = \"3.8.3\"\n", spec -> spec.path("flows/pyproject.toml")));
    }
}
