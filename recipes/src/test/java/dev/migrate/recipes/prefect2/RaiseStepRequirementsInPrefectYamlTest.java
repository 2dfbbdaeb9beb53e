package dev.migrate.recipes.prefect2;

import static org.openrewrite.yaml.Assertions.yaml;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RaiseStepRequirementsInPrefectYamlTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RaiseStepRequirementsInPrefectYaml());
    }

    // a Prefect 2.10 prefect.yaml as `prefect init --recipe docker` wrote it
    @DocumentExample
    @Test
    void stepRequirementsBelowTheFirstPrefect3ReleaseMoveUp() {
        rewriteRun(yaml(
            """
            build:
            - prefect_docker.deployments.steps.build_docker_image:
                requires: prefect-docker>=0.3.0  # the image step
                image_name: acme/flows
            push:
            - prefect_aws.deployments.steps.push_to_s3:
                requires: "prefect-aws[s3]==0.3.4"
                bucket: acme-flows
            """,
            """
            build:
            - prefect_docker.deployments.steps.build_docker_image:
                requires: prefect-docker>=0.6.0  # the image step
                image_name: acme/flows
            push:
            - prefect_aws.deployments.steps.push_to_s3:
                requires: "prefect-aws[s3]>=0.5.0"
                bucket: acme-flows
            """,
            spec -> spec.path("prefect.yaml")));
    }

    @Test
    void currentBoundsAndBareNamesAreLeftAlone() {
        rewriteRun(yaml(
            """
            pull:
            - prefect.deployments.steps.git_clone:
                repository: https://github.com/acme/flows.git
            build:
            - prefect_docker.deployments.steps.build_docker_image:
                requires: prefect-docker>=0.6.1
            - prefect_shell.deployments.steps.run_shell_script:
                requires: prefect-shell
            - my_steps.publish:
                requires: prefect-internal-tools>=0.1
            """,
            spec -> spec.path("prefect.yaml")));
    }
}
