package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;

/** {@code Deployment(...)} objects (named by entrypoint, applied at once or later) become flow.from_source deployments. */
class ReplaceDeploymentConstructorTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceDeploymentBuildFromFlow());
    }

    @DocumentExample
    @Test
    void aStoredDeploymentWithGitHubStorageLoadsItsFlowFromTheRepository() {
        rewriteRun(python(
            """
            from prefect.deployments import Deployment
            from prefect.filesystems import GitHub
            from prefect.server.schemas.schedules import CronSchedule

            deployment = Deployment(
                name="etl-prod",
                flow_name="etl",
                entrypoint="flows/etl.py:etl",
                storage=GitHub(repository="https://github.com/acme/flows", reference="main"),
                work_pool_name="k8s",
                schedule=CronSchedule(cron="0 3 * * *", timezone="UTC"),
                parameters={"full": False},
            )

            if __name__ == "__main__":
                deployment.apply()
            """,
            """
            from prefect import flow
            from prefect.runner.storage import GitRepository
            from prefect.server.schemas.schedules import CronSchedule

            deployment = flow.from_source(source=GitRepository(url="https://github.com/acme/flows", branch="main"), entrypoint="flows/etl.py:etl").to_deployment(
                name="etl-prod",
                work_pool_name="k8s",
                schedules=[CronSchedule(cron="0 3 * * *", timezone="UTC")],
                parameters={"full": False},
                enforce_parameter_schema=False,
            )

            if __name__ == "__main__":
                deployment.apply()
            """));
    }

    @Test
    void anAppliedDeploymentWithoutStorageDeploysFromTheProjectRoot() {
        rewriteRun(python(
            """
            from prefect import flow
            from prefect.deployments import Deployment

            Deployment(
                name="nightly",
                entrypoint="pipelines/nightly.py:run",
                work_pool_name="process",
                is_schedule_active=False,
                infra_overrides={"env": {"MODE": "full"}},
            ).apply()
            """,
            """
            from pathlib import Path

            from prefect import flow

            flow.from_source(source=str(Path(__file__).resolve().parent.parent), entrypoint="pipelines/nightly.py:run").deploy(
                name="nightly",
                work_pool_name="process",
                paused=True,
                job_variables={"env": {"MODE": "full"}},
                enforce_parameter_schema=False,
            )
            """,
            spec -> spec.path("deploy/nightly.py")));
    }

    @Test
    void aStoragePathIsJoinedToTheEntrypointAndALocalPathIsTheSource() {
        rewriteRun(python(
            """
            from prefect.deployments import Deployment
            from prefect.filesystems import GitHub

            remote = Deployment(name="a", entrypoint="etl.py:run", path="flows/", work_pool_name="p",
                                storage=GitHub(repository="https://git.local/data.git"))
            local = Deployment(name="b", entrypoint="etl.py:run", path="/srv/flows", work_pool_name="p")
            """,
            """
            from prefect import flow
            from prefect.runner.storage import GitRepository

            remote = flow.from_source(source=GitRepository(url="https://git.local/data.git"), entrypoint="flows/etl.py:run").to_deployment(name="a", work_pool_name="p", enforce_parameter_schema=False)
            local = flow.from_source(source="/srv/flows", entrypoint="etl.py:run").to_deployment(name="b", work_pool_name="p", enforce_parameter_schema=False)
            """));
    }

    @Test
    void aDeploymentReturnedToTheCallerBecomesARunnerDeployment() {
        rewriteRun(python(
            """
            from prefect.deployments import Deployment

            from flows.etl import etl


            def build(name):
                return Deployment.build_from_flow(flow=etl, name=name, work_pool_name="p", version="2")


            if __name__ == "__main__":
                build("nightly").apply()
            """,
            """
            from pathlib import Path

            from flows.etl import etl


            def build(name):
                return etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows/etl.py:etl").to_deployment(name=name, work_pool_name="p", version="2", enforce_parameter_schema=False)


            if __name__ == "__main__":
                build("nightly").apply()
            """));
    }

    @Test
    void withoutAnEntrypointItStaysForAPerson() {
        rewriteRun(python(
            """
            from prefect.deployments import Deployment

            deployment = Deployment(name="x", flow_name="etl", work_pool_name="p")
            deployment.apply()
            """,
            """
            from prefect.deployments import Deployment

            # TODO(migrate PF214): Deployment(...) was removed in Prefect 3; it names no entrypoint, which flow.from_source(source=..., entrypoint=...).deploy(...) needs (the flow's file and function, "path/file.py:function")
            deployment = Deployment(name="x", flow_name="etl", work_pool_name="p")
            deployment.apply()
            """));
    }

    @Test
    void aDeploymentClassNeverCalledIsLeftAlone() {
        rewriteRun(python(
            """
            from prefect.deployments import Deployment

            def describe(d: Deployment) -> str:
                return d.name
            """));
    }
}
