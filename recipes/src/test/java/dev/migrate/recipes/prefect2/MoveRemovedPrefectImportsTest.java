package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;

class MoveRemovedPrefectImportsTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MoveRemovedPrefectImports());
    }

    @DocumentExample
    @Test
    void schedulesMoveToPrefectSchedulesOnTheDefaultTarget() {
        rewriteRun(python(
            """
            from prefect.server.schemas.schedules import CronSchedule, IntervalSchedule  # both

            daily = CronSchedule(cron="0 2 * * *", timezone="Europe/Paris")
            hourly = IntervalSchedule(interval=3600)
            """,
            """
            from prefect.schedules import Cron, Interval  # both

            daily = Cron("0 2 * * *", timezone="Europe/Paris")
            hourly = Interval(3600)
            """));
    }

    // a deployment script of a GCS extraction project: `schedule=(CronSchedule(cron=..., timezone=...))`;
    // Prefect 3's Cron/Interval/RRule take their first parameter positional-only, so the keyword must go
    // a real flow kept a fallback for older Prefect releases: the move went into the except branch, the try lost
    // its import, and under Prefect 3 (where the try succeeds) the name was never bound
    @Test
    void aNameImportedInATryAndItsFallbackIsMovedInTheTry() {
        rewriteRun(python(
            """
            from prefect import flow

            try:
                from prefect.task_runners import ConcurrentTaskRunner
            except ImportError:
                from prefect.engine import ConcurrentTaskRunner


            @flow(task_runner=ConcurrentTaskRunner())
            def main():
                pass
            """,
            """
            from prefect import flow

            try:
                from prefect.task_runners import ThreadPoolTaskRunner
            except ImportError:
                pass


            @flow(task_runner=ThreadPoolTaskRunner())
            def main():
                pass
            """));
    }

    // names of one statement going to different modules: each statement is edited by identity (the fallback's
    // own import of the same name is not the one removed), and an import inside a try stays inside it
    @Test
    void aStatementSplitAcrossModulesInATryKeepsItsImportsInTheTry() {
        rewriteRun(python(
            """
            try:
                from prefect.task_runners import ConcurrentTaskRunner, DaskTaskRunner  # 2.0 layout
            except ImportError:
                from prefect_dask import DaskTaskRunner
                from prefect.task_runners import ConcurrentTaskRunner

            RUNNERS = [ConcurrentTaskRunner, DaskTaskRunner]
            """,
            """
            try:
                from prefect.task_runners import ThreadPoolTaskRunner  # 2.0 layout
                from prefect_dask import DaskTaskRunner
            except ImportError:
                from prefect_dask import DaskTaskRunner
                from prefect.task_runners import ThreadPoolTaskRunner

            RUNNERS = [ThreadPoolTaskRunner, DaskTaskRunner]
            """));
    }

    @Test
    void aFunctionLocalImportMovesInTheFunction() {
        rewriteRun(python(
            """
            from prefect.task_runners import DaskTaskRunner

            DEFAULT = DaskTaskRunner


            def runner(parallel):
                from prefect.task_runners import DaskTaskRunner, RayTaskRunner
                return DaskTaskRunner() if parallel == "dask" else RayTaskRunner()
            """,
            """
            from prefect_dask import DaskTaskRunner

            DEFAULT = DaskTaskRunner


            def runner(parallel):
                from prefect_dask import DaskTaskRunner
                from prefect_ray import RayTaskRunner
                return DaskTaskRunner() if parallel == "dask" else RayTaskRunner()
            """));
    }

    @Test
    void scheduleValueBecomesThePositionalFirstArgumentWhereverItStood() {
        rewriteRun(python(
            """
            from prefect.server.schemas.schedules import CronSchedule, IntervalSchedule, RRuleSchedule

            a = (CronSchedule(timezone="UTC", cron="0 12 * * *"))
            b = IntervalSchedule(
                anchor_date=start,
                interval=timedelta(hours=1),  # hourly
            )
            c = RRuleSchedule(rrule = "FREQ=DAILY")
            """,
            """
            from prefect.schedules import Cron, Interval, RRule

            a = (Cron("0 12 * * *", timezone="UTC"))
            b = Interval(
                timedelta(hours=1),
                anchor_date=start,  # hourly
            )
            c = RRule("FREQ=DAILY")
            """));
    }

    @Test
    void positionalScheduleValueIsLeftAlone() {
        rewriteRun(python(
            """
            from prefect.schedules import Cron, Interval

            a = Cron("0 12 * * *", timezone="UTC")
            b = Interval(*args, interval=60)
            """));
    }

    @Test
    void schedulesMoveToClientSchemasBefore32() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse("3.1").putInto(ctx);
        rewriteRun(spec -> spec.executionContext(ctx), python(
            """
            from prefect.orion.schemas.schedules import CronSchedule
            s = CronSchedule(cron="0 * * * *")
            """,
            """
            from prefect.client.schemas.schedules import CronSchedule
            s = CronSchedule(cron="0 * * * *")
            """));
    }

    // found by the session 12 sweep: the client API validates schedules as the client models, so Cron(...) from
    // prefect.schedules in create_deployment_schedules or DeploymentScheduleCreate failed validation
    @Test
    void schedulesGivenToTheClientApiMoveToTheClientModels() {
        rewriteRun(
            python(
                """
                from prefect.server.schemas.schedules import CronSchedule, IntervalSchedule
                from prefect.client.schemas.actions import DeploymentScheduleCreate


                async def reschedule(client, deployment_id, every):
                    await client.create_deployment_schedules(deployment_id, [(CronSchedule(cron="0 0 * * *"), True)])
                    return DeploymentScheduleCreate(schedule=IntervalSchedule(interval=every), active=True)
                """,
                """
                from prefect.client.schemas.schedules import CronSchedule, IntervalSchedule
                from prefect.client.schemas.actions import DeploymentScheduleCreate


                async def reschedule(client, deployment_id, every):
                    await client.create_deployment_schedules(deployment_id, [(CronSchedule(cron="0 0 * * *"), True)])
                    return DeploymentScheduleCreate(schedule=IntervalSchedule(interval=every), active=True)
                """));
    }

    @Test
    void schedulesGivenToADeploymentStillMoveToPrefectSchedules() {
        rewriteRun(
            python(
                """
                from prefect.server.schemas.schedules import CronSchedule

                nightly = CronSchedule(cron="0 1 * * *")
                etl.deploy(name="etl", work_pool_name="pool", schedules=[CronSchedule(cron="0 2 * * *")])
                """,
                """
                from prefect.schedules import Cron

                nightly = Cron("0 1 * * *")
                etl.deploy(name="etl", work_pool_name="pool", schedules=[Cron("0 2 * * *")])
                """));
    }

    // found by the session 29 shakedown on real projects: a schedule built into a variable and given to a Deployment
    // class of another package went to Prefect 3's Cron factory, which that package's code does not take
    @Test
    void aScheduleVariableGivenToAnotherPackagesDeploymentMovesToTheClientModels() {
        rewriteRun(
            python(
                """
                from shipyard.deploying import Deployment
                from prefect.orion.schemas.schedules import CronSchedule
                from nightly import load_orders

                cr = CronSchedule(cron="5 4 * * *", timezone="Europe/Paris")
                Deployment.build_from_flow(flow=load_orders, name="orders", schedule=cr).apply()
                """,
                """
                from shipyard.deploying import Deployment
                from prefect.client.schemas.schedules import CronSchedule
                from nightly import load_orders

                cr = CronSchedule(cron="5 4 * * *", timezone="Europe/Paris")
                Deployment.build_from_flow(flow=load_orders, name="orders", schedule=cr).apply()
                """));
    }

    @Test
    void aScheduleVariableReadByOtherCodeMovesToTheClientModels() {
        rewriteRun(
            python(
                """
                from prefect.server.schemas.schedules import IntervalSchedule

                every = IntervalSchedule(interval=600)
                register_schedule("etl", every)
                """,
                """
                from prefect.client.schemas.schedules import IntervalSchedule

                every = IntervalSchedule(interval=600)
                register_schedule("etl", every)
                """));
    }

    @Test
    void aScheduleVariableGivenToPrefectsDeploymentStillMovesToPrefectSchedules() {
        rewriteRun(
            python(
                """
                from prefect.deployments import Deployment
                from prefect.server.schemas.schedules import CronSchedule
                from nightly import load_orders

                cr = CronSchedule(cron="5 4 * * *")
                Deployment.build_from_flow(flow=load_orders, name="orders", schedule=cr)
                load_orders.serve(name="orders", schedule=cr)
                """,
                """
                from prefect.deployments import Deployment
                from prefect.schedules import Cron
                from nightly import load_orders

                cr = Cron("5 4 * * *")
                Deployment.build_from_flow(flow=load_orders, name="orders", schedule=cr)
                load_orders.serve(name="orders", schedule=cr)
                """));
    }

    // found by the session 12 sweep: early 2.x flows returned prefect.orion states, reported as removed only
    @Test
    void statesFromPrefectOrionMoveToPrefectStates() {
        rewriteRun(
            python(
                """
                from prefect import flow
                from prefect.orion.schemas.states import Completed, Failed, StateType

                @flow
                def f(ok: bool):
                    state = Completed(message="ok") if ok else Failed(message="no")
                    return state if state.type != StateType.CANCELLED else None
                """,
                """
                from prefect import flow
                from prefect.states import Completed, Failed
                from prefect.client.schemas.objects import StateType

                @flow
                def f(ok: bool):
                    state = Completed(message="ok") if ok else Failed(message="no")
                    return state if state.type != StateType.CANCELLED else None
                """));
    }

    @Test
    void renamedTaskRunnerIsRenamedWhereUsed() {
        rewriteRun(python(
            """
            from prefect import flow
            from prefect.task_runners import ConcurrentTaskRunner

            @flow(task_runner=ConcurrentTaskRunner())
            def etl():
                pass
            """,
            """
            from prefect import flow
            from prefect.task_runners import ThreadPoolTaskRunner

            @flow(task_runner=ThreadPoolTaskRunner())
            def etl():
                pass
            """));
    }

    @Test
    void officialMovesMergeIntoExistingImportsAndKeepAliases() {
        rewriteRun(python(
            """
            from prefect import flow
            from prefect.engine import pause_flow_run, resume_flow_run as resume
            from prefect.client import get_client

            pause_flow_run(timeout=10)
            resume("id")
            get_client()
            """,
            """
            from prefect import flow
            from prefect.flow_runs import pause_flow_run, resume_flow_run as resume
            from prefect.client.orchestration import get_client

            pause_flow_run(timeout=10)
            resume("id")
            get_client()
            """));
    }

    @Test
    void movedFunctionBecomesAMethodOfItsNewClass() {
        rewriteRun(python(
            """
            from prefect.variables import get

            token = get("api_token")
            """,
            """
            from prefect.variables import Variable

            token = Variable.get("api_token")
            """));
    }

    @Test
    void moduleAliasIsRedirected() {
        rewriteRun(python(
            """
            import prefect.server.schemas.schedules as sch
            s = sch.CronSchedule(cron="0 * * * *")
            """,
            """
            import prefect.client.schemas.schedules as sch
            s = sch.CronSchedule(cron="0 * * * *")
            """));
    }

    // flows that import SequentialTaskRunner "just in case": in Prefect 3 the import alone fails
    @Test
    void anUnusedImportOfARemovedNameGoesBecauseItCanOnlyBreak() {
        rewriteRun(python(
            """
            from prefect import flow
            from prefect.task_runners import SequentialTaskRunner, ThreadPoolTaskRunner


            @flow(task_runner=ThreadPoolTaskRunner())
            def f():
                pass
            """,
            """
            from prefect import flow
            from prefect.task_runners import ThreadPoolTaskRunner


            @flow(task_runner=ThreadPoolTaskRunner())
            def f():
                pass
            """));
    }

    @Test
    void removedNamesThatMayBeReExportedStayForAPerson() {
        rewriteRun(
            python("from prefect.task_runners import SequentialTaskRunner\n", spec -> spec.path("pkg/__init__.py")),
            python("from prefect.task_runners import SequentialTaskRunner\n\n__all__ = [\"SequentialTaskRunner\"]\n"),
            python("from prefect.task_runners import SequentialTaskRunner\n\nrunner = SequentialTaskRunner\n"));
    }

    // prefect.orion was renamed in Prefect 2.8, so the 2.20 surface does not list it: its imports went unreported
    // (and so did the early 2.x prefect.infrastructure.docker, found by the session 12 sweep)
    @Test
    void orionImportsThatPrefect3LacksAreLeftForAPerson() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.code() + " " + r.manual() + " " + r.message())
                        .containsExactly(
                                "1 PF216 true prefect.orion.schemas.filters.FlowRunFilter does not exist in Prefect 3 "
                                        + "(prefect.orion was the early 2.x name of prefect.server); replace it",
                                "2 PF216 true prefect.client.orion.OrionClient does not exist in Prefect 3 "
                                        + "(prefect.client.orion was the early 2.x name of prefect.client.orchestration "
                                        + "(OrionClient is PrefectClient there)); replace it",
                                // an infrastructure block class: the code and sentence scan reports its import with
                                "3 PF205 true prefect.infrastructure.docker.DockerContainer does not exist in Prefect 3: "
                                        + "infrastructure blocks became work pools; create one of type docker (prefect "
                                        + "work-pool create NAME --type docker) and pass the block's fields as the "
                                        + "deployments' job variables")),
            python(
                """
                from prefect.orion.schemas.filters import FlowRunFilter
                from prefect.client.orion import OrionClient
                from prefect.infrastructure.docker import DockerContainer

                runs = OrionClient().read_flow_runs(flow_run_filter=FlowRunFilter())
                docker = DockerContainer(image="acme/etl:1")
                """));
    }

    // found by session 19's real-world check: Prefect 2.0 beta deployment specs were moved half-way (their schedule
    // import) and the beta-only names went unnoted, while scan reported them from the same early-packages data
    @Test
    void prefect2BetaDeploymentSpecsAreLeftForAPersonWithWhatBecameOfThem() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.code() + " " + r.message())
                        .contains(
                                "1 PF216 prefect.deployments.DeploymentSpec does not exist in Prefect 3 "
                                        + "(prefect.deployments.DeploymentSpec was the Prefect 2.0 beta deployment class "
                                        + "(removed in 2.0b9); declare the deployment in prefect.yaml or with "
                                        + "flow.deploy()); replace it",
                                "2 PF216 prefect.flow_runners.SubprocessFlowRunner does not exist in Prefect 3 "
                                        + "(prefect.flow_runners was the Prefect 2.0 beta module of flow runners, which "
                                        + "infrastructure blocks replaced in 2.0 and work pools in Prefect 3); replace it")),
            python(
                """
                from prefect.deployments import DeploymentSpec
                from prefect.flow_runners import SubprocessFlowRunner

                DeploymentSpec(name="nightly", flow_location="./flow.py", flow_runner=SubprocessFlowRunner())
                """));
    }

    // one construct, one code: scan reports an unused infrastructure block import as PF205, not as a removed name
    @Test
    void anUnusedInfrastructureBlockImportIsDroppedUnderTheCodeScanReportsIt() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.code() + " " + r.manual())
                        .containsExactly("2 PF205 false", "3 PF216 false")),
            python(
                """
                from prefect import flow
                from prefect.infrastructure import Process
                from prefect.agent import PrefectAgent


                @flow
                def etl():
                    pass
                """,
                """
                from prefect import flow


                @flow
                def etl():
                    pass
                """));
    }

    // the integrations' infrastructure blocks are gone from their releases for Prefect 3: an unused import of one can
    // only break and goes; a used one is noted with the pool type that replaces it, as scan reports it
    @Test
    void integrationInfrastructureBlockImportsAreDroppedOrNotedWithTheirPoolType() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.code() + " " + r.manual() + " " + r.message())
                        .containsExactly(
                                "2 PF205 false removed the unused import of prefect_aws.ecs.ECSTask, which the "
                                        + "prefect-aws releases for Prefect 3 no longer have (importing it would fail)",
                                "3 PF205 false removed the unused import of prefect_gcp.VertexAICustomTrainingJob, which "
                                        + "the prefect-gcp releases for Prefect 3 no longer have (importing it would fail)",
                                "3 PF205 true prefect_azure.container_instance.AzureContainerInstanceJob does not exist "
                                        + "in the prefect-azure releases for Prefect 3: infrastructure blocks became work "
                                        + "pools; create one of type azure-container-instance (prefect work-pool create "
                                        + "NAME --type azure-container-instance) and pass the block's fields as the "
                                        + "deployments' job variables")),
            python(
                """
                from prefect_aws import AwsCredentials
                from prefect_aws.ecs import ECSTask
                from prefect_gcp import GcsBucket, VertexAICustomTrainingJob
                from prefect_azure.container_instance import AzureContainerInstanceJob

                creds = AwsCredentials.load("aws")
                bucket = GcsBucket.load("lake")
                aci = AzureContainerInstanceJob.load("aci")
                """,
                """
                from prefect_aws import AwsCredentials
                from prefect_gcp import GcsBucket
                from prefect_azure.container_instance import AzureContainerInstanceJob

                creds = AwsCredentials.load("aws")
                bucket = GcsBucket.load("lake")
                aci = AzureContainerInstanceJob.load("aci")
                """));
    }

    // the integrations' other names, and their workers, are Prefect 3's
    @Test
    void theIntegrationsPrefect3NamesStay() {
        rewriteRun(python(
                """
                from prefect_aws import AwsCredentials, ECSWorker
                from prefect_gcp.workers.cloud_run import CloudRunWorker
                from prefect_azure import AzureContainerInstanceCredentials
                """));
    }

    // real flows read variables through the module more often than through `from prefect.variables import get`
    @Test
    void aMovedFunctionReachedThroughItsModuleMovesToo() {
        rewriteRun(
            python(
                """
                from prefect import flow, variables


                @flow
                def etl():
                    table = variables.get("table")
                    return variables.get(name="schema", default="public") + table
                """,
                """
                from prefect import flow
                from prefect.variables import Variable


                @flow
                def etl():
                    table = Variable.get("table")
                    return Variable.get(name="schema", default="public") + table
                """),
            python(
                """
                import prefect.variables

                x = prefect.variables.get("a")
                """,
                """
                from prefect.variables import Variable

                x = Variable.get("a")
                """));
    }

    @Test
    void aModuleAttributeThatDidNotMoveIsLeftAlone() {
        rewriteRun(python(
            """
            from prefect import variables, runtime

            name = runtime.flow_run.name
            v = variables.Variable.get("a")
            """));
    }

    @Test
    void prefect3ImportsAreLeftAlone() {
        rewriteRun(python(
            """
            from prefect import flow, task
            from prefect.client.schemas.schedules import CronSchedule
            from prefect.task_runners import ThreadPoolTaskRunner
            """));
    }

    // the setting objects of prefect.settings follow the settings renames: the same setting under its 3.x name
    @Test
    void removedSettingObjectsTakeTheirPrefect3Names() {
        rewriteRun(python(
            """
            from prefect.settings import PREFECT_ORION_API_HOST, PREFECT_API_URL, temporary_settings
            import prefect.settings

            with temporary_settings({PREFECT_ORION_API_HOST: "0.0.0.0", PREFECT_API_URL: "http://x/api"}):
                port = prefect.settings.PREFECT_ORION_API_PORT.value()
            """,
            """
            from prefect.settings import PREFECT_SERVER_API_HOST, PREFECT_API_URL, temporary_settings, PREFECT_SERVER_API_PORT

            with temporary_settings({PREFECT_SERVER_API_HOST: "0.0.0.0", PREFECT_API_URL: "http://x/api"}):
                port = PREFECT_SERVER_API_PORT.value()
            """));
    }

    @Test
    void settingObjectsThatPrefect3KeepsStay() {
        rewriteRun(python(
            """
            from prefect.settings import PREFECT_API_URL, PREFECT_LOGGING_LEVEL, temporary_settings
            """));
    }

    // a deployment with S3 storage stays a Prefect 2 Deployment call with a TODO (Prefect 3 does not upload code): a
    // Cron(...) given to it would be a Prefect 3 argument in a Prefect 2 call, so its schedule keeps its class and
    // import, while the schedule of a deployment already on Prefect 3's API moves
    @Test
    void theScheduleOfADeploymentLeftToAPersonKeepsItsPrefect2Class() {
        rewriteRun(python(
            """
            from prefect.deployments import Deployment
            from prefect.filesystems import S3
            from prefect.server.schemas.schedules import CronSchedule, IntervalSchedule

            from flows.etl import etl

            # TODO(migrate PF206): push the code to an S3Bucket block and deploy with flow.from_source(...)
            nightly = Deployment.build_from_flow(
                flow=etl,
                name="nightly",
                storage=S3.load("code"),
                schedule=CronSchedule(cron="0 2 * * *", timezone="UTC"),
            )
            etl.serve(name="hourly", schedules=[IntervalSchedule(interval=3600)])
            """,
            """
            from prefect.deployments import Deployment
            from prefect.filesystems import S3
            from prefect.schedules import Interval
            from prefect.server.schemas.schedules import CronSchedule

            from flows.etl import etl

            # TODO(migrate PF206): push the code to an S3Bucket block and deploy with flow.from_source(...)
            nightly = Deployment.build_from_flow(
                flow=etl,
                name="nightly",
                storage=S3.load("code"),
                schedule=CronSchedule(cron="0 2 * * *", timezone="UTC"),
            )
            etl.serve(name="hourly", schedules=[Interval(3600)])
            """));
    }

    // the same class in a Deployment(...) object left to a person and in converted code: both names are imported
    @Test
    void aScheduleClassSharedWithConvertedCodeIsImportedUnderBothNames() {
        rewriteRun(python(
            """
            from prefect.deployments import Deployment
            from prefect.server.schemas.schedules import RRuleSchedule

            weekly = Deployment(
                name="weekly",
                entrypoint="flows/etl.py:etl",
                storage=storage,
                schedule=RRuleSchedule(rrule="FREQ=WEEKLY;BYDAY=MO"),
            )
            etl.deploy(name="monthly", work_pool_name="k8s", schedules=[RRuleSchedule(rrule="FREQ=MONTHLY")])
            """,
            """
            from prefect.deployments import Deployment
            from prefect.schedules import RRule
            from prefect.server.schemas.schedules import RRuleSchedule

            weekly = Deployment(
                name="weekly",
                entrypoint="flows/etl.py:etl",
                storage=storage,
                schedule=RRuleSchedule(rrule="FREQ=WEEKLY;BYDAY=MO"),
            )
            etl.deploy(name="monthly", work_pool_name="k8s", schedules=[RRule("FREQ=MONTHLY")])
            """));
    }

    // a schedule bound to a name that only the unconverted deployment reads is one of its arguments
    @Test
    void aScheduleBoundForAnUnconvertedDeploymentOnlyIsLeftAlone() {
        rewriteRun(python(
            """
            from prefect.deployments import Deployment
            from prefect.server.schemas import schedules

            every_hour = schedules.IntervalSchedule(interval=3600)
            Deployment.build_from_flow(flow=etl, name="hourly", storage=storage, schedule=every_hour).apply()
            """));
    }
}
