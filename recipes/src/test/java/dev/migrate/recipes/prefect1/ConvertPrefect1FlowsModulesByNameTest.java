package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/**
 * A registration script that loads the flow's module by name ({@code importlib.import_module("flows.etl")}) reads
 * {@code flow} from it as an import does: the converted module keeps that name bound to the flow, and the script's
 * {@code register()} gets the TODO an imported flow's gets. Before, neither side saw it: the converted module dropped
 * the name (its note said to use the new one) and the script failed with AttributeError.
 */
class ConvertPrefect1FlowsModulesByNameTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ConvertPrefect1Flows());
    }

    @Test
    void aFlowModuleLoadedByNameKeepsItsNameAndItsRegistrationGetsATodo() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .filteredOn(r -> r.sourcePath().equals("flows/etl.py") && r.message().startsWith("other modules"))
                        .singleElement().satisfies(r -> assertThat(r.message()).startsWith("other modules import `flow` "
                                + "from this module (or read it from the module loaded by name, importlib.import_module): "
                                + "`flow = daily_etl` at its end keeps those imports working"))),
                python(
                """
                from prefect import Flow, task


                @task
                def extract():
                    return [1, 2, 3]


                with Flow("daily-etl") as flow:
                    extract()
                """,
                """
                from prefect import flow, task


                @task
                def extract():
                    return [1, 2, 3]


                @flow(name="daily-etl")
                def daily_etl():
                    extract()


                # the name other modules import this flow by (it held the Prefect 1 Flow object)
                flow = daily_etl
                """, s -> s.path("flows/etl.py").afterRecipe(f ->
                        ConvertPrefect1FlowsScheduleOverrideTest.assertCompiles(f.printAll()))),
                python(
                """
                import importlib
                import sys

                FLOW_MODULES = ["flows.etl"]


                def register_all(project):
                    for name in FLOW_MODULES:
                        module = importlib.import_module(name)
                        getattr(module, "flow").register(project_name=project)


                if __name__ == "__main__":
                    mod = importlib.import_module("flows.etl")
                    mod.flow.register(project_name=sys.argv[1])
                """,
                """
                import importlib
                import sys

                FLOW_MODULES = ["flows.etl"]


                def register_all(project):
                    for name in FLOW_MODULES:
                        module = importlib.import_module(name)
                        # TODO(migrate PF108): `getattr(module, "flow").register(...)` registers a Prefect 1 flow; Prefect 3 flows have no register(): delete it and deploy with `prefect deploy --all` from prefect.yaml
                        getattr(module, "flow").register(project_name=project)


                if __name__ == "__main__":
                    mod = importlib.import_module("flows.etl")
                    # TODO(migrate PF108): `mod.flow.register(...)` registers a Prefect 1 flow; Prefect 3 flows have no register(): delete it and deploy with `prefect deploy --all` from prefect.yaml
                    mod.flow.register(project_name=sys.argv[1])
                """, s -> s.path("scripts/register.py").afterRecipe(f ->
                        ConvertPrefect1FlowsScheduleOverrideTest.assertCompiles(f.printAll()))));
    }

    // must not change: a module loaded by name that defines no flow, whose registry has a register() of its own
    @Test
    void aRegisterOfAnotherModuleLoadedByNameIsLeftAlone() {
        rewriteRun(python(
                """
                import importlib

                hooks = importlib.import_module("app.hooks")
                hooks.registry.register("etl")
                getattr(hooks, "flow").register("etl")
                """, s -> s.path("app/plugins.py")));
    }

    // the register script of a flow the migration leaves as Prefect 1 code: it works until that flow is converted by
    // hand, then fails like any other, so it gets its TODO now (the scan reports it as PF108 too)
    @Test
    void theRegistrationOfAFlowLeftAsPrefect1CodeSaysSo() {
        rewriteRun(python(
                """
                from prefect import Flow, task


                @task
                def check():
                    return True


                with Flow("report") as flow:
                    ok = check()
                    flow.set_reference_tasks([ok])
                """,
                """
                from prefect import Flow, task


                @task
                def check():
                    return True


                # TODO(migrate PF102): convert this Prefect 1 flow by hand: `flow.set_reference_tasks([ok])` uses the Prefect 1 Flow object; `flow.set_reference_tasks([ok])` uses the Flow object inside its block
                with Flow("report") as flow:
                    ok = check()
                    flow.set_reference_tasks([ok])
                """, s -> s.path("flows/report.py")),
                python(
                """
                import importlib

                mod = importlib.import_module("flows.report")
                mod.flow.register(project_name="data")
                """,
                """
                import importlib

                mod = importlib.import_module("flows.report")
                # TODO(migrate PF108): `mod.flow.register(...)` registers a Prefect 1 flow that this migration leaves as Prefect 1 code (see the PF102 TODO at its Flow); once that flow is converted it has no register(): then delete this and deploy with `prefect deploy --all` from prefect.yaml
                mod.flow.register(project_name="data")
                """, s -> s.path("scripts/register_report.py")));
    }
}
