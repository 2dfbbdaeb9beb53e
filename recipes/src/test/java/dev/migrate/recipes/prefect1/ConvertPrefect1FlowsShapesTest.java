package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/** Shapes real Prefect 1 projects have that the flow conversion must not crash on or pass over in silence. */
class ConvertPrefect1FlowsShapesTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ConvertPrefect1Flows("deploy"));
    }

    @Test
    void aDroppedFlowArgumentWrittenOnSeveralLinesIsQuotedOnOneTodoLine() {
        // the TODO quotes the argument; a quote that kept its line breaks turned the lines after the first into
        // code, and the rewritten file did not parse. The imports the quoted code uses stay for whoever writes
        // the hook.
        rewriteRun(python(
                """
                from functools import partial

                from prefect import Flow, task
                from alerts import notify


                @task
                def extract():
                    return 1


                with Flow(
                    "nightly",
                    on_failure=partial(
                        notify,
                        channel="#data",
                    ),
                ) as flow:
                    extract()
                """,
                """
                from functools import partial

                from prefect import flow, task
                from alerts import notify


                @task
                def extract():
                    return 1


                # TODO(migrate PF102): Prefect 1 Flow arguments dropped: on_failure=partial( notify, channel="#data", ): use on_failure=[fn(flow, flow_run, state)] on @flow
                @flow(name="nightly")
                def nightly():
                    extract()
                """));
    }

    @Test
    void tasksListedInTheFlowConstructorBecomeCalls() {
        rewriteRun(python(
                """
                from prefect import Flow, task


                @task
                def hello():
                    print("hello")


                @task
                def bye():
                    print("bye")


                flow = Flow("greetings", tasks=[hello, bye])
                flow.set_dependencies(task=bye, upstream_tasks=[hello])

                if __name__ == "__main__":
                    flow.run()
                """,
                """
                from prefect import flow, task


                @task
                def hello():
                    print("hello")


                @task
                def bye():
                    print("bye")


                @flow(name="greetings")
                def greetings():
                    hello_result = hello()
                    bye(wait_for=[hello_result])


                if __name__ == "__main__":
                    greetings()
                """));
    }

    @Test
    void anImperativeGraphDeclaredFromTheTasksSideBecomesCalls() {
        rewriteRun(python(
                """
                from prefect import Flow
                from etl.tasks import double, fetch, notify, show

                flow = Flow("doubling")
                double.bind(n=fetch, flow=flow)
                double.set_downstream(show, key="lines", flow=flow)
                notify.set_upstream(show, flow=flow)

                if __name__ == "__main__":
                    flow.run()
                """,
                """
                from prefect import flow
                from etl.tasks import double, fetch, notify, show


                @flow(name="doubling")
                def doubling():
                    fetch_result = fetch()
                    double_result = double(n=fetch_result)
                    show_result = show(lines=double_result)
                    notify(wait_for=[show_result])


                if __name__ == "__main__":
                    doubling()
                """));
    }

    @Test
    void aTaskSideBindWithAPositionalArgumentIsLeftWithATodo() {
        // bind(x) passes x to the first parameter of run(), which this module does not show for every task
        rewriteRun(python(
                """
                from prefect import Flow
                from tasks import fetch, double

                flow = Flow("doubling")
                double.bind(fetch, flow=flow)
                """,
                """
                from prefect import Flow
                from tasks import fetch, double

                # TODO(migrate PF102): convert this Prefect 1 flow by hand: `double.bind(fetch, flow=flow)` is not a bind on plain names
                flow = Flow("doubling")
                double.bind(fetch, flow=flow)
                """));
    }

    @Test
    void imperativeFlowWithoutTasksIsLeftWithATodo() {
        rewriteRun(python(
                """
                from prefect import Flow
                from tasks import build

                flow = Flow("built-elsewhere")
                build(flow)
                flow.register(project_name="prod")
                """,
                """
                from prefect import Flow
                from tasks import build

                # TODO(migrate PF102): convert this Prefect 1 flow by hand: no task of the flow is found (tasks added by a loop or a helper are not followed)
                flow = Flow("built-elsewhere")
                build(flow)
                flow.register(project_name="prod")
                """));
    }

    @Test
    void flowsBuiltInsideFunctionsGetATodo() {
        rewriteRun(python(
                """
                from prefect import Flow, Parameter, task


                @task
                def say(name):
                    print(name)


                def create_flow():
                    with Flow("hello") as flow:  # built per environment
                        name = Parameter("name")
                        say(name)
                    return flow


                if __name__ == "__main__":
                    create_flow().register(project_name="demo")
                """,
                """
                from prefect import Flow, Parameter, task


                @task
                def say(name):
                    print(name)


                def create_flow():
                    # TODO(migrate PF102): convert this Prefect 1 flow by hand: it is built inside a function, class or if block (or never bound to a name), and the code that calls it uses the Flow object; make the block a @flow function and return or call that
                    with Flow("hello") as flow:  # built per environment
                        name = Parameter("name")
                        say(name)
                    return flow


                if __name__ == "__main__":
                    create_flow().register(project_name="demo")
                """));
    }

    @Test
    void commentsOnParameterLinesStayInTheFunction() {
        rewriteRun(python(
                """
                from prefect import Flow, Parameter, task


                @task
                def load(day, limit):
                    return day


                with Flow("commented") as flow:
                    # which day to load
                    day = Parameter("day", default="2024-01-01")  # ISO date
                    limit = Parameter("limit", default=10)

                    # the work
                    load(day, limit)
                """,
                """
                from prefect import flow, task


                @task
                def load(day, limit):
                    return day


                @flow(name="commented")
                def commented(day="2024-01-01", limit=10):
                    # which day to load
                    # ISO date

                    # the work
                    load(day, limit)
                """));
    }

    @Test
    void flowsSharingOneVariableNameAreLeftWithATodo() {
        rewriteRun(python(
                """
                from prefect import Flow, task


                @task
                def ping():
                    return 1


                with Flow("first") as flow:
                    ping()

                flow.register(project_name="p")

                with Flow("second") as flow:
                    ping()

                flow.register(project_name="p")
                """,
                """
                from prefect import Flow, task


                @task
                def ping():
                    return 1


                # TODO(migrate PF102): convert this Prefect 1 flow by hand: the name `flow` is bound to 2 Flows in this module; give each Flow its own name first
                with Flow("first") as flow:
                    ping()

                flow.register(project_name="p")

                # TODO(migrate PF102): convert this Prefect 1 flow by hand: the name `flow` is bound to 2 Flows in this module; give each Flow its own name first
                with Flow("second") as flow:
                    ping()

                flow.register(project_name="p")
                """));
    }

    @Test
    void parametersNamedLikeAPythonKeywordLeaveTheFlow() {
        rewriteRun(python(
                """
                from prefect import Flow, Parameter, task


                @task
                def copy(source):
                    return source


                with Flow("copy") as flow:
                    source = Parameter("from", default="db")
                    copy(source)


                other = Flow("copy-all")
                origin = Parameter("from")
                other.set_dependencies(task=copy, keyword_tasks={"source": origin})
                """,
                """
                from prefect import Flow, Parameter, task


                @task
                def copy(source):
                    return source


                # TODO(migrate PF102): convert this Prefect 1 flow by hand: `source = Parameter("from", default="db")` is not a plain Parameter with a literal identifier name
                with Flow("copy") as flow:
                    source = Parameter("from", default="db")
                    copy(source)


                # TODO(migrate PF102): convert this Prefect 1 flow by hand: `origin = Parameter("from")` is not a plain Parameter with a literal identifier name
                other = Flow("copy-all")
                origin = Parameter("from")
                other.set_dependencies(task=copy, keyword_tasks={"source": origin})
                """));
    }

    @Test
    void runKeywordsNamedLikeAParameterAreThatParameter() {
        rewriteRun(python(
                """
                from prefect import Flow, Parameter, task


                @task
                def load(day):
                    return day


                with Flow("loader") as flow:
                    day = Parameter("day", default="today")
                    load(day)

                if __name__ == "__main__":
                    flow.run(day="2024-01-01")
                """,
                """
                from prefect import flow, task


                @task
                def load(day):
                    return day


                @flow(name="loader")
                def loader(day="today"):
                    load(day)


                if __name__ == "__main__":
                    loader(day="2024-01-01")
                """));
    }

    @Test
    void imperativeFlowAtTheEndOfAFileWithoutFinalNewlineKeepsIt() {
        rewriteRun(python(
                "from prefect import Flow, task\n\n\n@task\ndef hi():\n    return 1\n\n\nflow = Flow(\"greet\")\nflow.add_task(hi)",
                "from prefect import flow, task\n\n\n@task\ndef hi():\n    return 1\n\n\n@flow(name=\"greet\")\ndef greet():\n    hi()"));
    }

    @Test
    void taskResultsReadFromTheRunStateGetATodo() {
        rewriteRun(python(
                """
                from prefect import Flow, task


                @task
                def total():
                    return 3


                with Flow("sum") as flow:
                    t = total()

                state = flow.run()
                print(state.result[t].result)
                print(state.is_successful())
                """,
                """
                from prefect import flow, task


                @task
                def total():
                    return 3


                @flow(name="sum")
                def sum_flow():
                    t = total()


                state = sum_flow(return_state=True)
                # TODO(migrate PF102): state.result[task] is Prefect 1: a Prefect 3 state's result() is the flow's return value; return what you need from the flow function
                print(state.result[t].result)
                print(state.is_successful())
                """));
    }

    @Test
    void aScheduleSetAfterTheBlockGoesWithItsAssignment() {
        rewriteRun(python(
                """
                from prefect import Flow, task
                from prefect.schedules import CronSchedule

                nightly = CronSchedule("0 2 * * *")


                @task
                def work():
                    return 1


                with Flow("nightly") as flow:
                    work()

                flow.schedule = nightly
                flow.register(project_name="etl")
                """,
                """
                from prefect import flow, task
                from prefect.schedules import Cron


                @task
                def work():
                    return 1


                @flow(name="nightly")
                def nightly_flow():
                    work()


                nightly_flow.deploy(name="nightly", schedules=[Cron("0 2 * * *", timezone="UTC")], work_pool_name="default-process-pool")
                """));
    }

    @Test
    void storageBuildStepsGoAndAnUsedRegisterResultStaysBound() {
        rewriteRun(spec -> spec.recipe(new ConvertPrefect1Flows()),
                python(
                        """
                        from prefect import Flow, task


                        @task
                        def work():
                            return 1


                        with Flow("built") as flow:
                            work()

                        flow.storage.add_flow(flow)
                        flow.storage.build()
                        flow_id = flow.register(project_name="p", build=False)
                        print(flow_id)
                        """,
                        """
                        from prefect import flow, task


                        @task
                        def work():
                            return 1


                        @flow(name="built")
                        def built():
                            work()


                        # TODO(migrate PF108): flow.register(...) returned the Prefect 1 flow id; deployments now come from prefect.yaml (`prefect deploy --all`): look the deployment up by name where the id was used
                        flow_id = None
                        print(flow_id)
                        """),
                yaml(null,
                        """
                        # Generated by migrate from the Prefect 1 flows' register calls, schedules, run configs and storage.
                        # Create the work pools named below, then run `prefect deploy --all`.
                        prefect-version: 3.8.3

                        deployments:
                        - name: built
                          entrypoint: file.py:built
                          work_pool:
                            name: default-process-pool
                        """,
                        s -> s.path("prefect.yaml")));
    }

    @Test
    void aModuleLevelRunOfADeployedFlowIsMarked() {
        // the worker imports the entrypoint module for every run of the deployment: the call would start a
        // second flow run each time
        rewriteRun(spec -> spec.recipe(new ConvertPrefect1Flows()),
                python(
                        """
                        from prefect import Flow, task


                        @task
                        def work():
                            return 1


                        with Flow("daily") as flow:
                            work()

                        state = flow.run()
                        flow.register(project_name="p")
                        """,
                        """
                        from prefect import flow, task


                        @task
                        def work():
                            return 1


                        @flow(name="daily")
                        def daily():
                            work()


                        # TODO(migrate PF102): daily(...) runs the flow whenever this module is imported, and every run of the deployment imports it (a second flow run each time): move the call under `if __name__ == "__main__":`
                        state = daily(return_state=True)
                        """),
                yaml(null,
                        """
                        # Generated by migrate from the Prefect 1 flows' register calls, schedules, run configs and storage.
                        # Create the work pools named below, then run `prefect deploy --all`.
                        prefect-version: 3.8.3

                        deployments:
                        - name: daily
                          entrypoint: file.py:daily
                          work_pool:
                            name: default-process-pool
                        """,
                        s -> s.path("prefect.yaml")));
    }

    @Test
    void aGuardedRunOfADeployedFlowIsNotMarked() {
        rewriteRun(spec -> spec.recipe(new ConvertPrefect1Flows()),
                python(
                        """
                        from prefect import Flow, task


                        @task
                        def work():
                            return 1


                        with Flow("daily") as flow:
                            work()

                        flow.register(project_name="p")

                        if __name__ == "__main__":
                            flow.run()
                        """,
                        """
                        from prefect import flow, task


                        @task
                        def work():
                            return 1


                        @flow(name="daily")
                        def daily():
                            work()


                        if __name__ == "__main__":
                            daily()
                        """),
                yaml(null,
                        """
                        # Generated by migrate from the Prefect 1 flows' register calls, schedules, run configs and storage.
                        # Create the work pools named below, then run `prefect deploy --all`.
                        prefect-version: 3.8.3

                        deployments:
                        - name: daily
                          entrypoint: file.py:daily
                          work_pool:
                            name: default-process-pool
                        """,
                        s -> s.path("prefect.yaml")));
    }

    @Test
    void aChainOfModuleLevelTasksBecomesCallsThatWaitForEachOther() {
        rewriteRun(python(
                """
                from prefect import Flow
                from etl.tasks import extract, load, report

                with Flow("nightly") as flow:
                    flow.chain(extract, load, report)
                """,
                """
                from prefect import flow
                from etl.tasks import extract, load, report


                @flow(name="nightly")
                def nightly():
                    extract_result = extract()
                    load_result = load(wait_for=[extract_result])
                    report(wait_for=[load_result])
                """));
    }

    @Test
    void aChainOfResultsBoundInTheBlockIsLeftWithATodo() {
        // the results already ran in statement order; the chain's edges would need wait_for= on calls made earlier
        rewriteRun(python(
                """
                from prefect import Flow, task


                @task
                def extract():
                    return 1


                @task
                def load():
                    return 2


                with Flow("nightly") as flow:
                    e = extract()
                    l = load()
                    flow.chain(l, e)
                """,
                """
                from prefect import Flow, task


                @task
                def extract():
                    return 1


                @task
                def load():
                    return 2


                # TODO(migrate PF102): convert this Prefect 1 flow by hand: `flow.chain(l, e)` uses the Prefect 1 Flow object; `flow.chain(l, e)` uses the Flow object inside its block
                with Flow("nightly") as flow:
                    e = extract()
                    l = load()
                    flow.chain(l, e)
                """));
    }

    @Test
    void aScheduleGivenByPositionIsTheFlowsSchedule() {
        // Flow(name, schedule, ...) is Prefect 1's signature; the schedule was dropped without a word
        rewriteRun(spec -> spec.recipe(new ConvertPrefect1Flows()),
                python(
                        """
                        from datetime import timedelta

                        from prefect import Flow, task
                        from prefect.schedules import IntervalSchedule


                        @task
                        def ping():
                            print("ping")


                        schedule = IntervalSchedule(interval=timedelta(minutes=5))

                        with Flow("pinger", schedule) as flow:
                            ping()

                        flow.register(project_name="ops")
                        """,
                        """
                        from prefect import flow, task


                        @task
                        def ping():
                            print("ping")


                        @flow(name="pinger")
                        def pinger():
                            ping()
                        """),
                yaml(null,
                        """
                        # Generated by migrate from the Prefect 1 flows' register calls, schedules, run configs and storage.
                        # Create the work pools named below, then run `prefect deploy --all`.
                        prefect-version: 3.8.3

                        deployments:
                        - name: pinger
                          entrypoint: file.py:pinger
                          schedules:
                          - interval: 300
                            anchor_date: 2019-01-01T00:00
                            timezone: UTC
                          work_pool:
                            name: default-process-pool
                        """,
                        s -> s.path("prefect.yaml")));
    }

    @Test
    void aFileThatDoesNotParseIsNamedAsNotMigrated() {
        // every Prefect 1 recipe leaves such a file as it is; without a note it passed for migrated
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement()
                        .satisfies(r -> {
                            assertThat(r.manual()).isTrue();
                            assertThat(r.code()).isEqualTo("PF102");
                            assertThat(r.message()).startsWith("not migrated: the file has a syntax error at line 4, column ")
                                    .endsWith("; fix it and run the migration again");
                        })),
                python(
                        """
                        from prefect import Flow, task


                        @task(max_retries=3, result=)
                        def extract():
                            return 1


                        with Flow("broken") as flow:
                            extract()
                        """));
    }

    @Test
    void commentsInsideTheFlowCallStayAboveTheFunction() {
        rewriteRun(python(
                """
                from prefect import Flow, task


                @task
                def work():
                    return 1


                # the main flow
                with Flow(
                    "documented",  # shown in the UI
                ) as flow:
                    work()
                """,
                """
                from prefect import flow, task


                @task
                def work():
                    return 1


                # the main flow
                # shown in the UI
                @flow(name="documented")
                def documented():
                    work()
                """));
    }

    @Test
    void flowClassUsedOnlyAsATypeIsLeftAlone() {
        rewriteRun(python(
                """
                from prefect import Flow


                def deploy(flow: Flow, project: str) -> str:
                    return flow.register(project_name=project)
                """));
    }
}
