package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.prefect1.internal.ShellTasks;
import org.junit.jupiter.api.Test;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.SourceSpecs;
import org.openrewrite.test.RecipeSpec;

class ReplacePrefect1TaskLibraryTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplacePrefect1TaskLibrary());
    }

    /**
     * A module of the project defining registered Prefect 1 flows with these names: the flow conversion writes a
     * deployment named after each, which is what a flow run started by name targets.
     */
    private static SourceSpecs registeredFlows(String path, String... names) {
        StringBuilder text = new StringBuilder("from prefect import Flow, task\n\n\n@task\ndef step():\n    return 1\n");
        for (int i = 0; i < names.length; i++) {
            text.append("\n\nwith Flow(\"").append(names[i]).append("\") as flow_").append(i).append(":\n    step()\n")
                    .append("flow_").append(i).append(".register(project_name=\"lake\")\n");
        }
        return python(text.toString(), s -> s.path(path));
    }

    @Test
    void secretsInFlowBodiesBecomeSecretBlocks() {
        rewriteRun(python(
                """
                from prefect import flow
                from prefect.tasks.secrets import EnvVarSecret, PrefectSecret


                @flow(name="x")
                def x():
                    token = PrefectSecret("ORDERS_API_TOKEN")
                    home = EnvVarSecret("HOME")
                    return token, home
                """,
                """
                import os

                from prefect import flow
                from prefect.blocks.system import Secret


                @flow(name="x")
                def x():
                    token = Secret.load("orders-api-token").get()
                    home = os.environ["HOME"]
                    return token, home
                """));
    }

    private static final String SAFE_INPUT = """
            from prefect import flow
            from prefect.backend import get_key_value
            from prefect.tasks.secrets import EnvVarSecret, PrefectSecret
            from prefect.tasks.shell import ShellTask

            shell = ShellTask(return_all=True)


            @flow(name="etl")
            def etl():
                token = PrefectSecret("API_TOKEN")
                home = EnvVarSecret("HOME")
                last = get_key_value("last")
                return shell(command="ls"), token, home, last
            """;

    // PF110 is an unsafe fix: without --unsafe-fixes, the secret (needs a Secret block), the KV read (needs the value in
    // a Variable) and the ShellTask (logs after the command ends) get TODOs; EnvVarSecret -> os.environ is the same
    // behaviour and is converted. The unsafe run then converts them and the TODOs go.
    @Test
    void withoutUnsafeFixesTheBehaviourChangesAreTodosThatTheUnsafeRunRemoves() {
        InMemoryExecutionContext safe = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(safe, false);
        String safeOutput = """
                import os

                from prefect import flow
                from prefect.backend import get_key_value
                from prefect.tasks.secrets import PrefectSecret
                from prefect.tasks.shell import ShellTask

                # TODO(migrate PF110): ShellTask shell becomes a @task that runs the command with subprocess with --unsafe-fixes (a behaviour change: review it)
                shell = ShellTask(return_all=True)


                @flow(name="etl")
                def etl():
                    # TODO(migrate PF110): read the secret with Secret.load("<block>").get() once the Secret block exists (--unsafe-fixes writes the call)
                    token = PrefectSecret("API_TOKEN")
                    home = os.environ["HOME"]
                    # TODO(migrate PF110): Prefect 3 keeps these values in Variables: Variable.get(key) / Variable.set(key, value, overwrite=True) (from prefect.variables); copy the values into Variables first (--unsafe-fixes writes the calls)
                    last = get_key_value("last")
                    return shell(command="ls"), token, home, last
                """;
        rewriteRun(spec -> spec.executionContext(safe), python(SAFE_INPUT, safeOutput));
        rewriteRun(python(safeOutput, """
                import os
                import subprocess

                from prefect import flow, get_run_logger, task
                from prefect.blocks.system import Secret
                from prefect.variables import Variable


                """ + ShellTasks.helper() + """


                @task
                def shell(command=None, env=None, helper_script=None):
                    return _run_shell_command(command, env=env, helper_script=helper_script, return_all=True)


                @flow(name="etl")
                def etl():
                    token = Secret.load("api-token").get()
                    home = os.environ["HOME"]
                    last = Variable.get("last")
                    return shell(command="ls"), token, home, last
                """));
    }

    @Test
    void convertingASecretDropsTheTodoAnEarlierRunLeftWhileItWasAtModuleLevel() {
        // the safe run left the secret of a `with Flow` block with a TODO; the unsafe run made the block a flow
        // function, and the secret read in it is converted now: the TODO would speak of code that is gone
        rewriteRun(python(
                """
                from prefect import flow
                from prefect.tasks.secrets import PrefectSecret


                @flow(name="etl")
                def etl():
                    # keep this note
                    # TODO(migrate PF110): a module-level secret task; read it inside the flow with Secret.load("<block>").get()
                    token = PrefectSecret("API_TOKEN")
                    return token
                """,
                """
                from prefect import flow
                from prefect.blocks.system import Secret


                @flow(name="etl")
                def etl():
                    # keep this note
                    token = Secret.load("api-token").get()
                    return token
                """));
    }

    @Test
    void createAndWaitForFlowRunBecomeRunDeployment() {
        rewriteRun(registeredFlows("children.py", "child", "other", "audit"), python(
                """
                from prefect import flow
                from prefect.tasks.prefect import create_flow_run, wait_for_flow_run


                @flow(name="parent")
                def parent(day):
                    child = create_flow_run(flow_name="child", project_name="lake", parameters={"day": day})
                    wait_for_flow_run(child, raise_final_state=True, stream_logs=True)
                    other = create_flow_run(flow_name="other", run_name="nightly")
                    finished = wait_for_flow_run(other)
                    started = create_flow_run(flow_name="audit", wait_for=[finished])
                    return started
                """,
                """
                from prefect import flow
                from prefect.deployments import run_deployment


                @flow(name="parent")
                def parent(day):
                    child = run_deployment(name="child/child", parameters={"day": day}, timeout=None)
                    if not child.state.is_completed():
                        raise RuntimeError(f"flow run {child.name} ended in state {child.state.name}")
                    other = run_deployment(name="other/other", flow_run_name="nightly", timeout=None)
                    finished = other
                    started = run_deployment(name="audit/audit", timeout=0).id
                    return started
                """, s -> s.path("parent.py")));
    }

    // a child flow registered by `prefect register -p flows/` (no flow.register() in its module) gets a deployment
    // from the flow conversion, so a run started by its name targets it
    @Test
    void createFlowRunOfAFlowRegisteredFromTheCommandLineTargetsItsDeployment() {
        rewriteRun(text("prefect register --project lake -p flows/\n", s -> s.path("register.sh")),
                python("from prefect import Flow, task\n\n\n@task\ndef step():\n    return 1\n\n\n"
                        + "with Flow(\"child\") as flow:\n    step()\n", s -> s.path("flows/child.py")),
                python(
                """
                from prefect import flow
                from prefect.tasks.prefect import create_flow_run


                @flow(name="parent")
                def parent():
                    return create_flow_run(flow_name="child")
                """,
                """
                from prefect import flow
                from prefect.deployments import run_deployment


                @flow(name="parent")
                def parent():
                    return run_deployment(name="child/child", timeout=0).id
                """, s -> s.path("parent.py")));
    }

    // run_deployment needs the deployment's name, which only the conversion of the child flow gives: a flow the
    // project does not define, or defines without anything that registers it, was given "child/child" regardless
    @Test
    void createFlowRunOfAFlowWithoutAKnownDeploymentKeepsAPreciseTodo() {
        rewriteRun(python(
                """
                from prefect import Flow, task


                @task
                def step():
                    return 1


                with Flow("local-only") as flow:
                    step()
                """, s -> s.path("local.py")), python(
                """
                from prefect import flow
                from prefect.tasks.prefect import create_flow_run, wait_for_flow_run


                @flow(name="parent")
                def parent(day):
                    child = create_flow_run(flow_name="elsewhere", parameters={"day": day})
                    wait_for_flow_run(child, raise_final_state=True)
                    create_flow_run(flow_name="local-only")
                """,
                """
                from prefect import flow
                from prefect.tasks.prefect import create_flow_run, wait_for_flow_run


                @flow(name="parent")
                def parent(day):
                    # TODO(migrate PF110): create_flow_run starts flow 'elsewhere', whose deployment name the migration cannot know: this project does not define it (no Flow("elsewhere") in its modules); write run_deployment(name="elsewhere/<deployment>", parameters={"day": day}, timeout=None) (from prefect.deployments), which waits for the run as create_flow_run + wait_for_flow_run did (timeout=0 starts it and returns at once, as create_flow_run alone did)
                    child = create_flow_run(flow_name="elsewhere", parameters={"day": day})
                    # TODO(migrate PF110): wait_for_flow_run waits for a run create_flow_run started: start it with run_deployment(name="<flow>/<deployment>", timeout=None), which waits and returns the run (check run.state.is_completed() for raise_final_state=True), or await prefect.flow_runs.wait_for_flow_run(run_id) (async in Prefect 3)
                    wait_for_flow_run(child, raise_final_state=True)
                    # TODO(migrate PF110): create_flow_run starts flow 'local-only', whose deployment name the migration cannot know: nothing in local.py registers it (flow.register, schedule, run config or storage) and no `prefect register` command names it, so the migration writes no deployment for it; add one (prefect.yaml or .deploy()); write run_deployment(name="local-only/<deployment>", timeout=None) (from prefect.deployments), which waits for the run as create_flow_run + wait_for_flow_run did (timeout=0 starts it and returns at once, as create_flow_run alone did)
                    create_flow_run(flow_name="local-only")
                """, s -> s.path("parent.py")));
    }

    // Prefect 1's own flow-of-flows idiom names the child by its Flow's .name or by the child module's constant
    @Test
    void aFlowNameReadFromTheChildFlowOrItsModuleConstantIsKnown() {
        rewriteRun(python(
                """
                from prefect import Flow, task

                FLOW_NAME = "child-etl"


                @task
                def step():
                    return 1


                with Flow(FLOW_NAME) as flow:
                    step()

                flow.register(project_name="lake")
                """, s -> s.path("flows/child.py")), python(
                """
                from prefect import flow
                from prefect.tasks.prefect import create_flow_run, wait_for_flow_run

                from flows import child
                from flows.child import flow as child_flow


                @flow(name="parent")
                def parent():
                    first = create_flow_run(flow_name=child.FLOW_NAME)
                    wait_for_flow_run(first)
                    create_flow_run(flow_name=child_flow.name)
                """,
                """
                from prefect import flow
                from prefect.deployments import run_deployment


                @flow(name="parent")
                def parent():
                    first = run_deployment(name="child-etl/child-etl", timeout=None)
                    run_deployment(name="child-etl/child-etl", timeout=0).id
                """, s -> s.path("flows/parent.py")));
    }

    @Test
    void theChildFlowOfTheSameModuleIsNamedThroughItsFunctionAfterTheConversion() {
        rewriteRun(spec -> spec.recipeFromResources("dev.migrate.prefect.MigrateToPrefect3FromPrefect1"), python(
                """
                from prefect import Flow, Parameter, task
                from prefect.tasks.prefect import create_flow_run, wait_for_flow_run


                @task
                def make(size):
                    return list(range(size))


                with Flow("child") as child_flow:
                    size = Parameter("size", default=5)
                    make(size)

                with Flow("parent") as parent_flow:
                    run_id = create_flow_run(flow_name=child_flow.name, parameters=dict(size=10))
                    wait_for_flow_run(run_id, raise_final_state=True)

                child_flow.register(project_name="lake")
                parent_flow.register(project_name="lake")
                """,
                """
                from prefect import flow, task
                from prefect.deployments import run_deployment


                @task
                def make(size):
                    return list(range(size))


                @flow(name="child")
                def child(size=5):
                    make(size)


                @flow(name="parent")
                def parent():
                    run_id = run_deployment(name="child/child", parameters=dict(size=10), timeout=None)
                    if not run_id.state.is_completed():
                        raise RuntimeError(f"flow run {run_id.name} ended in state {run_id.state.name}")
                """, s -> s.path("flows.py")),
                org.openrewrite.yaml.Assertions.yaml(null, """
                        # Generated by migrate from the Prefect 1 flows' register calls, schedules, run configs and storage.
                        # Create the work pools named below, then run `prefect deploy --all`.
                        prefect-version: 3.8.3

                        deployments:
                        - name: child
                          entrypoint: flows.py:child
                          work_pool:
                            name: default-process-pool
                        - name: parent
                          entrypoint: flows.py:parent
                          work_pool:
                            name: default-process-pool
                        """, s -> s.path("prefect.yaml")));
    }

    // the flow-of-flows idiom binds each wait for an edge (flow_b.set_upstream(wait_a)), which the flow conversion
    // drops: the name then read by nothing was kept as `wait_a = flow_a` (session 15 sweep)
    @Test
    void aWaitBoundToANameNothingReadsBecomesTheCheckAlone() {
        rewriteRun(registeredFlows("children.py", "child"), python(
                """
                from prefect import flow
                from prefect.tasks.prefect import create_flow_run, wait_for_flow_run


                @flow(name="parent")
                def parent():
                    child = create_flow_run(flow_name="child")
                    wait_child = wait_for_flow_run(child, raise_final_state=True)
                """,
                """
                from prefect import flow
                from prefect.deployments import run_deployment


                @flow(name="parent")
                def parent():
                    child = run_deployment(name="child/child", timeout=None)
                    if not child.state.is_completed():
                        raise RuntimeError(f"flow run {child.name} ended in state {child.state.name}")
                """, s -> s.path("parent.py")));
    }

    // a run without --unsafe-fixes leaves a TODO on each call; the run with them that converts the call took it along
    @Test
    void convertingACallDropsTheTodoAnEarlierRunLeftOnIt() {
        rewriteRun(registeredFlows("children.py", "child"), python(
                """
                from prefect import flow
                from prefect.tasks.prefect import create_flow_run, wait_for_flow_run


                @flow(name="parent")
                def parent():
                    # keeps the child's data fresh
                    # TODO(migrate PF110): use run_deployment(name="<flow>/<deployment>") (prefect.deployments) or prefect.flow_runs.wait_for_flow_run
                    child = create_flow_run(flow_name="child")
                    # TODO(migrate PF110): use run_deployment(name="<flow>/<deployment>") (prefect.deployments) or prefect.flow_runs.wait_for_flow_run
                    wait_for_flow_run(child, raise_final_state=True)
                """,
                """
                from prefect import flow
                from prefect.deployments import run_deployment


                @flow(name="parent")
                def parent():
                    # keeps the child's data fresh
                    child = run_deployment(name="child/child", timeout=None)
                    if not child.state.is_completed():
                        raise RuntimeError(f"flow run {child.name} ended in state {child.state.name}")
                """, s -> s.path("parent.py")));
    }

    @Test
    void startFlowRunOfAFlowTheProjectDoesNotDefineKeepsATodo() {
        rewriteRun(python(
                """
                from prefect.tasks.prefect import StartFlowRun

                start = StartFlowRun(flow_name="elsewhere", project_name="etl", wait=True)
                """,
                """
                from prefect.tasks.prefect import StartFlowRun

                # TODO(migrate PF110): StartFlowRun start: it starts flow 'elsewhere', whose deployment name the migration cannot know: this project does not define it (no Flow("elsewhere") in its modules); write a @task calling run_deployment(name="<flow>/<deployment>", parameters=..., timeout=None) (from prefect.deployments; timeout=0 for wait=False) with the deployment's name
                start = StartFlowRun(flow_name="elsewhere", project_name="etl", wait=True)
                """));
    }

    @Test
    void createFlowRunOutsideAFunctionIsLeftForTheFlowConversion() {
        rewriteRun(python(
                """
                from prefect import Flow
                from prefect.tasks.prefect import create_flow_run

                with Flow("parent") as flow:
                    create_flow_run(flow_name="child", labels=["x"])
                """,
                """
                from prefect import Flow
                from prefect.tasks.prefect import create_flow_run

                with Flow("parent") as flow:
                    # TODO(migrate PF110): create_flow_run passes labels=["x"], which run_deployment has no form for (labels and run_config chose the agent and its settings: they belong to the deployment's work pool, or job_variables=; flow_id: name the flow's deployment); write run_deployment(name="child/<deployment>", timeout=None) (from prefect.deployments), which waits for the run as create_flow_run + wait_for_flow_run did (timeout=0 starts it and returns at once, as create_flow_run alone did)
                    create_flow_run(flow_name="child", labels=["x"])
                """));
    }

    @Test
    void startFlowRunCalledWithRunTimeArgumentsTakesThemAsParameters() {
        rewriteRun(registeredFlows("children.py", "az-seven-dwarfs", "report"), python(
                """
                from prefect import Flow
                from prefect.tasks.prefect import StartFlowRun

                start_flow_run = StartFlowRun(project_name="poc", wait=True, max_retries=1)

                with Flow("orchestrating_flow") as flow:
                    first = start_flow_run(flow_name="az-seven-dwarfs", parameters={"n": 7})
                    start_flow_run(flow_name="report", project_name="poc", upstream_tasks=[first])
                """,
                """
                from prefect import Flow, task
                from prefect.deployments import run_deployment


                @task(max_retries=1)
                def start_flow_run(flow_name=None, project_name=None, parameters=None, run_name=None, scheduled_start_time=None, idempotency_key=None):
                    flow_run = run_deployment(name=f"{flow_name}/{flow_name}", parameters=parameters, flow_run_name=run_name, scheduled_time=scheduled_start_time, idempotency_key=idempotency_key, timeout=None)
                    if flow_run.state is None or not flow_run.state.is_completed():
                        raise RuntimeError(f"flow run {flow_run.name} ended in state {flow_run.state}")
                    return flow_run.id


                with Flow("orchestrating_flow") as flow:
                    first = start_flow_run(flow_name="az-seven-dwarfs", parameters={"n": 7})
                    start_flow_run(flow_name="report", project_name="poc", upstream_tasks=[first])
                """, s -> s.path("parent.py")));
    }

    @Test
    void startFlowRunCalledWithPositionalArgumentsKeepsATodo() {
        rewriteRun(python(
                """
                from prefect import flow
                from prefect.tasks.prefect import StartFlowRun

                reload = StartFlowRun(flow_name="child", wait=True)


                @flow(name="parent")
                def parent():
                    reload("child", "lake")
                """,
                """
                from prefect import flow
                from prefect.tasks.prefect import StartFlowRun

                # TODO(migrate PF110): StartFlowRun options without a run_deployment form; call run_deployment(name="<flow>/<deployment>") in a task
                reload = StartFlowRun(flow_name="child", wait=True)


                @flow(name="parent")
                def parent():
                    reload("child", "lake")
                """));
    }

    @Test
    void filterTaskAndPauseTaskGetTodos() {
        rewriteRun(python(
                """
                from prefect import task
                from prefect.tasks.control_flow import FilterTask
                from prefect.utilities.tasks import pause_task

                keep = FilterTask(filter_func=lambda x: x is not None)


                @task
                def approve(x):
                    pause_task()
                    return x
                """,
                """
                from prefect import task
                from prefect.tasks.control_flow import FilterTask
                from prefect.utilities.tasks import pause_task

                # TODO(migrate PF110): FilterTask has no Prefect 3 form; filter the results in Python inside a task: [r for r in results if filter_func(r)] (Prefect 1's default dropped None results and exceptions)
                keep = FilterTask(filter_func=lambda x: x is not None)


                @task
                def approve(x):
                    # TODO(migrate PF110): Prefect 3 pauses flows, not tasks: call pause_flow_run(...) (from prefect import pause_flow_run) in the flow before the task
                    pause_task()
                    return x
                """));
    }

    @Test
    void shellTaskAndStartFlowRunBecomeTasks() {
        rewriteRun(registeredFlows("flows/ingest.py", "ingest-customers"), python(
                """
                from prefect.tasks.prefect import StartFlowRun
                from prefect.tasks.shell import ShellTask

                compact = ShellTask(name="compact", command="python -m compact", stream_output=True, timeout=60)

                reload_customers = StartFlowRun(flow_name="ingest-customers", project_name="lake", wait=True,
                                                parameters={"full_load": True})
                """,
                """
                import os
                import subprocess

                from prefect import get_run_logger, task
                from prefect.deployments import run_deployment


                def _run_shell_command(command, env=None, helper_script=None, shell="bash", return_all=False,
                                       log_stderr=False, stream_output=False):
                    \"""Runs a command as Prefect 1's ShellTask did (written by migrate when converting ShellTask).\"""
                    if not command:
                        raise ValueError("ShellTask: no command given")
                    script = (helper_script + "\\n" if helper_script else "") + command
                    completed = subprocess.run([shell, "-c", script], env={**os.environ, **(env or {})},
                                               capture_output=True, text=True)
                    logger = get_run_logger()
                    lines = [line.rstrip() for line in completed.stdout.splitlines()]
                    if stream_output:
                        for line in lines:
                            logger.info(line)
                    if completed.returncode != 0:
                        if log_stderr:
                            logger.error(completed.stderr)
                        raise RuntimeError(f"command failed with exit code {completed.returncode}")
                    if return_all:
                        return lines
                    return lines[-1] if lines else None


                @task(name="compact", timeout=60)
                def compact(command="python -m compact", env=None, helper_script=None):
                    return _run_shell_command(command, env=env, helper_script=helper_script, stream_output=True)


                @task
                def reload_customers():
                    flow_run = run_deployment(name="ingest-customers/ingest-customers", parameters={"full_load": True}, timeout=None)
                    if flow_run.state is None or not flow_run.state.is_completed():
                        raise RuntimeError(f"flow run {flow_run.name} ended in state {flow_run.state}")
                    return flow_run.id
                """, s -> s.path("tasks.py")));
    }

    // prefect.backend re-exports the KV store functions; imported from there they got the GraphQL client's TODO, and
    // set_key_value with keywords in the other order would have swapped key and value (session 13 sweep)
    @Test
    void kvStoreCallsBecomeVariablesWhereverTheyAreImportedFrom() {
        rewriteRun(python(
                """
                import os

                from prefect import task
                from prefect.backend import get_key_value, set_key_value

                env = os.getenv("ENV", "staging")
                config = get_key_value(key=f"etl_{env}")


                @task
                def remember(run):
                    set_key_value(value=run, key="last_run")
                """,
                """
                import os

                from prefect import task
                from prefect.variables import Variable

                env = os.getenv("ENV", "staging")
                config = Variable.get(f"etl_{env}")


                @task
                def remember(run):
                    Variable.set("last_run", run, overwrite=True)
                """));
    }

    // the task written for a StartFlowRun right under a constant had no blank line above it (session 13 sweep)
    @Test
    void aTaskWrittenForAnInstanceIsSpacedAsAFunction() {
        rewriteRun(registeredFlows("child.py", "child"), python(
                """
                from prefect.tasks.prefect import StartFlowRun

                PROJECT = "etl"
                start = StartFlowRun(flow_name="child", project_name=PROJECT, wait=False)
                """,
                """
                from prefect import task
                from prefect.deployments import run_deployment

                PROJECT = "etl"


                @task
                def start():
                    flow_run = run_deployment(name="child/child", timeout=0)
                    return flow_run.id
                """, s -> s.path("start.py")));
    }

    @Test
    void clientIsFlagged() {
        rewriteRun(python(
                """
                from prefect import Client

                client = Client()
                """,
                """
                from prefect import Client

                # TODO(migrate PF110): the Prefect 1 GraphQL client is gone; use `with get_client(sync_client=True) as client:` (REST API)
                client = Client()
                """));
    }

    @Test
    void clientSecretsReadAtOnceBecomeSecretBlocks() {
        // Prefect 1's Secret("X").get() read the secret where it was called, in a task or at import time alike
        rewriteRun(python(
                """
                from prefect.client import Secret
                from sqlalchemy import create_engine

                WAREHOUSE_USER = Secret("WAREHOUSE_USER").get()


                def engine():
                    password = Secret("WAREHOUSE_PASSWORD").get()
                    return create_engine(f"postgresql://{WAREHOUSE_USER}:{password}@db/warehouse")
                """,
                """
                from prefect.blocks.system import Secret
                from sqlalchemy import create_engine

                WAREHOUSE_USER = Secret.load("warehouse-user").get()


                def engine():
                    password = Secret.load("warehouse-password").get()
                    return create_engine(f"postgresql://{WAREHOUSE_USER}:{password}@db/warehouse")
                """));
    }

    @Test
    void clientSecretsWaitForUnsafeFixesAndTheirTodosGoWhenConverted() {
        // reading a Secret block instead of Prefect 1's secret needs the block first: a behaviour change
        InMemoryExecutionContext safe = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(safe, false);
        String input = """
                from prefect.client import Secret

                USER = Secret("WAREHOUSE_USER").get()


                def password():
                    return Secret("WAREHOUSE_PASSWORD").get()
                """;
        String safeOutput = """
                from prefect.client import Secret

                # TODO(migrate PF110): read the secret with Secret.load("<block>").get() (from prefect.blocks.system import Secret) once the Secret block exists (--unsafe-fixes writes the call)
                USER = Secret("WAREHOUSE_USER").get()


                def password():
                    # TODO(migrate PF110): read the secret with Secret.load("<block>").get() (from prefect.blocks.system import Secret) once the Secret block exists (--unsafe-fixes writes the call)
                    return Secret("WAREHOUSE_PASSWORD").get()
                """;
        rewriteRun(spec -> spec.executionContext(safe), python(input, safeOutput));
        rewriteRun(python(safeOutput, """
                from prefect.blocks.system import Secret

                USER = Secret.load("warehouse-user").get()


                def password():
                    return Secret.load("warehouse-password").get()
                """));
    }

    @Test
    void aClientSecretKeptAsAnObjectGetsATodoSayingHowToReadIt() {
        rewriteRun(python(
                """
                from prefect.client.secrets import Secret

                token = Secret("API_TOKEN")
                print(token.get())
                """,
                """
                from prefect.client.secrets import Secret

                # TODO(migrate PF110): read the secret with Secret.load("<block>").get() (from prefect.blocks.system import Secret)
                token = Secret("API_TOKEN")
                print(token.get())
                """));
    }

    @Test
    void nonPrefectSecretsAreLeftAlone() {
        rewriteRun(python(
                """
                from vault import PrefectSecret

                def x():
                    return PrefectSecret("A")
                """));
    }

    @Test
    void shellTaskCanUsePrefectShell() {
        rewriteRun(spec -> spec.recipe(new ReplacePrefect1TaskLibrary("prefect-shell")),
                python(
                        """
                        from prefect.tasks.shell import ShellTask

                        purge = ShellTask(name="purge", helper_script="source env.sh", return_all=True, max_retries=1)
                        """,
                        """
                        from prefect import task
                        from prefect_shell import ShellOperation


                        @task(name="purge", max_retries=1)
                        def purge(command=None, env=None, helper_script="source env.sh"):
                            lines = ShellOperation(commands=[c for c in (helper_script, command) if c], env=env or {}).run()
                            return lines
                        """));
    }

    // EnvVarSecret("X") in a with Flow block built by a function became os.environ["X"]: the flow stays Prefect 1
    // code, so the value was read when the flow was built rather than when it runs (shakedown on public Prefect 1 code)
    @Test
    void aSecretInAFlowLeftAsPrefect1CodeStaysWithThatFlow() {
        rewriteRun(python(
                """
                from prefect import Flow, task
                from prefect.tasks.secrets import EnvVarSecret


                @task
                def show(x):
                    print(x)


                def build():
                    with Flow("kept") as flow:
                        show(EnvVarSecret("HOME"))
                    return flow
                """));
    }

    // a with block of the project's Flow subclass from another module stays Prefect 1 code too (the flow conversion leaves
    // it), so its secret task is read when that flow is built, not replaced by an environment lookup at build time
    @Test
    void aSecretInAFlowMadeWithAnotherModulesFlowSubclassStaysWithThatFlow() {
        rewriteRun(python(
                """
                import prefect


                class TeamFlow(prefect.Flow):
                    pass
                """, s -> s.path("common/base.py")),
                python(
                """
                from prefect import task
                from prefect.tasks.secrets import EnvVarSecret

                from common.base import TeamFlow


                @task
                def show(x):
                    print(x)


                with TeamFlow("kept") as flow:
                    show(EnvVarSecret("HOME"))
                """, s -> s.path("flows/kept.py")));
    }
}
