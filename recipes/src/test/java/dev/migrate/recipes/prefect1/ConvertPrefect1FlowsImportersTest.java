package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/** Modules that import a converted flow's old Flow variable keep working (the name stays bound to the flow). */
class ConvertPrefect1FlowsImportersTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ConvertPrefect1Flows());
    }

    @Test
    void aFlowVariableAnotherModuleImportsStaysBoundToTheFlow() {
        rewriteRun(python(
                """
                from prefect import Flow, task


                @task
                def extract():
                    return [1, 2]


                with Flow("etl") as flow:
                    extract()

                if __name__ == "__main__":
                    flow.run()
                """,
                """
                from prefect import flow, task


                @task
                def extract():
                    return [1, 2]


                @flow(name="etl")
                def etl():
                    extract()


                # the name other modules import this flow by (it held the Prefect 1 Flow object)
                flow = etl


                if __name__ == "__main__":
                    etl()
                """, s -> s.path("etl/flows.py")),
                // the importer is left as written: `flow.name` is "etl" on the Prefect 3 flow too
                python(
                """
                from etl.flows import flow

                ETL_NAME = flow.name
                """, s -> s.path("etl/report.py")));
    }

    @Test
    void aModuleReadAsAnAttributeKeepsItsFlowNameAtTheEnd() {
        rewriteRun(python(
                """
                from prefect import Flow, task


                @task
                def load():
                    return 1


                with Flow("load") as load_flow:
                    load()
                """,
                """
                from prefect import flow, task


                @task
                def load():
                    return 1


                @flow(name="load")
                def load_flow():
                    load()
                """, s -> s.path("pipelines/load.py")),
                python(
                """
                from prefect import Flow, task


                @task
                def count():
                    return 2


                with Flow("count") as flow:
                    count()
                """,
                """
                from prefect import flow, task


                @task
                def count():
                    return 2


                @flow(name="count")
                def count_flow():
                    count()


                # the name other modules import this flow by (it held the Prefect 1 Flow object)
                flow = count_flow
                """, s -> s.path("pipelines/count.py")),
                python(
                """
                from pipelines import count

                NAMES = [count.flow.name]
                """, s -> s.path("pipelines/names.py")));
    }

    // a test ran the imported flow with Prefect 1's run() and a register script registered it: the imports keep
    // working, the Prefect 1 methods do not, and nothing said so (session 15 sweep)
    @Test
    void prefect1MethodsCalledOnAnImportedFlowGetTodos() {
        rewriteRun(python(
                """
                from prefect import Flow, task


                @task
                def extract():
                    return [1, 2]


                with Flow("etl") as etl_flow:
                    extract()
                """,
                """
                from prefect import flow, task


                @task
                def extract():
                    return [1, 2]


                @flow(name="etl")
                def etl():
                    extract()


                # the name other modules import this flow by (it held the Prefect 1 Flow object)
                etl_flow = etl
                """, s -> s.path("jobs/etl.py")),
                python(
                """
                from jobs.etl import etl_flow


                def test_etl():
                    state = etl_flow.run()
                    assert state.is_successful()
                """,
                """
                from jobs.etl import etl_flow


                def test_etl():
                    # TODO(migrate PF102): `etl_flow.run(...)` runs a Prefect 1 flow; a Prefect 3 flow has no run(): call `etl_flow(...)` with the parameters as keywords (return_state=True for the final state, whose result() is the flow's return value, not each task's)
                    state = etl_flow.run()
                    assert state.is_successful()
                """, s -> s.path("tests/test_etl.py")),
                python(
                """
                from jobs import etl

                for flow in [etl.etl_flow]:
                    flow.register(project_name="lake")
                """,
                """
                from jobs import etl

                for flow in [etl.etl_flow]:
                    # TODO(migrate PF108): `flow.register(...)` registers a Prefect 1 flow; Prefect 3 flows have no register(): delete it and deploy with `prefect deploy --all` from prefect.yaml
                    flow.register(project_name="lake")
                """, s -> s.path("register.py")),
                // must not change: run() of something that is not a Prefect 1 flow
                python(
                """
                from jobs import server

                server.app.run()
                """, s -> s.path("serve.py")));
    }

    // a function of the module reading `flow` at run time would get the flow instead of the decorator it meant
    @Test
    void aNameTheModuleAlsoReadsAtRunTimeIsLeftToAPerson() {
        rewriteRun(python(
                """
                from prefect import Flow, task


                @task
                def extract():
                    return [1, 2]


                def make_flow(fn):
                    return flow(fn)


                with Flow("etl") as flow:
                    extract()
                """,
                """
                from prefect import flow, task


                @task
                def extract():
                    return [1, 2]


                def make_flow(fn):
                    return flow(fn)


                @flow(name="etl")
                def etl():
                    extract()
                """, s -> s.path("etl/flows.py")),
                python(
                """
                from etl.flows import flow

                ETL_NAME = flow.name
                """, s -> s.path("etl/report.py")));
    }

    // a registration script's f.flow.register(project_name=...) was left without a word while the scan reported it
    // (PF108): on Prefect 3 the call fails, so it gets a TODO saying what replaces registration, read as the scan reads it
    @Test
    void aRegistrationScriptsRegisterCallsGetATodoSayingWhatReplacesThem() {
        rewriteRun(python(
                """
                import importlib

                from prefect.environments.storage import Docker

                for m in ["flows.a", "flows.b"]:
                    f = importlib.import_module(m)
                    f.flow.storage = Docker()
                    f.flow.register(project_name="p")
                """,
                """
                import importlib

                from prefect.environments.storage import Docker

                for m in ["flows.a", "flows.b"]:
                    f = importlib.import_module(m)
                    f.flow.storage = Docker()
                    # TODO(migrate PF108): `f.flow.register(...)` registers a Prefect 1 flow, and Prefect 3 flows have no register(): this line fails when it runs. Prefect 3 deploys a flow instead: `prefect deploy` with its entry in prefect.yaml, or the flow's `.deploy(...)` (to a work pool) or `.serve(...)` (a process that schedules and runs it); replace this registration with one of them
                    f.flow.register(project_name="p")
                """, s -> s.path("register.py")));
    }

    // must not change: register() in a module that uses no Prefect 1 name is not Prefect's (the scan reports none)
    @Test
    void aRegisterCallInAModuleWithoutPrefect1NamesIsLeftAlone() {
        rewriteRun(python(
                """
                from prefect import flow

                registry.register(project_name="p")
                """, s -> s.path("app.py")));
    }
}
