package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.DetectorHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PF231: {@code .is_schedule_active} and {@code .schedule} read on deployments the Prefect client returned, which
 * Prefect 3's deployment model no longer has. Every input is first parsed by python3 (never run), so each is code
 * Python accepts.
 */
class DeploymentResponseScheduleReadsTest {

    private static List<String> pf231(String source) throws Exception {
        compiles(source);
        String found = DetectorHarness.run(new PrefectApiUsageDetector(), "ops/report.py", source);
        return Arrays.stream(found.split("\n")).filter(l -> l.contains("PF231")).toList();
    }

    /** python3 as the oracle that the input is Python: ast.parse reads it without running it. */
    private static void compiles(String source) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "-c", "import ast, sys; ast.parse(sys.stdin.read())")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(source.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void aLoopOverAwaitedReadDeploymentsReportsBothFields() throws Exception {
        List<String> found = pf231("""
                from prefect import get_client

                async def active_deployments():
                    async with get_client() as client:
                        out = []
                        for d in await client.read_deployments():
                            if d.is_schedule_active:
                                out.append((d.name, d.schedule))
                        return out
                """);
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).contains("'d.is_schedule_active'", "ops/report.py:7", "d.paused");
        assertThat(found.get(1)).contains("'d.schedule'", "ops/report.py:8", "d.schedules");
    }

    @Test
    void singleReadsListsComprehensionsAndTheSyncClientAreReported() throws Exception {
        List<String> found = pf231("""
                from prefect.client.orchestration import get_client, PrefectClient

                def paused_names():
                    with get_client(sync_client=True) as client:
                        one = client.read_deployment_by_name("etl/nightly")
                        print(one.is_schedule_active)
                        deployments = client.read_deployments()
                        first = deployments[0]
                        print(first.schedule)
                        return [d.name for d in deployments if not d.is_schedule_active]

                async def check(deployment_id):
                    client = PrefectClient("http://prefect:4200/api")
                    print((await client.read_deployment(deployment_id)).schedule)
                """);
        assertThat(found).hasSize(4);
        assertThat(String.join("\n", found)).contains("'one.is_schedule_active'", "'first.schedule'",
                "'d.is_schedule_active'", "'(await client.read_deployment(deployment_id)).schedule'");
    }

    @Test
    void aClientBoundAtModuleLevelIsFollowedIntoFunctions() throws Exception {
        List<String> found = pf231("""
                from prefect import get_client

                CLIENT = get_client(sync_client=True)

                def schedules():
                    return {d.name: d.schedule for d in CLIENT.read_deployments()}
                """);
        assertThat(found).singleElement().asString().contains("'d.schedule'", "ops/report.py:6");
    }

    // must not change: schedule of objects not tied to the client, Prefect 3's own fields, a 2.x Deployment object
    @Test
    void objectsNotTiedToTheClientAndPrefect3FieldsAreNotReported() throws Exception {
        List<String> found = pf231("""
                from prefect import get_client
                from prefect.deployments import Deployment
                from apscheduler.schedulers.background import BackgroundScheduler
                from flows.etl import etl

                def unrelated(jobs):
                    for job in jobs:
                        print(job.schedule, job.is_schedule_active)

                async def prefect3_fields():
                    async with get_client() as client:
                        for d in await client.read_deployments():
                            print(d.paused, [s.schedule for s in d.schedules if s.active])

                def prefect2_object():
                    deployment = Deployment.build_from_flow(flow=etl, name="nightly")
                    print(deployment.schedule, deployment.is_schedule_active)

                async def rebound(client, other):
                    d = await client.read_deployment("x")
                    print(d.schedule)
                    async with get_client() as c:
                        x = await c.read_deployment("y")
                        x = other
                        print(x.schedule)
                """);
        assertThat(found).isEmpty();
    }

    // a loop missing its 'in' (python3 rejects the file) is read without failing, and nothing is tied to the client
    @Test
    void aBrokenLoopIsNoDeploymentLoop() {
        String broken = """
                from prefect import get_client

                client = get_client(sync_client=True)
                names = [d.schedule for d client.read_deployments()]
                for d client.read_deployments():
                    print(d.is_schedule_active)
                """;
        String found = DetectorHarness.run(new PrefectApiUsageDetector(), "ops/report.py", broken);
        assertThat(found).doesNotContain("PF231");
    }
}
