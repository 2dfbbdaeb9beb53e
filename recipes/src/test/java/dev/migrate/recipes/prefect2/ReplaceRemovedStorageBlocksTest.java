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

class ReplaceRemovedStorageBlocksTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceRemovedStorageBlocks());
    }

    // a block-setup script run once before deploying: on Prefect 3 its import of the removed classes fails
    @DocumentExample
    @Test
    void blocksSavedByAScriptBecomeTheIntegrationsBlocks() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).hasSize(3)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("PF206"))),
            python(
            """
            import os

            from prefect.filesystems import GCS, GitHub, S3

            GitHub(repository="https://github.com/acme/flows", reference="main").save("code", overwrite=True)

            s3 = S3(
                bucket_path="acme-flows/etl/",  # where the agent pulled from
                aws_access_key_id=os.environ["AWS_KEY"],  # from CI secrets
                aws_secret_access_key=os.environ["AWS_SECRET"],
            )
            s3.save("s3-code", overwrite=True)
            GCS(bucket_path="acme-results").save("results")
            """,
            """
            import os

            from prefect_aws import AwsCredentials, S3Bucket
            from prefect_gcp import GcsBucket
            from prefect_github import GitHubRepository

            GitHubRepository(repository_url="https://github.com/acme/flows", reference="main").save("code", overwrite=True)

            s3 = S3Bucket(
                bucket_name="acme-flows",  # where the agent pulled from
                credentials=AwsCredentials(aws_access_key_id=os.environ["AWS_KEY"], aws_secret_access_key=os.environ["AWS_SECRET"]),  # from CI secrets
                bucket_folder="etl",
            )
            s3.save("s3-code", overwrite=True)
            GcsBucket(bucket="acme-results").save("results")
            """));
    }

    @Test
    void githubAccessTokenGoesIntoCredentialsAndResultStorageIsConverted() {
        rewriteRun(
            python(
            """
            from prefect import flow
            from prefect.filesystems import Azure, GitHub

            GitHub(repository="https://github.com/acme/private", access_token=TOKEN).save("private")


            @flow(result_storage=Azure(bucket_path="results/etl", azure_storage_connection_string=CONN))
            def etl():
                pass
            """,
            """
            from prefect import flow
            from prefect_azure import AzureBlobStorageContainer, AzureBlobStorageCredentials
            from prefect_github import GitHubCredentials, GitHubRepository

            GitHubRepository(repository_url="https://github.com/acme/private", credentials=GitHubCredentials(token=TOKEN)).save("private")


            @flow(result_storage=AzureBlobStorageContainer(container_name="results", credentials=AzureBlobStorageCredentials(connection_string=CONN), base_folder="etl"))
            def etl():
                pass
            """));
    }

    @Test
    void aFieldWithoutAHomeGetsATodo() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> assertThat(r.manual()).isTrue())),
            python(
            """
            from prefect.filesystems import GitHub

            GitHub(repository="https://github.com/acme/flows", include_git_objects=False).save("code")
            """,
            """
            from prefect.filesystems import GitHub

            # TODO(migrate PF206): prefect.filesystems.GitHub was removed in Prefect 3 and its field include_git_objects has no place in prefect_github.GitHubRepository: build a prefect_github.GitHubRepository block instead
            GitHub(repository="https://github.com/acme/flows", include_git_objects=False).save("code")
            """));
    }

    // 2.x's GCS block kept the service account key as a JSON string; prefect-gcp's GcpCredentials takes a dict and
    // decodes a string with json.loads at construction: a JSON object literal, or a value only known when the script
    // runs, is passed on; a literal that is no JSON object (a key file's path) raised there, and is left to a person
    @Test
    void aServiceAccountInfoLiteralMustBeAJsonObject() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(MigrationNotes.Row::manual).filteredOn(r -> r.message().contains("not a JSON object"))
                .singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(5))),
            python(
            """
            from prefect.filesystems import GCS

            GCS(bucket_path="lake/flows", service_account_info='{"type": "service_account", "project_id": "p"}').save("a")
            GCS(bucket_path="lake/flows", service_account_info=open("sa.json").read()).save("b")
            GCS(bucket_path="lake/flows", service_account_info="/secrets/sa.json").save("c")
            """,
            """
            from prefect.filesystems import GCS
            from prefect_gcp import GcpCredentials, GcsBucket

            GcsBucket(bucket="lake", gcp_credentials=GcpCredentials(service_account_info='{"type": "service_account", "project_id": "p"}'), bucket_folder="flows").save("a")
            GcsBucket(bucket="lake", gcp_credentials=GcpCredentials(service_account_info=open("sa.json").read()), bucket_folder="flows").save("b")
            # TODO(migrate PF206): prefect.filesystems.GCS was removed in Prefect 3 and its service_account_info is a string that is not a JSON object, which GcpCredentials rejects (it decodes service_account_info with json.loads: "Unable to decode service_account_info"); give the service account key's JSON text or a dict: build a prefect_gcp.GcsBucket block instead
            GCS(bucket_path="lake/flows", service_account_info="/secrets/sa.json").save("c")
            """));
    }

    // deployments built with a block are ReplaceDeploymentBuildFromFlow's; kept storage blocks still exist in Prefect 3
    @Test
    void deploymentStorageAndKeptBlocksStay() {
        rewriteRun(
            python(
            """
            from prefect.deployments import Deployment
            from prefect.filesystems import S3, GitHub, LocalFileSystem

            storage = S3(bucket_path="acme/flows", extra=1)
            Deployment.build_from_flow(flow=etl, name="n", storage=storage, path=compute())
            Deployment.build_from_flow(flow=etl, name="m", storage=GitHub(repository=url))
            code = GitHub.load("code")
            Deployment.build_from_flow(flow=etl, name="o", storage=code)
            LocalFileSystem(basepath="/data").save("local")
            """));
    }

    // a flow that reads files through a saved 2.x block: the load follows the block to its new type, with a note
    // that the block must be saved as that type first
    @Test
    void loadsOfTheBlocksLoadTheNewType() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).hasSize(2)
                .allSatisfy(r -> assertThat(r.message()).contains("save one under this name first"))),
            python(
            """
            from prefect import flow
            from prefect.filesystems import GitHub, S3


            @flow
            def sync():
                GitHub.load("code").get_directory("flows")
                S3.load("lake").put_directory(local_path="out")
            """,
            """
            from prefect import flow
            from prefect_aws import S3Bucket
            from prefect_github import GitHubRepository


            @flow
            def sync():
                GitHubRepository.load("code").get_directory("flows")
                S3Bucket.load("lake").put_directory(local_path="out")
            """));
    }

    @Test
    void withoutUnsafeFixesItIsANote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .singleElement().satisfies(r -> assertThat(r.message()).startsWith("unsafe fix not applied")
                        .contains("S3Bucket(bucket_name=\"b\", bucket_folder=\"f\")"))),
            python("from prefect.filesystems import S3\nS3(bucket_path=\"b/f\").save(\"s3\")\n"));
    }

    // the requirements recipe sees the GitHub block become prefect-github's (a deployment's GitHub source would not)
    @Test
    void theIntegrationJoinsTheRequirements() {
        rewriteRun(spec -> spec.recipes(new ReplaceRemovedStorageBlocks(), new AddPrefectIntegrationRequirements()),
            python(
            """
            from prefect.filesystems import GitHub
            GitHub(repository="https://github.com/acme/flows").save("code")
            """,
            """
            from prefect_github import GitHubRepository
            GitHubRepository(repository_url="https://github.com/acme/flows").save("code")
            """),
            text("prefect==3.8.3\n", "prefect==3.8.3\nprefect-github>=0.3.0\n", spec -> spec.path("requirements.txt")));
    }
}
