package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/**
 * Arguments of {@code build_from_flow} written the ways real deployment scripts write them (found by the session
 * 12 sweep of Prefect 2 projects): passed on with {@code **kwargs}, schedules given as dicts, storage and an image
 * together.
 */
class ReplaceDeploymentBuildFromFlowArgumentsTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceDeploymentBuildFromFlow());
    }

    // `**common` was removed with the call's other leftovers: its queue and tags were lost without a word
    @Test
    void argumentsPassedOnWithDoubleStarAreKeptWhenDeployTakesThemAsTheyAre() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment

                from pipelines import ingest

                common = dict(
                    work_pool_name="ingest",
                    tags=["ingest"],
                )

                for source in ["crm", "erp"]:
                    Deployment.build_from_flow(
                        flow=ingest,
                        name=f"ingest-{source}",
                        parameters={"source": source},
                        apply=True,
                        **common,
                    )
                """,
                """
                from pathlib import Path

                from pipelines import ingest

                common = dict(
                    work_pool_name="ingest",
                    tags=["ingest"],
                )

                for source in ["crm", "erp"]:
                    ingest.from_source(source=str(Path(__file__).resolve().parent), entrypoint="pipelines.py:ingest").deploy(
                        name=f"ingest-{source}",
                        parameters={"source": source},
                        **common,
                        enforce_parameter_schema=False,
                    )
                """));
    }

    @Test
    void argumentsPassedOnThatDeployDoesNotTakeLeaveTheCallToAPerson() {
        rewriteRun(
            spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .extracting(MigrationNotes.Row::message)
                .containsExactly("Deployment.build_from_flow was removed in Prefect 3; **params passes [flow, apply], "
                        + "which flow.deploy(...) does not take as they are: move them out of it and convert the call",
                    "Deployment.build_from_flow was removed in Prefect 3; its arguments come partly from **options, "
                        + "whose keys must become flow.deploy(...) or flow.to_deployment(...) arguments "
                        + "(infra_overrides as job_variables, schedule as schedules=[...], no storage, "
                        + "infrastructure, path or apply)")),
            python(
                """
                from prefect.deployments import Deployment
                from flows import f

                params = {"flow": f, "name": "from-dict", "work_queue_name": "q", "apply": True}
                Deployment.build_from_flow(**params)


                def deploy(options):
                    Deployment.build_from_flow(f, "x", apply=True, **options)
                """,
                """
                from prefect.deployments import Deployment
                from flows import f

                params = {"flow": f, "name": "from-dict", "work_queue_name": "q", "apply": True}
                # TODO(migrate PF214): Deployment.build_from_flow was removed in Prefect 3; **params passes [flow, apply], which flow.deploy(...) does not take as they are: move them out of it and convert the call
                Deployment.build_from_flow(**params)


                def deploy(options):
                    # TODO(migrate PF214): Deployment.build_from_flow was removed in Prefect 3; its arguments come partly from **options, whose keys must become flow.deploy(...) or flow.to_deployment(...) arguments (infra_overrides as job_variables, schedule as schedules=[...], no storage, infrastructure, path or apply)
                    Deployment.build_from_flow(f, "x", apply=True, **options)
                """));
    }

    // a Kubernetes demo typed its helpers `def apply(deployment: Deployment)`: every call was converted, but the
    // annotations kept `from prefect.deployments import Deployment`, so the script failed on that import
    @Test
    void annotationsNamingDeploymentNameRunnerDeploymentOnceEveryCallIsConverted() {
        rewriteRun(
            python(
                """
                from typing import List

                from prefect.deployments import Deployment

                from flows import etl


                def build(name: str) -> Deployment:
                    return Deployment.build_from_flow(flow=etl, name=name, work_pool_name="k8s")


                def apply(deployment: Deployment, *others: Deployment) -> None:
                    deployment.apply()


                deployments: List[Deployment] = [build(n) for n in ["a", "b"]]
                """,
                """
                from pathlib import Path
                from typing import List

                from prefect.deployments.runner import RunnerDeployment

                from flows import etl


                def build(name: str) -> RunnerDeployment:
                    return etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").to_deployment(name=name, work_pool_name="k8s", enforce_parameter_schema=False)


                def apply(deployment: RunnerDeployment, *others: RunnerDeployment) -> None:
                    deployment.apply()


                deployments: List[RunnerDeployment] = [build(n) for n in ["a", "b"]]
                """));
    }

    // a call left to a person still builds a Prefect 2 Deployment: its annotations and import stay
    @Test
    void annotationsStayWhileACallIsLeftToAPerson() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment
                from prefect.filesystems import S3

                from flows import etl


                def apply(deployment: Deployment) -> None:
                    deployment.apply()


                apply(Deployment.build_from_flow(flow=etl, name="a", storage=S3.load("prod"), work_pool_name="k8s"))
                """,
                """
                from prefect.deployments import Deployment
                from prefect.filesystems import S3

                from flows import etl


                def apply(deployment: Deployment) -> None:
                    deployment.apply()


                # TODO(migrate PF214): Deployment.build_from_flow was removed in Prefect 3; use flow.from_source(...).deploy(...) or flow.to_deployment(...)
                apply(Deployment.build_from_flow(flow=etl, name="a", storage=S3.load("prod"), work_pool_name="k8s"))
                """));
    }

    // a Kubernetes demo wrote `infrastructure=KubernetesJob(),  # type: ignore`: the argument went and its pragma
    // stayed on a line of its own, speaking of nothing; a comment in the user's words still stays
    @Test
    void aToolPragmaEndingARemovedArgumentGoesWithIt() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment
                from prefect.infrastructure import KubernetesJob

                from flows import etl

                Deployment.build_from_flow(
                    flow=etl,
                    name="local",
                    work_pool_name="k8s",
                    infrastructure=KubernetesJob(),  # type: ignore
                    output="etl.yaml",  # kept for diffs across versions
                    apply=True,
                )
                """,
                """
                from pathlib import Path

                from flows import etl

                etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").deploy(
                    name="local",
                    work_pool_name="k8s",
                    enforce_parameter_schema=False,
                    # kept for diffs across versions
                )
                """));
    }

    // a data-platform compose project mounted its flows at /root/flows in the agent's container and built with
    // path="/root": path= was dropped and the deployment pointed workers at the deploy script's directory, which
    // the worker's container does not have
    @Test
    void aPathWithoutStorageNamesWhereTheAgentRanTheFlowAndIsLeftToAPerson() {
        rewriteRun(
            spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.manual()).isTrue();
                assertThat(r.line()).isEqualTo(4);
                assertThat(r.message()).contains("path=\"/root\" on the agent's machine");
            })),
            python(
                """
                from flows.example import main
                from prefect.deployments import Deployment

                deployment = Deployment.build_from_flow(
                    flow=main,
                    name="sample",
                    path="/root",
                    entrypoint="/root/flows/example.py:main",
                    work_queue_name="my_queue",
                )
                deployment.apply()
                """,
                """
                from flows.example import main
                from prefect.deployments import Deployment

                # TODO(migrate PF214): Prefect 2 ran this flow from path="/root" on the agent's machine, not from this script's directory: deploy it with flow.from_source(source=<that directory>, entrypoint=...).deploy(...) run where that directory exists, or from remote storage or an image
                deployment = Deployment.build_from_flow(
                    flow=main,
                    name="sample",
                    path="/root",
                    entrypoint="/root/flows/example.py:main",
                    work_queue_name="my_queue",
                )
                deployment.apply()
                """));
    }

    // path="." and os.getcwd() name the directory the build ran in, where 2.x put the flow anyway
    @Test
    void aPathNamingTheBuildDirectoryIsDroppedAsBefore() {
        rewriteRun(
            python(
                """
                import os

                from prefect.deployments import Deployment

                from flows import etl

                Deployment.build_from_flow(flow=etl, name="a", path=os.getcwd(), work_pool_name="p", apply=True)
                Deployment.build_from_flow(flow=etl, name="b", path='.', work_pool_name="p", apply=True)
                """,
                """
                from pathlib import Path

                from flows import etl

                etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").deploy(name="a", work_pool_name="p", enforce_parameter_schema=False)
                etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").deploy(name="b", work_pool_name="p", enforce_parameter_schema=False)
                """));
    }

    // schedules=[{"cron": ...}] raised TypeError: Prefect 3 passes a dict's keys to create_deployment_schedule_create
    @Test
    void aScheduleWrittenAsADictBecomesTheScheduleClass() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment

                from flows import hourly

                d = Deployment.build_from_flow(
                    hourly,
                    "hourly-dict",
                    schedule={"cron": "0 * * * *", "timezone": "Asia/Tokyo"},
                    work_pool_name="proc",
                )
                d.apply()
                Deployment.build_from_flow(hourly, "every-10", schedule={"interval": 600}, work_pool_name="proc", apply=True)
                """,
                """
                from pathlib import Path

                from prefect.client.schemas.schedules import CronSchedule, IntervalSchedule

                from flows import hourly

                d = hourly.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:hourly").to_deployment(
                    name="hourly-dict",
                    schedules=[CronSchedule(cron="0 * * * *", timezone="Asia/Tokyo")],
                    work_pool_name="proc",
                    enforce_parameter_schema=False,
                )
                d.apply()
                hourly.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:hourly").deploy(name="every-10", schedules=[IntervalSchedule(interval=600)], work_pool_name="proc", enforce_parameter_schema=False)
                """));
    }

    @Test
    void aScheduleDictOfUnknownShapeIsNoted() {
        rewriteRun(
            spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(MigrationNotes.Row::manual).extracting(MigrationNotes.Row::message)
                .containsExactly("the schedule dict {\"cron\": CRON, **extra} must become a CronSchedule, "
                        + "IntervalSchedule or RRuleSchedule: Prefect 3 reads a dict in schedules=[...] as a "
                        + "schedule's options, not as the schedule")),
            python(
                """
                from prefect.deployments import Deployment

                from flows import hourly

                Deployment.build_from_flow(hourly, "x", schedule={"cron": CRON, **extra}, work_pool_name="proc", apply=True)
                """,
                """
                from pathlib import Path

                from flows import hourly

                hourly.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:hourly").deploy(name="x", schedules=[{"cron": CRON, **extra}], work_pool_name="proc", enforce_parameter_schema=False)
                """));
    }

    // the image was deployed as is and the S3 source dropped, leaving an unused prefect_aws import: 2.x pulled the
    // code from the bucket into the container, so the code would have had to be baked into the image
    @Test
    void storageAndAnImageTogetherDeployTheImageWithTheCodePulledFromTheStorage() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment
                from prefect.filesystems import S3
                from prefect.infrastructure import DockerContainer

                from etl import etl

                Deployment.build_from_flow(
                    flow=etl,
                    name="etl-docker",
                    work_pool_name="docker-pool",
                    storage=S3(bucket_path="my-bucket/flows/etl"),
                    infrastructure=DockerContainer(image="acme/etl:1.2.0", env={"MODE": "prod"}),
                    entrypoint="etl.py:etl",
                    enforce_parameter_schema=True,
                    apply=True,
                )
                """,
                """
                from prefect_aws import S3Bucket

                from etl import etl

                etl.from_source(source=S3Bucket(bucket_name="my-bucket", bucket_folder="flows/etl"), entrypoint="etl.py:etl").deploy(
                    name="etl-docker",
                    work_pool_name="docker-pool",
                    enforce_parameter_schema=True,
                    job_variables={"env": {"MODE": "prod"}},
                    image="acme/etl:1.2.0",
                    build=False,
                    push=False,
                )
                """));
    }

    // the block (removed with the call) held a JSON patch no job variable takes: it was only in the run's notes
    @Test
    void blockFieldsWithoutAJobVariableAreKeptInTheTodo() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment
                from prefect.infrastructure import KubernetesJob

                from flows import daily

                k8s = KubernetesJob(
                    image="acme/daily:3",
                    namespace="flows",
                    customizations=[
                        {"op": "add", "path": "/spec/x", "value": 1},  # the x patch
                    ],
                )

                Deployment.build_from_flow(flow=daily, name="daily", infrastructure=k8s, work_pool_name="k8s", apply=True)
                """,
                """
                from flows import daily

                # TODO(migrate PF205): set these infrastructure block fields in the kubernetes work pool's base job template: customizations=[{"op": "add", "path": "/spec/x", "value": 1},]
                daily.deploy(name="daily", work_pool_name="k8s", job_variables={"namespace": "flows"}, image="acme/daily:3", build=False, push=False, enforce_parameter_schema=False)
                """));
    }

    // an annotated assignment was left to a person with "build_from_flow was removed"
    @Test
    void anAnnotatedDeploymentVariableIsConvertedAndAnnotatedAsARunnerDeployment() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment

                from flows import awkward

                deployment: Deployment = Deployment.build_from_flow(  # build it
                    flow=awkward,  # the flow
                    name="awkward",
                    work_pool_name="pool",  # the pool
                    apply=True,  # apply now
                )
                print("registered")
                """,
                """
                from pathlib import Path

                from prefect.deployments.runner import RunnerDeployment

                from flows import awkward

                deployment: RunnerDeployment = awkward.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:awkward").to_deployment(  # build it
                    # the flow
                    name="awkward",
                    work_pool_name="pool",  # the pool
                    enforce_parameter_schema=False,
                    # apply now
                )
                deployment.apply()
                print("registered")
                """));
    }

    // the enum member stayed, with the import of its removed module: the script failed at import in Prefect 3
    @Test
    void anImagePullPolicyEnumBecomesTheStringTheWorkerTakes() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment
                from prefect.infrastructure.kubernetes import KubernetesJob, KubernetesImagePullPolicy

                from flows import daily

                Deployment.build_from_flow(
                    flow=daily,
                    name="daily",
                    infrastructure=KubernetesJob(namespace="flows", image_pull_policy=KubernetesImagePullPolicy.IF_NOT_PRESENT),
                    work_pool_name="k8s",
                    apply=True,
                )
                """,
                """
                from pathlib import Path

                from flows import daily

                daily.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:daily").deploy(
                    name="daily",
                    work_pool_name="k8s",
                    job_variables={"namespace": "flows", "image_pull_policy": "IfNotPresent"},
                    enforce_parameter_schema=False,
                )
                """));
    }

    // DockerContainer(image_pull_policy="ALWAYS") was valid in 2.x (the enum's values are its member names); the
    // docker worker takes only "IfNotPresent", "Always" or "Never", so the converted job variable was rejected
    @Test
    void aPullPolicyStringOfTheDockerBlockIsSpelledAsTheWorkerTakesIt() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment
                from prefect.infrastructure import DockerContainer

                from flows import daily

                Deployment.build_from_flow(
                    flow=daily,
                    name="daily",
                    infrastructure=DockerContainer(image_pull_policy="ALWAYS", auto_remove=True),
                    work_pool_name="docker",
                    apply=True,
                )
                """,
                """
                from pathlib import Path

                from flows import daily

                daily.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:daily").deploy(
                    name="daily",
                    work_pool_name="docker",
                    job_variables={"image_pull_policy": "Always", "auto_remove": True},
                    enforce_parameter_schema=False,
                )
                """));
    }

    // infra_overrides={"image_pull_policy": "ALWAYS"} kept 2.x's spelling, which the docker worker rejects
    // (noticed by the session 14 sweep)
    @Test
    void aPullPolicyInTheOverridesIsSpelledAsTheWorkerTakesIt() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment

                from flows import daily

                Deployment.build_from_flow(
                    flow=daily,
                    name="daily",
                    work_pool_name="docker",
                    infra_overrides={"image_pull_policy": "ALWAYS", "env": {"MODE": "ALWAYS"}},
                    apply=True,
                )
                """,
                """
                from pathlib import Path

                from flows import daily

                daily.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:daily").deploy(
                    name="daily",
                    work_pool_name="docker",
                    job_variables={"image_pull_policy": "Always", "env": {"MODE": "ALWAYS"}},
                    enforce_parameter_schema=False,
                )
                """));
    }

    // course deployment scripts loaded prefect-github's GitHubRepository block as storage: the call was left with
    // "this storage block was removed in Prefect 3", while Prefect 3 takes the block itself as from_source's source
    // (2.x cloned it and uploaded nothing); a bucket block of Prefect 3 still needs the upload done by hand
    @Test
    void aGitRepositoryBlockOfAnIntegrationIsTheSourceAsItIs() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment
                from prefect_github.repository import GitHubRepository
                from prefect_aws import S3Bucket

                from flows import etl

                storage = GitHubRepository.load("github-prefect-code")
                bucket = S3Bucket.load("flows")

                deployment = Deployment.build_from_flow(
                    flow=etl,
                    name="github-deployment",
                    storage=storage,
                    entrypoint="flows/02_gcp/flows.py:etl",
                    work_pool_name="gcp",
                )
                Deployment.build_from_flow(flow=etl, name="s3", storage=bucket, work_pool_name="gcp", apply=True)

                if __name__ == "__main__":
                    deployment.apply()
                """,
                """
                from prefect.deployments import Deployment
                from prefect_github.repository import GitHubRepository
                from prefect_aws import S3Bucket

                from flows import etl

                storage = GitHubRepository.load("github-prefect-code")
                bucket = S3Bucket.load("flows")

                deployment = etl.from_source(source=storage, entrypoint="flows/02_gcp/flows.py:etl").to_deployment(
                    name="github-deployment",
                    work_pool_name="gcp",
                    enforce_parameter_schema=False,
                )
                # TODO(migrate PF206): this storage block still works in Prefect 3 as flow.from_source(source=<the block>, entrypoint=...), but Prefect 3 does not upload the code any more: push it to the bucket first (a prefect.yaml push step), then deploy
                Deployment.build_from_flow(flow=etl, name="s3", storage=bucket, work_pool_name="gcp", apply=True)

                if __name__ == "__main__":
                    deployment.apply()
                """));
    }

    // async deployment scripts awaited build_from_flow (sync_compatible in 2.x): left to a person before; in async
    // code Prefect 3's from_source and to_deployment/deploy return coroutines, so both are awaited
    @Test
    void anAwaitedDeploymentIsConvertedWithAwaitedCalls() {
        rewriteRun(
            python(
                """
                import asyncio
                from prefect.deployments import Deployment

                from flows import aflow


                async def main():
                    deployment = await Deployment.build_from_flow(flow=aflow, name="later", work_pool_name="p")
                    await deployment.apply()
                    now = await Deployment.build_from_flow(flow=aflow, name="now", work_pool_name="p", apply=True)
                    await Deployment.build_from_flow(flow=aflow, name="inline", work_pool_name="p", apply=True)
                    return now
                """,
                """
                import asyncio
                from pathlib import Path

                from flows import aflow


                async def main():
                    deployment = await (await aflow.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:aflow")).to_deployment(name="later", work_pool_name="p", enforce_parameter_schema=False)
                    await deployment.apply()
                    now = await (await aflow.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:aflow")).to_deployment(name="now", work_pool_name="p", enforce_parameter_schema=False)
                    await now.apply()
                    await (await aflow.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:aflow")).deploy(name="inline", work_pool_name="p", enforce_parameter_schema=False)
                    return now
                """));
    }

    @Test
    void anAwaitedDeploymentThatWouldBeServedIsLeftToAPerson() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment
                from flows import aflow


                async def main():
                    await Deployment.build_from_flow(flow=aflow, name="local", apply=True)
                """,
                """
                from prefect.deployments import Deployment
                from flows import aflow


                async def main():
                    # TODO(migrate PF214): Deployment.build_from_flow was removed in Prefect 3; in async code serve the flow with await prefect.aserve(await flow.to_deployment(...)) or deploy it to a work pool with await flow.deploy(...)
                    await Deployment.build_from_flow(flow=aflow, name="local", apply=True)
                """));
    }

    // scan reported the deployment as fixed by this recipe, which changed nothing and said nothing
    @Test
    void aDeploymentFromAStarImportIsConverted() {
        rewriteRun(
            python(
                """
                from prefect import *
                from prefect.deployments import *

                from flows import starred

                Deployment.build_from_flow(flow=starred, name="s", work_pool_name="p", apply=True)
                """,
                """
                from pathlib import Path

                from prefect import *
                from prefect.deployments import *

                from flows import starred

                starred.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:starred").deploy(name="s", work_pool_name="p", enforce_parameter_schema=False)
                """));
    }

    // found by the session 12 sweep: the 2.x Deployment methods stayed on what is now a RunnerDeployment
    @Test
    void prefect2DeploymentMethodsOnTheVariableAreDroppedOrFlagged() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment
                from flows import etl

                deployment = Deployment.build_from_flow(flow=etl, name="etl", work_pool_name="proc")
                deployment.upload_to_storage()
                deployment_id = deployment.apply(upload=True)
                print(deployment.name, deployment_id)
                """,
                """
                from pathlib import Path

                from flows import etl

                deployment = etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="flows.py:etl").to_deployment(name="etl", work_pool_name="proc", enforce_parameter_schema=False)
                # TODO(migrate PF214): deployment is a Prefect 3 RunnerDeployment, which has no upload_to_storage(): push the code where from_source reads it (a prefect.yaml push step) and remove this call
                deployment.upload_to_storage()
                deployment_id = deployment.apply()
                print(deployment.name, deployment_id)
                """));
    }
}
