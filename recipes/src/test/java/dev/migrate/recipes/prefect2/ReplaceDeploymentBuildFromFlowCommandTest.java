package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonCompileOracle;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;

/**
 * The {@code command} of a 2.x infrastructure block, or of {@code infra_overrides}, was a list of words; the Prefect 3
 * job variable is one string (BaseVariables.command: Optional[str]), which the worker splits with shlex. A list
 * that spells its words out becomes them joined as shlex.join joins them; any other list is left to a person.
 */
class ReplaceDeploymentBuildFromFlowCommandTest implements PythonRewriteTest {
    @TempDir
    Path work;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceDeploymentBuildFromFlow());
    }

    @DocumentExample
    @Test
    void anInlineBlocksCommandBecomesOneShellQuotedString() throws Exception {
        convertsAndCompiles("""
                from prefect.deployments import Deployment
                from prefect.infrastructure import Process

                from flows import etl

                Deployment.build_from_flow(
                    flow=etl,
                    name="etl",
                    work_pool_name="process-pool",
                    infrastructure=Process(command=["python", "-m", "app", "--day", "x y"], env={"MODE": "prod"}),
                    apply=True,
                )
                """, """
                from pathlib import Path

                from flows import etl

                etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").deploy(
                    name="etl",
                    work_pool_name="process-pool",
                    job_variables={"command": "python -m app --day 'x y'", "env": {"MODE": "prod"}},
                    enforce_parameter_schema=False,
                )
                """);
    }

    // a word with both quotes: the literal keeps the file's double quotes and escapes them
    @Test
    void aModuleLevelBlocksCommandIsJoinedWithItsQuotes() throws Exception {
        convertsAndCompiles("""
                from prefect.deployments import Deployment
                from prefect.infrastructure import KubernetesJob

                from flows import etl

                k8s = KubernetesJob(
                    image="acme/etl:3",
                    command=("sh", "-c", 'echo "it\\'s $HOME" && python -m app'),
                )

                deployment = Deployment.build_from_flow(flow=etl, name="etl", infrastructure=k8s, work_pool_name="k8s")
                deployment.apply()
                """, """
                from flows import etl

                deployment = etl.to_deployment(name="etl", work_pool_name="k8s", job_variables={"image": "acme/etl:3", "command": "sh -c 'echo \\"it'\\"'\\"'s $HOME\\" && python -m app'"}, enforce_parameter_schema=False)
                deployment.apply()
                """);
    }

    // infra_overrides replaced the block's command in 2.x; the overridden list becomes the string too
    @Test
    void anOverriddenCommandIsJoinedAndWins() throws Exception {
        convertsAndCompiles("""
                from prefect.deployments import Deployment
                from prefect.infrastructure import DockerContainer

                from flows import etl

                Deployment.build_from_flow(
                    flow=etl,
                    name="etl",
                    work_pool_name="docker-pool",
                    infrastructure=DockerContainer(image="acme/etl:3", command=["python", "-m", "app"]),
                    infra_overrides={"command": ["python", "-m", "app", "--full"], "env.MODE": "full"},
                    apply=True,
                )
                """, """
                from flows import etl

                etl.deploy(
                    name="etl",
                    work_pool_name="docker-pool",
                    job_variables={"command": "python -m app --full", "env": {"MODE": "full"}},
                    image="acme/etl:3",
                    build=False,
                    push=False,
                    enforce_parameter_schema=False,
                )
                """);
    }

    @Test
    void overridesWithoutABlockAreJoinedInPlace() throws Exception {
        convertsAndCompiles("""
                from prefect.deployments import Deployment

                from flows import etl

                Deployment.build_from_flow(
                    flow=etl,
                    name="etl",
                    work_pool_name="process-pool",
                    infra_overrides={
                        "command": ["python", "run.py", "--since", "2024-01-01 00:00"],  # the backfill
                        "working_dir": "/srv/etl",
                    },
                    apply=True,
                )
                """, """
                from pathlib import Path

                from flows import etl

                etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").deploy(
                    name="etl",
                    work_pool_name="process-pool",
                    job_variables={
                        "command": "python run.py --since '2024-01-01 00:00'",  # the backfill
                        "working_dir": "/srv/etl",
                    },
                    enforce_parameter_schema=False,
                )
                """);
    }

    // what 2.x blocks held when nobody set a command: the worker's own default, so nothing to carry over
    @Test
    void theTwoXEngineCommandDisappears() throws Exception {
        convertsAndCompiles("""
                from prefect.deployments import Deployment
                from prefect.infrastructure import Process

                from flows import etl

                Deployment.build_from_flow(
                    flow=etl,
                    name="etl",
                    work_pool_name="process-pool",
                    infrastructure=Process(command=["python", "-m", "prefect.engine"], working_dir="/srv"),
                    apply=True,
                )
                """, """
                from pathlib import Path

                from flows import etl

                etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").deploy(
                    name="etl",
                    work_pool_name="process-pool",
                    job_variables={"working_dir": "/srv"},
                    enforce_parameter_schema=False,
                )
                """);
    }

    // a word in parentheses or written in two adjacent literals is still a literal word; an empty list sets nothing
    @Test
    void literalWordsAreReadAsPythonReadsThem() throws Exception {
        convertsAndCompiles("""
                from prefect.deployments import Deployment
                from prefect.infrastructure import Process

                from flows import etl

                Deployment.build_from_flow(
                    flow=etl,
                    name="etl",
                    work_pool_name="process-pool",
                    infrastructure=Process(command=[], working_dir="/srv"),
                    infra_overrides={"command": ["python", ("-m"), "app" "_main", r"C:\\data dir"]},
                    apply=True,
                )
                """, """
                from pathlib import Path

                from flows import etl

                etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").deploy(
                    name="etl",
                    work_pool_name="process-pool",
                    job_variables={"working_dir": "/srv", "command": "python -m app_main 'C:\\\\data dir'"},
                    enforce_parameter_schema=False,
                )
                """);
    }

    // words from a variable or an f-string are not known here: no command job variable; the one PF205 TODO names both
    @Test
    void commandsThatAreNotLiteralWordsAreLeftToAPerson() throws Exception {
        convertsAndCompiles("""
                from prefect.deployments import Deployment
                from prefect.infrastructure import Process

                from flows import etl

                BASE = ["python", "-m", "app"]
                day = "2024-01-01"

                Deployment.build_from_flow(
                    flow=etl,
                    name="etl",
                    work_pool_name="process-pool",
                    infrastructure=Process(command=BASE, env={"MODE": "prod"}),
                    infra_overrides={"command": ["python", f"--day={day}"], "env.TZ": "UTC"},
                    apply=True,
                )
                """, """
                from pathlib import Path

                from flows import etl

                BASE = ["python", "-m", "app"]
                day = "2024-01-01"

                # TODO(migrate PF205): the process block's `command` `BASE` is a list of words, but Prefect 3's command job variable is one string: set it by hand as a single shell-quoted string (the words joined as Python's shlex.join joins them); infra_overrides' `command` `["python", f"--day={day}"]` is a list of words, but Prefect 3's command job variable is one string: set it by hand as a single shell-quoted string (the words joined as Python's shlex.join joins them)
                etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").deploy(
                    name="etl",
                    work_pool_name="process-pool",
                    job_variables={"env": {"MODE": "prod", "TZ": "UTC"}},
                    enforce_parameter_schema=False,
                )
                """);
    }

    // the overrides are kept as written but for the command, whose entry goes with its comma
    @Test
    void anOverriddenCommandOfUnknownWordsLeavesTheOtherOverrides() throws Exception {
        convertsAndCompiles("""
                from prefect.deployments import Deployment

                from flows import etl

                Deployment.build_from_flow(
                    flow=etl,
                    name="etl",
                    work_pool_name="process-pool",
                    infra_overrides={"command": ["python", *EXTRA], "working_dir": "/srv"},
                    apply=True,
                )
                """, """
                from pathlib import Path

                from flows import etl

                # TODO(migrate PF205): infra_overrides' `command` `["python", *EXTRA]` is a list of words, but Prefect 3's command job variable is one string: set it by hand as a single shell-quoted string (the words joined as Python's shlex.join joins them)
                etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").deploy(
                    name="etl",
                    work_pool_name="process-pool",
                    job_variables={"working_dir": "/srv"},
                    enforce_parameter_schema=False,
                )
                """);
    }

    // the ECS worker splits its command job variable with shlex.split (container overrides), as the core workers do
    @Test
    void anEcsTasksCommandIsJoinedToo() throws Exception {
        convertsAndCompiles("""
                from prefect.deployments import Deployment
                from prefect_aws.ecs import ECSTask

                from flows import etl

                Deployment.build_from_flow(
                    flow=etl,
                    name="etl",
                    work_pool_name="ecs",
                    infrastructure=ECSTask(cluster="data", command=["python", "-m", "app", "--day", "x y"]),
                    apply=True,
                )
                """, """
                from pathlib import Path

                from flows import etl

                etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").deploy(
                    name="etl",
                    work_pool_name="ecs",
                    job_variables={"cluster": "data", "command": "python -m app --day 'x y'"},
                    enforce_parameter_schema=False,
                )
                """);
    }

    // the ACI worker splits its command on single spaces (command.split(" ")), not with shlex: left to a person
    @Test
    void aContainerInstanceJobsCommandStaysWithAPerson() throws Exception {
        convertsAndCompiles("""
                from prefect.deployments import Deployment
                from prefect_azure.container_instance import AzureContainerInstanceJob

                from flows import etl

                Deployment.build_from_flow(
                    flow=etl,
                    name="etl",
                    work_pool_name="aci",
                    infrastructure=AzureContainerInstanceJob(resource_group_name="rg", command=["python", "-m", "app"]),
                    apply=True,
                )
                """, """
                from pathlib import Path

                from flows import etl

                # TODO(migrate PF205): set these infrastructure block fields in the azure-container-instance work pool's base job template: command=["python", "-m", "app"]
                etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").deploy(
                    name="etl",
                    work_pool_name="aci",
                    job_variables={"resource_group_name": "rg"},
                    enforce_parameter_schema=False,
                )
                """);
    }

    // Prefect 3 code already passes the command as a string
    @Test
    void aPrefect3DeploymentIsLeftAlone() {
        rewriteRun(python("""
                from prefect.deployments import Deployment

                from flows import etl

                if __name__ == "__main__":
                    etl.deploy(name="etl", work_pool_name="docker-pool", image="acme/etl:3",
                               job_variables={"command": "python -m app --day 'x y'"})
                """));
    }

    /** The recipe turns {@code before} into {@code after}, and CPython compiles the result. */
    private void convertsAndCompiles(String before, String after) throws Exception {
        rewriteRun(python(before, after, spec -> spec.path("flows/deploy.py")));
        Path file = Files.writeString(work.resolve("deploy.py"), after);
        PythonCompileOracle.assertCompiles(List.of(file));
    }
}
