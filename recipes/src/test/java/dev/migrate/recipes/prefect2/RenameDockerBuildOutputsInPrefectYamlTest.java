package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

// a 2.10 project built with the docker recipe of `prefect project init`: its deployment ran `{{ image_name }}`,
// which prefect-docker 0.2 gave as name:tag; the step was renamed for Prefect 3 (prefect-docker >= 0.6), whose
// `image_name` is the name alone, so the flow would have run the untagged (latest) image
class RenameDockerBuildOutputsInPrefectYamlTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RenameDockerBuildOutputsInPrefectYaml());
    }

    @DocumentExample
    @Test
    void outputsOfThe02StepGetTheirCurrentNames() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).hasSize(3)
                .allMatch(r -> !r.manual() && "PF213".equals(r.code()))),
            yaml(
            """
            build:
            - prefect_docker.projects.steps.build_docker_image:
                id: build-image
                image_name: registry.example.com/flows
                tag: dev
            deployments:
            - name: nightly
              version: "{{ image_tag }}"
              work_pool:
                name: docker-pool
                job_variables:
                  image: "{{ build-image.image_name }}"
                  env:
                    OTHER: "{{ other-step.image_name }} {{ prefect.variables.x }}"
                    BARE: "{{ image_name }}"
            """,
            """
            build:
            - prefect_docker.projects.steps.build_docker_image:
                id: build-image
                image_name: registry.example.com/flows
                tag: dev
            deployments:
            - name: nightly
              version: "{{ tag }}"
              work_pool:
                name: docker-pool
                job_variables:
                  image: "{{ build-image.image }}"
                  env:
                    OTHER: "{{ other-step.image_name }} {{ prefect.variables.x }}"
                    BARE: "{{ image }}"
            """,
            spec -> spec.path("prefect.yaml")));
    }

    @Test
    void mustNotChange() {
        // the 0.3+ step's outputs already have these names: `image_name` is meant without the tag there
        rewriteRun(yaml(
            """
            build:
            - prefect_docker.deployments.steps.build_docker_image:
                id: build-image
                image_name: registry.example.com/flows
            push:
            - prefect_docker.deployments.steps.push_docker_image:
                image_name: "{{ build-image.image_name }}"
                tag: "{{ build-image.tag }}"
            """,
            spec -> spec.path("prefect.yaml")));
    }
}
