package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonCompileOracle;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrewrite.test.RecipeSpec;

/**
 * A list of build_from_flow deployments applied in a loop ({@code for d in deployments: d.apply()}), as public
 * deployment scripts write it: each element becomes a to_deployment(...), whose apply() Prefect 3 keeps, as a
 * single deployment stored in a variable does; the loop stays. A list with any element left to a person, or a loop
 * that does more than apply, keeps its one TODO.
 */
class ReplaceDeploymentBuildFromFlowListTest implements PythonRewriteTest {
    @TempDir
    Path work;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceDeploymentBuildFromFlow());
    }

    // was one TODO for the whole list: "use flow.from_source(...).deploy(...) or flow.to_deployment(...)"
    @Test
    void eachElementOfAListAppliedInALoopBecomesAToDeployment() throws Exception {
        convertsAndCompiles(
            """
            from prefect.deployments import Deployment
            from prefect.server.schemas.schedules import CronSchedule

            from flows.etl import extract, load

            deployments = [
                Deployment.build_from_flow(
                    flow=extract,
                    name="extract-daily",
                    work_pool_name="etl-pool",
                    schedule=CronSchedule(cron="0 1 * * *"),
                ),
                Deployment.build_from_flow(flow=load, name="load-daily", work_pool_name="etl-pool", enforce_parameter_schema=True),
            ]

            if __name__ == "__main__":
                for deployment in deployments:
                    deployment.apply()
            """,
            """
            from pathlib import Path

            from prefect.server.schemas.schedules import CronSchedule

            from flows.etl import extract, load

            deployments = [
                extract.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows/etl.py:extract").to_deployment(
                    name="extract-daily",
                    work_pool_name="etl-pool",
                    schedules=[CronSchedule(cron="0 1 * * *")],
                    enforce_parameter_schema=False,
                ),
                load.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows/etl.py:load").to_deployment(name="load-daily", work_pool_name="etl-pool", enforce_parameter_schema=True),
            ]

            if __name__ == "__main__":
                for deployment in deployments:
                    deployment.apply()
            """);
    }

    @Test
    void aListBuiltAndAppliedInAFunctionConvertsToo() throws Exception {
        convertsAndCompiles(
            """
            from prefect.deployments import Deployment
            from prefect.infrastructure.docker import DockerContainer

            from flows.etl import extract, load


            def main():
                docker = DockerContainer(image="acme/etl:1")
                deployments = [
                    Deployment.build_from_flow(flow=extract, name="extract", infrastructure=docker, work_pool_name="docker"),
                    Deployment.build_from_flow(flow=load, name="load", infrastructure=docker, work_pool_name="docker"),
                ]
                for d in deployments:
                    d.apply()


            if __name__ == "__main__":
                main()
            """,
            """
            from flows.etl import extract, load


            def main():
                deployments = [
                    extract.to_deployment(name="extract", work_pool_name="docker", job_variables={"image": "acme/etl:1"}, enforce_parameter_schema=False),
                    load.to_deployment(name="load", work_pool_name="docker", job_variables={"image": "acme/etl:1"}, enforce_parameter_schema=False),
                ]
                for d in deployments:
                    d.apply()


            if __name__ == "__main__":
                main()
            """);
    }

    // converting the first element alone would leave a list of two kinds of deployment behind one TODO
    @Test
    void aListWithAnElementLeftToAPersonKeepsItsOneTodo() {
        rewriteRun(python(
            """
            from prefect.deployments import Deployment

            from flows.etl import extract, load

            deployments = [
                Deployment.build_from_flow(flow=extract, name="extract", work_pool_name="etl-pool"),
                Deployment.build_from_flow(flow=load, name="load", work_pool_name="etl-pool", **settings),
            ]

            for deployment in deployments:
                deployment.apply()
            """,
            """
            from prefect.deployments import Deployment

            from flows.etl import extract, load

            # TODO(migrate PF214): Deployment.build_from_flow was removed in Prefect 3; use flow.from_source(...).deploy(...) or flow.to_deployment(...); Deployment.build_from_flow was removed in Prefect 3; its arguments come partly from **settings, whose keys must become flow.deploy(...) or flow.to_deployment(...) arguments (infra_overrides as job_variables, schedule as schedules=[...], no storage, infrastructure, path or apply)
            deployments = [
                Deployment.build_from_flow(flow=extract, name="extract", work_pool_name="etl-pool"),
                Deployment.build_from_flow(flow=load, name="load", work_pool_name="etl-pool", **settings),
            ]

            for deployment in deployments:
                deployment.apply()
            """));
    }

    // the loop reads the 2.x object's fields too (a RunnerDeployment has other ones): left to a person
    @Test
    void aLoopThatDoesMoreThanApplyKeepsTheTodo() {
        rewriteRun(python(
            """
            from prefect.deployments import Deployment

            from flows.etl import extract, load

            deployments = [
                Deployment.build_from_flow(flow=extract, name="extract", work_pool_name="etl-pool"),
                Deployment.build_from_flow(flow=load, name="load", work_pool_name="etl-pool"),
            ]

            for deployment in deployments:
                deployment.apply()
                print(deployment.infrastructure)
            """,
            """
            from prefect.deployments import Deployment

            from flows.etl import extract, load

            # TODO(migrate PF214): Deployment.build_from_flow was removed in Prefect 3; use flow.from_source(...).deploy(...) or flow.to_deployment(...)
            deployments = [
                Deployment.build_from_flow(flow=extract, name="extract", work_pool_name="etl-pool"),
                Deployment.build_from_flow(flow=load, name="load", work_pool_name="etl-pool"),
            ]

            for deployment in deployments:
                deployment.apply()
                print(deployment.infrastructure)
            """));
    }

    @Test
    void aListOfPrefect3DeploymentsAppliedInALoopIsUnchanged() {
        rewriteRun(python(
            """
            from flows.etl import extract, load

            deployments = [
                extract.to_deployment(name="extract", work_pool_name="etl-pool"),
                load.to_deployment(name="load", work_pool_name="etl-pool"),
            ]

            for deployment in deployments:
                deployment.apply()
            """));
    }

    // An existing image is deployed as it is: each element is to_deployment(..., job_variables={"image": ...}) with a
    // work pool, and the loop's apply() registers it (3.8.3 RunnerDeployment._create: the image goes into the job
    // variables, path ".", no pull steps: nothing is built or pushed). The other form, deploy(*deployments,
    // work_pool_name=..., image="repo/img:tag"), builds and pushes that image (build=True, push=True by default: a
    // DockerImage made of the tag) and needs build=False, push=False to leave it alone; and apply() refuses job
    // variables without a work pool, so every element names the (stand-in) pool even when the 2.x one named none
    @Test
    void anExistingImageIsRegisteredByApplyNotBuilt() throws Exception {
        convertsAndCompiles(
            """
            from prefect.deployments import Deployment
            from prefect.infrastructure import DockerContainer

            from flows.etl import extract, load

            docker = DockerContainer(image="ghcr.io/acme/etl:2.3")

            deployments = [
                Deployment.build_from_flow(flow=extract, name="extract", infrastructure=docker),
                Deployment.build_from_flow(flow=load, name="load", infrastructure=docker, work_queue_name="etl"),
            ]

            if __name__ == "__main__":
                for deployment in deployments:
                    deployment.apply()
            """,
            """
            from flows.etl import extract, load

            deployments = [
                extract.to_deployment(name="extract", job_variables={"image": "ghcr.io/acme/etl:2.3"}, work_pool_name="docker-pool", enforce_parameter_schema=False),
                load.to_deployment(name="load", work_queue_name="etl", job_variables={"image": "ghcr.io/acme/etl:2.3"}, work_pool_name="docker-pool", enforce_parameter_schema=False),
            ]

            if __name__ == "__main__":
                for deployment in deployments:
                    deployment.apply()
            """);
    }

    /** The recipe turns {@code before} (deploy.py) into {@code after}, and CPython compiles the result. */
    private void convertsAndCompiles(String before, String after) throws Exception {
        rewriteRun(python(before, after, spec -> spec.path("deploy.py")));
        Path file = Files.writeString(work.resolve("deploy.py"), after);
        PythonCompileOracle.assertCompiles(List.of(file));
    }
}
