package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;

class ReplaceRemovedStorageBlockSlugsTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceRemovedStorageBlockSlugs());
    }

    // found by the Prefect 2 Python sweep: public result-storage examples (result_storage="s3/qa") and a deployment
    // script's generic Block.load("s3/prod") name a block type Prefect 3 no longer has, and were left as they were;
    // the load fails on Prefect 3. Quotes, prefixes and comments stay.
    @DocumentExample
    @Test
    void referencesToRemovedStorageBlocksNameTheIntegrationsBlocks() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .extracting(r -> r.line() + " " + r.code() + " " + r.message().substring(0, r.message().indexOf(';')))
                .containsExactly(
                        "5 PF206 \"s3/qa\" named a prefect.filesystems.S3 block, whose type Prefect 3 no longer has",
                        "10 PF206 \"gcs/results\" named a prefect.filesystems.GCS block, whose type Prefect 3 no longer has",
                        "12 PF206 \"azure/scratch\" named a prefect.filesystems.Azure block, whose type Prefect 3 no longer has",
                        "17 PF206 \"github/code\" named a prefect.filesystems.GitHub block, whose type Prefect 3 no longer has",
                        "20 PF206 \"s3/cache\" named a prefect.filesystems.S3 block, whose type Prefect 3 no longer has")),
            python(
                """
                from prefect import flow, task
                from prefect.blocks.core import Block


                @task(persist_result=True, result_storage="s3/qa", retries=2)
                def compute():
                    return 42


                @flow(result_storage='gcs/results')
                def main():
                    compute.with_options(result_storage=r"azure/scratch")()
                    return compute()


                def code():
                    return Block.load("github/code")  # the repository the agent cloned


                OPTIONS = dict(result_storage=("s3/cache"), persist_result=True)
                """,
                """
                from prefect import flow, task
                from prefect.blocks.core import Block


                @task(persist_result=True, result_storage="s3-bucket/qa", retries=2)
                def compute():
                    return 42


                @flow(result_storage='gcs-bucket/results')
                def main():
                    compute.with_options(result_storage=r"azure-blob-storage-container/scratch")()
                    return compute()


                def code():
                    return Block.load("github-repository/code")  # the repository the agent cloned


                OPTIONS = dict(result_storage=("s3-bucket/cache"), persist_result=True)
                """));
    }

    // blocks Prefect 3 keeps (local-file-system, remote-file-system), the integrations' own slugs, names that are no
    // "slug/name" reference, computed references, code without Prefect, and a load a deployment is built with
    // (ReplaceDeploymentBuildFromFlow's) stay
    @Test
    void otherReferencesStay() {
        rewriteRun(
            python(
                """
                import os

                from prefect import flow
                from prefect.blocks.core import Block
                from prefect.deployments import Deployment

                ENV = os.environ.get("ENV", "dev")


                @flow(result_storage="local-file-system/dev")
                def a():
                    return Block.load("s3-bucket/prod"), Block.load(f"s3/{ENV}"), Block.load("s3/a/b")


                @flow(result_storage="remote-file-system/minio")
                def b():
                    return None


                Deployment.build_from_flow(flow=a, name="a", storage=Block.load("s3/code"))
                """),
            python(
                """
                import boto3

                def load(result_storage="s3/qa"):
                    return boto3.client("s3"), dict(result_storage="s3/qa")
                """, s -> s.path("plain.py")));
    }

    @Test
    void withoutUnsafeFixesItIsANote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .singleElement().satisfies(r -> assertThat(r.message())
                        .isEqualTo("unsafe fix not applied (rerun with --unsafe-fixes): \"s3-bucket/qa\""))),
            python("from prefect import task\n\n@task(result_storage=\"s3/qa\")\ndef t():\n    return 1\n"));
    }

    // the block now loaded by slug is the integration's, whose package the requirements must list
    @Test
    void theIntegrationJoinsTheRequirements() {
        rewriteRun(spec -> spec.recipes(new ReplaceRemovedStorageBlockSlugs(), new AddPrefectIntegrationRequirements()),
            python("from prefect import task\n\n@task(result_storage=\"s3/qa\")\ndef t():\n    return 1\n",
                    "from prefect import task\n\n@task(result_storage=\"s3-bucket/qa\")\ndef t():\n    return 1\n",
                    s -> s.path("flows/results.py")),
            text("prefect==3.8.3\n", "prefect==3.8.3\nprefect-aws>=0.5.0\n", s -> s.path("flows/requirements.txt")));
    }
}
