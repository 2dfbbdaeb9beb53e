package dev.migrate.recipes.prefect2;

import static org.openrewrite.yaml.Assertions.yaml;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A prefect.yaml whose {@code deployments:} is empty ({@code []}, no value, {@code ~}) or a flow list with items
 * ({@code [{name: a}]}), as {@code prefect init} and hand-written files leave it: the build output's entry used to be
 * appended after the flow text, which does not parse, and the whole conversion failed. The rewrite test checks that
 * each result parses and that a second cycle changes nothing.
 */
class ConvertDeploymentYamlIntoFlowOrEmptyListTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ConvertDeploymentYamlToPrefectYaml());
    }

    private static final String BUILD_OUTPUT = """
            name: hourly
            work_pool_name: etl
            infrastructure:
              type: process
              _block_type_slug: process
            flow_name: load
            manifest_path: null
            storage: null
            path: /srv/flows
            entrypoint: load.py:load
            """;

    private static final String ENTRY = """
            - name: hourly
              entrypoint: load.py:load
              work_pool:
                name: etl
              pull:
              - prefect.deployments.steps.set_working_directory:
                  directory: /srv/flows
            """;

    @DocumentExample
    @Test
    void anEmptyFlowListBecomesABlockListOfTheNewEntries() {
        rewriteRun(
            yaml(BUILD_OUTPUT, null, spec -> spec.path("load-deployment.yaml")),
            yaml("""
                # prefect init
                name: flows
                prefect-version: 3.8.3
                deployments: []
                """,
                "# prefect init\nname: flows\nprefect-version: 3.8.3\ndeployments:\n" + ENTRY,
                spec -> spec.path("prefect.yaml")));
    }

    @Test
    void aKeyWithoutValueGetsTheNewEntries() {
        rewriteRun(
            yaml(BUILD_OUTPUT, null, spec -> spec.path("load-deployment.yaml")),
            yaml("prefect-version: 3.8.3\ndeployments:\n", "prefect-version: 3.8.3\ndeployments:\n" + ENTRY,
                spec -> spec.path("prefect.yaml")));
    }

    @Test
    void aNullValueGetsTheNewEntries() {
        rewriteRun(
            yaml(BUILD_OUTPUT, null, spec -> spec.path("load-deployment.yaml")),
            yaml("prefect-version: 3.8.3\ndeployments: ~\nbuild: null\n",
                "prefect-version: 3.8.3\ndeployments:\n" + ENTRY + "build: null\n",
                spec -> spec.path("prefect.yaml")));
    }

    @Test
    void aFlowListWithItemsBecomesABlockListKeepingThemAsWritten() {
        rewriteRun(
            yaml(BUILD_OUTPUT, null, spec -> spec.path("load-deployment.yaml")),
            yaml("""
                prefect-version: 3.8.3
                deployments: [{name: existing, entrypoint: a.py:main, work_pool: {name: etl}}, {name: other,
                    entrypoint: b.py:main}]
                """,
                """
                prefect-version: 3.8.3
                deployments:
                - {name: existing, entrypoint: a.py:main, work_pool: {name: etl}}
                - {name: other,
                    entrypoint: b.py:main}
                """ + ENTRY,
                spec -> spec.path("prefect.yaml")));
    }

    @Test
    void anEmptyListWithoutBuildOutputsIsLeftAlone() {
        rewriteRun(yaml("prefect-version: 3.8.3\ndeployments: []\n", spec -> spec.path("prefect.yaml")));
    }
}
