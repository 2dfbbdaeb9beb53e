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
