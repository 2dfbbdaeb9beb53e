package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.recipes.FixSafety;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;

/**
 * Without --unsafe-fixes no flow is converted, but the registration of another module's flow is still the PF108 the
 * scan lists: it gets the TODO the scan promises, saying it fails once that flow is converted. A second run adds
 * nothing.
 */
class ConvertPrefect1FlowsSafeRegistrationsTest implements PythonRewriteTest {
    private static final String FLOW = """
            from prefect import Flow, task


            @task
            def extract():
                return [1, 2, 3]


            with Flow("daily-etl") as flow:
                extract()
            """;

    @Override
    public void defaults(RecipeSpec spec) {
        InMemoryExecutionContext safe = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(safe, false);
        spec.recipe(new ConvertPrefect1Flows()).executionContext(safe);
    }

    @Test
    void anImportedFlowsRegistrationGetsTheTodoWithoutUnsafeFixes() {
        rewriteRun(
                python(FLOW, s -> s.path("flows/etl.py")),
                python(
                """
                from flows.etl import flow as etl_flow

                if __name__ == "__main__":
                    etl_flow.register(project_name="data")
                """,
                """
                from flows.etl import flow as etl_flow

                if __name__ == "__main__":
                    # TODO(migrate PF108): `etl_flow.register(...)` registers a Prefect 1 flow; once that flow is converted (`migrate rewrite --unsafe-fixes` converts it, or by hand) it has no register() and this line fails: then delete it and deploy with `prefect deploy --all` from prefect.yaml
                    etl_flow.register(project_name="data")
                """, s -> s.path("scripts/register.py")));
    }

    @Test
    void otherFlowMethodsAndOtherRegistersAreLeftAlone() {
        // must not change: run() still works on a flow left as Prefect 1 code, and register() of a non-flow is not Prefect's
        rewriteRun(
                python(FLOW, s -> s.path("flows/etl.py")),
                python(
                """
                from flows.etl import flow
                from app import hooks

                flow.run()
                hooks.registry.register("etl")
                """, s -> s.path("scripts/run_local.py")));
    }
}
