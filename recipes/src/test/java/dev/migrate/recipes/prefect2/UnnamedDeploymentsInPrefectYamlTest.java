package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * An entry with {@code name: null} (or {@code ~}) has no name: the recipes do not read it as a deployment called
 * "null". A 2.10 project's deployment.yaml whose unnamed entry met an unnamed entry of prefect.yaml was refused as
 * "prefect.yaml also names null" and stayed where Prefect 3 never reads it.
 */
class UnnamedDeploymentsInPrefectYamlTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MoveProjectDeploymentYamlIntoPrefectYaml());
    }

    @Test
    void unnamedEntriesOnBothSidesAreNoClash() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> {
                    assertThat(r.manual()).isFalse();
                    assertThat(r.message()).startsWith("moved backfill here from deployment.yaml").doesNotContain("null");
                })),
            yaml("""
                deployments:
                - name: null
                  entrypoint: train.py:other
                - name: backfill
                  entrypoint: train.py:backfill
                """, null, spec -> spec.path("deployment.yaml")),
            yaml("""
                prefect-version: 2.10.12
                deployments:
                - name: null
                  entrypoint: train.py:main
                """,
                """
                prefect-version: 2.10.12
                deployments:
                - name: null
                  entrypoint: train.py:main
                - name: null
                  entrypoint: train.py:other
                - name: backfill
                  entrypoint: train.py:backfill
                """, spec -> spec.path("prefect.yaml")));
    }

    // a quoted "null" is a name Prefect takes: the same name on both sides is a clash a person settles
    @Test
    void aQuotedNullIsANameAndClashes() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                .satisfies(r -> assertThat(r.message()).startsWith("prefect.yaml also names null"))),
            yaml("deployments:\n- name: \"null\"\n  entrypoint: a.py:a\n", spec -> spec.path("deployment.yaml")),
            yaml("prefect-version: 2.10.12\ndeployments:\n- name: 'null'\n  entrypoint: b.py:b\n",
                spec -> spec.path("prefect.yaml")));
    }
}
