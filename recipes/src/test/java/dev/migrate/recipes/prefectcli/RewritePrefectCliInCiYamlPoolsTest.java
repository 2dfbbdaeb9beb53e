package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/** The work pools of a CI file's steps: a pool two steps create with different types, an agent's worker's pool. */
class RewritePrefectCliInCiYamlPoolsTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInCiYaml());
    }

    // each step's translation hands over the pool it creates: the two types of `prod` are noted at the first step
    @DocumentExample
    @Test
    void aPoolTwoStepsCreateWithDifferentTypesIsNotedAtTheFirst() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .filteredOn(r -> r.message().startsWith("work pool `prod` is chosen")).singleElement()
                        .satisfies(r -> assertThat(r.line()).isEqualTo(7))),
            yaml(
            """
            name: deploy
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: prefect deployment build a.py:a -n a -q q -ib kubernetes-job/prod -a
                  - run: prefect deployment build b.py:b -n b -q q -ib docker-container/prod -a
            """,
            """
            name: deploy
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: prefect --no-prompt deploy --pool prod a.py:a --name a --work-queue q
                  - run: prefect --no-prompt deploy --pool prod b.py:b --name b --work-queue q
            """,
            spec -> spec.path(".github/workflows/deploy.yml")));
    }

    // an agent started by a CI job serves the pool a Makefile's deployments of its queue were moved to
    @Test
    void aCiAgentsWorkerServesThePoolOfItsQueuesDeployments() {
        rewriteRun(
            text("deploy:\n\tprefect deployment build flows/etl.py:etl -n nightly -q etl -ib docker-container/etl-runner -a\n",
                    spec -> spec.path("Makefile")),
            yaml(
            """
            smoke:
              script:
                - prefect agent start -q etl --run-once
            """,
            """
            smoke:
              script:
                - prefect worker start --work-queue etl --run-once --pool etl-runner --type docker
            """,
            spec -> spec.path(".gitlab-ci.yml")));
    }

    @Test
    void aCiWorkerIsLeftAlone() {
        rewriteRun(yaml(
            """
            smoke:
              script:
                - prefect worker start --work-queue etl --run-once --pool etl-runner --type docker
            """,
            spec -> spec.path(".gitlab-ci.yml")));
    }
}
