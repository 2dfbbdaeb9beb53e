package dev.migrate.recipes.prefect2;

import static org.openrewrite.yaml.Assertions.yaml;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RenameDeploymentStepsInPrefectYamlTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RenameDeploymentStepsInPrefectYaml());
    }

    @DocumentExample
    @Test
    void removedStepsGetTheirNewNames() {
        rewriteRun(yaml(
            """
            pull:
            - prefect.deployments.steps.git_clone_project:
                repository: https://github.com/acme/flows.git
                branch: main
            push:
            - prefect_aws.deployments.steps.push_project_to_s3:
                bucket: acme-flows
            """,
            """
            pull:
            - prefect.deployments.steps.git_clone:
                repository: https://github.com/acme/flows.git
                branch: main
            push:
            - prefect_aws.deployments.steps.push_to_s3:
                bucket: acme-flows
            """,
            spec -> spec.path("prefect.yaml")));
    }

    /**
     * Prefect 2.10's projects named the integrations' steps after their {@code projects} modules (the s3 and gcs
     * recipes of {@code prefect project init} wrote them so); the integrations renamed both modules and steps in
     * 2.11's time, and a file kept from then fails every deploy on Prefect 3.
     */
    @Test
    void theIntegrationStepsOfPrefect210ProjectsGetTheirNewNames() {
        rewriteRun(yaml(
            """
            push:
            - prefect_gcp.projects.steps.push_project_to_gcs:
                requires: prefect-gcp>=0.4.0
                bucket: acme-flows
                folder: etl
            pull:
            # the same place the push wrote
            - prefect_azure.projects.steps.pull_project_from_azure_blob_storage:
                container: flows
                folder: etl
            - prefect_aws.projects.steps.pull_project_from_s3:
                bucket: acme-flows
                folder: "{{ folder }}"
            """,
            """
            push:
            - prefect_gcp.deployments.steps.push_to_gcs:
                requires: prefect-gcp>=0.4.0
                bucket: acme-flows
                folder: etl
            pull:
            # the same place the push wrote
            - prefect_azure.deployments.steps.pull_from_azure_blob_storage:
                container: flows
                folder: etl
            - prefect_aws.deployments.steps.pull_from_s3:
                bucket: acme-flows
                folder: "{{ folder }}"
            """,
            spec -> spec.path("prefect.yaml")));
    }

    @Test
    void theIntegrationsCurrentStepsAreLeftAlone() {
        rewriteRun(yaml(
            """
            push:
            - prefect_aws.deployments.steps.push_to_s3:
                bucket: acme-flows
                folder: etl
            pull:
            - prefect_azure.deployments.steps.pull_from_azure_blob_storage:
                container: flows
                folder: etl
            """,
            spec -> spec.path("prefect.yaml")));
    }

    @Test
    void currentStepsAreLeftAlone() {
        rewriteRun(yaml(
            """
            pull:
            - prefect.deployments.steps.set_working_directory:
                directory: /opt/prefect/flows
            """,
            spec -> spec.path("prefect.yaml")));
    }
}
