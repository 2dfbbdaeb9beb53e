package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/**
 * Infrastructure blocks built inside the function that deploys ({@code def main(): infra = DockerContainer(...)}),
 * as deployment scripts often do: the block's fields become job variables as for a module-level block.
 */
class ReplaceDeploymentBuildFromFlowLocalBlocksTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceDeploymentBuildFromFlow());
    }

    @Test
    void aBlockBuiltInTheDeployingFunctionBecomesJobVariables() {
        rewriteRun(python("""
                from prefect.deployments import Deployment
                from prefect.infrastructure import DockerContainer

                from flows import etl


                def main():
                    infra = DockerContainer(image="acme/etl:2", env={"MODE": "prod"}, auto_remove=True)
                    deployment = Deployment.build_from_flow(
                        flow=etl,
                        name="etl-hourly",
                        infrastructure=infra,
                        work_pool_name="docker-pool",
                    )
                    deployment.apply()


                if __name__ == "__main__":
                    main()
                """, """
                from flows import etl


                def main():
                    deployment = etl.to_deployment(
                        name="etl-hourly",
                        work_pool_name="docker-pool",
                        job_variables={"image": "acme/etl:2", "env": {"MODE": "prod"}, "auto_remove": True},
                        enforce_parameter_schema=False,
                    )
                    deployment.apply()


                if __name__ == "__main__":
                    main()
                """, spec -> spec.path("deploy.py")));
    }

    // found by the Prefect 2 Python sweep (an async deployment script that builds and saves its Process block in
    // main()): the deployment went to process-pool while the block's TODO said to create a pool named after the saved
    // block; a block the deploying function saves names the pool as a module-level one does
    @Test
    void aBlockTheDeployingFunctionSavesNamesThePool() {
        rewriteRun(python("""
                from prefect.deployments import Deployment
                from prefect.infrastructure import Process

                from flows import etl


                def main():
                    local = Process(working_dir="/opt/etl")
                    local.save("etl-local", overwrite=True)
                    Deployment.build_from_flow(flow=etl, name="etl", infrastructure=local, apply=True)
                """, """
                from pathlib import Path

                from prefect.infrastructure import Process

                from flows import etl


                def main():
                    local = Process(working_dir="/opt/etl")
                    local.save("etl-local", overwrite=True)
                    etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").deploy(name="etl", job_variables={"working_dir": "/opt/etl"}, work_pool_name="etl-local", enforce_parameter_schema=False)
                """, spec -> spec.path("deploy.py")));
    }

    // which block the name holds depends on the branch taken: not converted, the TODO says so
    @Test
    void aBlockAssignedOnTwoPathsIsNotGuessed() {
        rewriteRun(python("""
                from prefect.deployments import Deployment
                from prefect.infrastructure import DockerContainer

                from flows import etl


                def main(prod):
                    if prod:
                        infra = DockerContainer(image="acme/etl:2")
                    else:
                        infra = DockerContainer(image="acme/etl:dev")
                    Deployment.build_from_flow(flow=etl, name="etl", infrastructure=infra, work_pool_name="docker-pool").apply()
                """, """
                from pathlib import Path

                from prefect.infrastructure import DockerContainer

                from flows import etl


                def main(prod):
                    if prod:
                        infra = DockerContainer(image="acme/etl:2")
                    else:
                        infra = DockerContainer(image="acme/etl:dev")
                    # TODO(migrate PF205): infrastructure blocks were removed in Prefect 3; put this block's settings into job_variables of a typed work pool
                    etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").deploy(name="etl", work_pool_name="docker-pool", enforce_parameter_schema=False)
                """, spec -> spec.path("deploy.py")));
    }

    @Test
    void aFunctionBuildingABlockWithoutADeploymentIsLeftAlone() {
        rewriteRun(python("""
                from prefect.infrastructure import DockerContainer


                def main():
                    infra = DockerContainer(image="acme/etl:2")
                    infra.save("etl", overwrite=True)
                """));
    }
}
