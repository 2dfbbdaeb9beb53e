package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RenameInfraOverridesInPrefectYamlTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RenameInfraOverridesInPrefectYaml());
    }

    // Prefect 3 drops the key without a word: the image and env below were not used by any run
    @DocumentExample
    @Test
    void infraOverridesUnderWorkPoolBecomesJobVariablesKeepingComments() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> {
                    assertThat(r.code()).isEqualTo("PF233");
                    assertThat(r.line()).isEqualTo(8);
                    assertThat(r.manual()).isFalse();
                })),
            yaml(
                """
                prefect-version: 2.16.0
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                    work_pool:
                      name: docker-pool
                      # what the nightly run needs
                      infra_overrides:   # 2.x spelling
                        image: acme/etl:1.4
                        env:
                          MODE: full
                """,
                """
                prefect-version: 2.16.0
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                    work_pool:
                      name: docker-pool
                      # what the nightly run needs
                      job_variables:   # 2.x spelling
                        image: acme/etl:1.4
                        env:
                          MODE: full
                """,
                spec -> spec.path("prefect.yaml")));
    }

    @Test
    void aFlowMappingPoolIsRenamedToo() {
        rewriteRun(
            yaml(
                """
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                    work_pool: {name: docker-pool, infra_overrides: {image: "acme/etl:1.4"}}
                """,
                """
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                    work_pool: {name: docker-pool, job_variables: {image: "acme/etl:1.4"}}
                """,
                spec -> spec.path("prefect.yaml")));
    }

    @Test
    void aPoolSharedThroughAnAnchorIsRenamedWhereItIsDefined() {
        rewriteRun(
            yaml(
                """
                definitions:
                  pools:
                    docker: &docker
                      name: docker-pool
                      infra_overrides:
                        image: acme/etl:1.4
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                    work_pool: *docker
                """,
                """
                definitions:
                  pools:
                    docker: &docker
                      name: docker-pool
                      job_variables:
                        image: acme/etl:1.4
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                    work_pool: *docker
                """,
                spec -> spec.path("prefect.yaml")));
    }

    // merging two mappings (which value wins where both set a key) is a person's choice
    @Test
    void besideJobVariablesItIsLeftWithAManualNote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> {
                    assertThat(r.line()).isEqualTo(7);
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("merge the overrides into job_variables by hand");
                })),
            yaml(
                """
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                    work_pool:
                      name: docker-pool
                      job_variables: {env: {MODE: full}}
                      infra_overrides:
                        image: acme/etl:1.4
                """,
                spec -> spec.path("prefect.yaml")));
    }

    @Test
    void infraOverridesElsewhereIsLeftAlone() {
        rewriteRun(
            // a deployment-level key (a build output's, which PF204 converts), a job variable named so, another file
            yaml(
                """
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                    infra_overrides: {image: acme/etl:1.4}
                    work_pool:
                      name: docker-pool
                      job_variables:
                        env:
                          infra_overrides: keep
                """,
                spec -> spec.path("prefect.yaml")),
            yaml("work_pool:\n  infra_overrides: {image: a}\n", spec -> spec.path("values.yaml")));
    }
}
