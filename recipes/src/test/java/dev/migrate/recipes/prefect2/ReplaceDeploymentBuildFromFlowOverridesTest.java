package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/**
 * Infrastructure block settings and {@code infra_overrides} meeting in one {@code job_variables=} dict. Prefect
 * 2.20 applied an override key as a dot-delimited path into the block (src/prefect/agent.py:
 * {@code override.split(".")}): a plain key replaced the field, a dotted key set one entry inside it. The config
 * recipes do this (ConvertDeploymentYamlToPrefectYamlTest.dottedOverridesSetOneVariableInsideTheBlocksEnv), and
 * so does ReplaceDeploymentBuildFromFlow ({@link JobVariables}).
 */
class ReplaceDeploymentBuildFromFlowOverridesTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceDeploymentBuildFromFlow());
    }

    private static final String BEFORE = """
            from prefect.deployments import Deployment
            from prefect.infrastructure import Process

            from offload_flow import offload_main

            deployment = Deployment.build_from_flow(
                flow=offload_main,
                name="offload",
                work_pool_name="process-pool",
                work_queue_name="offload",
                infrastructure=Process(env={"A": "1", "B": "1"}),
                infra_overrides=%s,
                enforce_parameter_schema=True,
            )

            if __name__ == "__main__":
                deployment.apply()
            """;

    private static final String AFTER = """
            from pathlib import Path

            from offload_flow import offload_main

            deployment = offload_main.from_source(source=str(Path(__file__).resolve().parent), entrypoint="offload_flow.py:offload_main").to_deployment(
                name="offload",
                work_pool_name="process-pool",
                work_queue_name="offload",
                job_variables=%s,
                enforce_parameter_schema=True,
            )

            if __name__ == "__main__":
                deployment.apply()
            """;

    @Test
    void aPlainOverrideReplacesTheBlocksFieldWithoutARepeatedKey() {
        rewriteRun(python(BEFORE.formatted("{\"env\": {\"B\": \"2\"}}"),
                AFTER.formatted("{\"env\": {\"B\": \"2\"}}"), spec -> spec.path("flows/deploy.py")));
    }

    @Test
    void aDottedOverrideSetsOneEntryInsideTheBlocksEnv() {
        rewriteRun(python(BEFORE.formatted("{\"env.B\": \"2\"}"),
                AFTER.formatted("{\"env\": {\"A\": \"1\", \"B\": \"2\"}}"), spec -> spec.path("flows/deploy.py")));
    }

    @Test
    void aDottedOverrideWithoutABlockBecomesANestedJobVariable() {
        rewriteRun(python(BEFORE.formatted("{\"env.B\": \"2\", \"working_dir\": \"/srv\"}")
                        .replace("    infrastructure=Process(env={\"A\": \"1\", \"B\": \"1\"}),\n", "")
                        .replace("from prefect.infrastructure import Process\n", ""),
                AFTER.formatted("{\"env\": {\"B\": \"2\"}, \"working_dir\": \"/srv\"}"), spec -> spec.path("flows/deploy.py")));
    }

    @Test
    void overridesOfOtherFieldsKeepTheirComments() {
        rewriteRun(python(BEFORE.formatted("{\n        \"working_dir\": \"/srv\",  # the dbt project\n    }"),
                AFTER.formatted("{\"env\": {\"A\": \"1\", \"B\": \"1\"}, \"working_dir\": \"/srv\",  # the dbt project\n    }"),
                spec -> spec.path("flows/deploy.py")));
    }

    @Test
    void aDottedOverrideIntoAFieldHeldInAVariableIsLaidOverIt() {
        rewriteRun(python(BEFORE.formatted("{\"env.B\": \"2\"}")
                        .replace("Process(env={\"A\": \"1\", \"B\": \"1\"})", "Process(env=BASE_ENV)")
                        .replace("from offload_flow import offload_main\n", "from offload_flow import BASE_ENV, offload_main\n"),
                AFTER.formatted("{\"env\": {**BASE_ENV, \"B\": \"2\"}}")
                        .replace("from offload_flow import offload_main\n", "from offload_flow import BASE_ENV, offload_main\n"),
                spec -> spec.path("flows/deploy.py")));
    }
}
