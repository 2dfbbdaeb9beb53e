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
 * The deployment conversion and the import move together, in the composite's order: a deployment the conversion
 * leaves to a person (S3 storage, which Prefect 3 does not upload to) keeps its Prefect 2 schedule, while the one it
 * converts gets Prefect 3's.
 */
class UnconvertedDeploymentSchedulesTest implements PythonRewriteTest {
    @TempDir
    Path work;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipes(new ReplaceDeploymentBuildFromFlow(), new MoveRemovedPrefectImports());
    }

    @Test
    void onlyTheConvertedDeploymentGetsPrefect3Schedules() throws Exception {
        String after = """
            from pathlib import Path

            from prefect.deployments import Deployment
            from prefect.filesystems import S3
            from prefect.schedules import Interval
            from prefect.server.schemas.schedules import CronSchedule

            from flows.etl import etl

            # TODO(migrate PF206): this loads a prefect.filesystems.S3 block, removed in Prefect 3: save a prefect_aws.S3Bucket block under this name (run the converted script that built it), push the code there (Prefect 3 does not upload it), and deploy with flow.from_source(source=S3Bucket.load("code"), entrypoint=...)
            nightly = Deployment.build_from_flow(
                flow=etl,
                name="nightly",
                storage=S3.load("code"),
                schedule=CronSchedule(cron="0 2 * * *", timezone="UTC"),
                work_queue_name="default",
            )

            hourly = etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows/etl.py:etl").to_deployment(
                name="hourly",
                schedules=[Interval(3600)],
                work_pool_name="process-pool",
                enforce_parameter_schema=False,
            )

            if __name__ == "__main__":
                nightly.apply()
                hourly.apply()
            """;
        rewriteRun(
            python("""
                from prefect import flow

                @flow
                def etl():
                    pass
                """, s -> s.path("flows/etl.py")),
            python(
                """
                from prefect.deployments import Deployment
                from prefect.filesystems import S3
                from prefect.server.schemas.schedules import CronSchedule, IntervalSchedule

                from flows.etl import etl

                nightly = Deployment.build_from_flow(
                    flow=etl,
                    name="nightly",
                    storage=S3.load("code"),
                    schedule=CronSchedule(cron="0 2 * * *", timezone="UTC"),
                    work_queue_name="default",
                )

                hourly = Deployment.build_from_flow(
                    flow=etl,
                    name="hourly",
                    schedule=IntervalSchedule(interval=3600),
                )

                if __name__ == "__main__":
                    nightly.apply()
                    hourly.apply()
                """, after, s -> s.path("deploy.py")));
        PythonCompileOracle.assertCompiles(List.of(Files.writeString(work.resolve("deploy.py"), after)));
    }

    @Test
    void aDeploymentLeftToAPersonAloneKeepsItsImports() {
        rewriteRun(python(
            """
            from prefect.deployments import Deployment
            from prefect.server.schemas.schedules import IntervalSchedule

            from flows.etl import etl

            # TODO(migrate PF214): the agent ran this flow from /opt/flows; deploy it from where its code is
            Deployment.build_from_flow(flow=etl, name="hourly", path="/opt/flows", schedule=IntervalSchedule(interval=60), **extra)
            """));
    }
}
