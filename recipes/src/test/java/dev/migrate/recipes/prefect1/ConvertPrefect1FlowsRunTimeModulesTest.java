package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/**
 * A registration script that loads its flow module by a name it gets when it runs: no reading tells which flows it
 * registers, so the rewrite marks none of their registrations; it says so above the load, with the scan's PF116 words.
 */
class ConvertPrefect1FlowsRunTimeModulesTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ConvertPrefect1Flows());
    }

    @Test
    void aFlowModuleChosenAtRunTimeGetsATodoAndAManualNote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .filteredOn(r -> r.sourcePath().equals("scripts/register.py"))
                        .singleElement().satisfies(r -> {
                            assertThat(r.code()).isEqualTo("PF116");
                            assertThat(r.manual()).isTrue();
                            assertThat(r.line()).isEqualTo(6);
                        })),
                python(
                """
                import importlib
                import os


                def main():
                    module = importlib.import_module(os.environ["FLOW_MODULE"])
                    module.flow.register(project_name="data")


                if __name__ == "__main__":
                    main()
                """,
                """
                import importlib
                import os


                def main():
                    # TODO(migrate PF116): the module whose flows this script registers or runs is chosen when it runs (`importlib.import_module(os.environ["FLOW_MODULE"])`): no reading of the code tells which flows, so their registrations are not listed (PF108); find the names it is run with (its command lines, CI jobs, environment), convert those flows, and deploy them with `prefect deploy` from prefect.yaml instead of register() (Prefect 3 flows have none)
                    module = importlib.import_module(os.environ["FLOW_MODULE"])
                    module.flow.register(project_name="data")


                if __name__ == "__main__":
                    main()
                """, s -> s.path("scripts/register.py")));
    }

    @Test
    void aPluginLoaderIsLeftAlone() {
        // must not change: the module it loads by a run-time name registers no flow
        rewriteRun(python(
                """
                import importlib
                import os

                plugin = importlib.import_module(os.environ["PLUGIN"])
                plugin.registry.register("etl")
                """, s -> s.path("app/plugins.py")));
    }
}
