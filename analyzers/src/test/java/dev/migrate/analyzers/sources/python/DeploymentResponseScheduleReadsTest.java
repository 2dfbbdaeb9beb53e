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
        // before: two findings, one per read; one deployment in one function is one thing to fix
        assertThat(found).singleElement().asString().contains("ops/report.py:7", "deployment `d`",
                "'d.is_schedule_active' (line 7), 'd.schedule' (line 8)", "d.paused", "d.schedules");
    }

    // the same deployment read in two functions: one finding in each, each listing its own reads
    @Test
    void readsInDifferentFunctionsAreReportedPerFunction() throws Exception {
        List<String> found = pf231("""
                from prefect import get_client

                CLIENT = get_client(sync_client=True)
                NIGHTLY = CLIENT.read_deployment_by_name("etl/nightly")

                def active():
                    return NIGHTLY.is_schedule_active and NIGHTLY.schedule is not None

                def describe():
                    return str(NIGHTLY.schedule)
                """);
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).contains("ops/report.py:7", "'NIGHTLY.is_schedule_active' (line 7), "
                + "'NIGHTLY.schedule' (line 7)");
        assertThat(found.get(1)).contains("ops/report.py:10", "'NIGHTLY.schedule' reads .schedule");
    }

    // before: nothing, the client came in as a parameter; its annotation says it is Prefect's client, however written
    @Test
    void aClientParameterAnnotatedAsPrefectsClientIsFollowed() throws Exception {
        List<String> found = pf231("""
                from typing import TYPE_CHECKING, Optional, Union

                if TYPE_CHECKING:
                    from prefect.client.orchestration import PrefectClient, SyncPrefectClient

                async def plain(client: PrefectClient):
                    d = await client.read_deployment("x")
                    return d.schedule

                def optional(client: Optional[SyncPrefectClient] = None):
                    return client.read_deployment_by_name("etl/nightly").is_schedule_active

                async def quoted(client: "PrefectClient", *, other: int = 0):
                    return [d.schedule for d in await client.read_deployments()]

                def union(client: "Union[SyncPrefectClient, None]"):
                    for d in client.read_deployments():
                        print(d.is_schedule_active)

                def pipe(client: "PrefectClient | None" = None):
                    return client.read_deployments()[0].schedule
                """);
        assertThat(String.join("\n", found)).contains("ops/report.py:8", "'d.schedule'", "ops/report.py:11",
                "ops/report.py:14", "ops/report.py:18", "ops/report.py:21");
        assertThat(found).hasSize(5);
    }

    // before: nothing; a deployment (or a list of them) the module reads at its top level, read in a function
    @Test
    void aModuleLevelDeploymentIsFollowedIntoFunctions() throws Exception {
        List<String> found = pf231("""
                from prefect import get_client

                client = get_client(sync_client=True)
                NIGHTLY = client.read_deployment_by_name("etl/nightly")
                EVERY = client.read_deployments()

                def nightly_schedule():
                    return NIGHTLY.schedule

                def paused():
                    return [d.name for d in EVERY if not d.is_schedule_active]
                """);
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).contains("'NIGHTLY.schedule'", "ops/report.py:8");
        assertThat(found.get(1)).contains("'d.is_schedule_active'", "ops/report.py:11");
    }

    // must not change: a user's own class with a schedule, a class of the project named PrefectClient (or another
    // library's), a list of clients, a parameter or local that hides the module's deployment
    @Test
    void ownClassesAndHiddenNamesAreNotReported() throws Exception {
        List<String> found = pf231("""
                from typing import List
                from prefect import get_client
                from prefect.client.orchestration import PrefectClient as Real
                from ourlib.api import SyncPrefectClient

                class Job:
                    def __init__(self):
                        self.schedule = "0 3 * * *"
                        self.is_schedule_active = True

                class PrefectClient:
                    def read_deployment(self, name):
                        return Job()

                client = get_client(sync_client=True)
                NIGHTLY = client.read_deployment_by_name("etl/nightly")

                def own(job: Job, ours: PrefectClient, theirs: SyncPrefectClient, many: List[Real]):
                    print(job.schedule, job.is_schedule_active)
                    print(ours.read_deployment("x").schedule, theirs.read_deployment("y").schedule)
                    print(many[0].read_deployment("z").schedule)

                def hidden(NIGHTLY):
                    return NIGHTLY.schedule

                def rebound():
                    NIGHTLY = Job()
                    return NIGHTLY.schedule

                def either(client: "Real | Job"):
                    return client.read_deployment("x").schedule
                """);
        assertThat(found).isEmpty();
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

    /** The PF231 findings a whole scan reports for {@code source} at ops/report.py, and every CFG004 it reports. */
    private static List<dev.migrate.analyzers.model.Finding> scanned(java.nio.file.Path root, String source)
            throws Exception {
        compiles(source);
        java.nio.file.Files.createDirectories(root.resolve("ops"));
        java.nio.file.Files.writeString(root.resolve("ops/report.py"), source);
        return dev.migrate.analyzers.scan.Scanner.standard(dev.migrate.analyzers.scan.ScanOptions.defaults())
                .scan(root, "t", dev.migrate.analyzers.scan.ScanListener.NONE).findings().stream()
                .filter(f -> f.code().equals("PF231") || f.code().equals("CFG004")).toList();
    }

    private static final String LOOP = """
            from prefect import get_client

            async def active_deployments():
                async with get_client() as client:
                    out = []
                    for d in await client.read_deployments():
                        if d.is_schedule_active:%s
                            out.append((d.name, d.schedule))%s
                    return out
            """;

    // the finding stands for both reads: an ignore comment on the later read's line leaves it out, and is used
    @Test
    void anIgnoreCommentOnALaterReadLeavesTheGroupedFindingOut(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root)
            throws Exception {
        assertThat(scanned(root, LOOP.formatted("", "  # migrate: ignore PF231 -- checked by hand"))).isEmpty();
    }

    @Test
    void anIgnoreCommentOnTheFirstReadLeavesItOut(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root)
            throws Exception {
        assertThat(scanned(root, LOOP.formatted("  # migrate: ignore PF231", ""))).isEmpty();
    }

    // must not change: no comment, or one for another code, keeps the finding at the first read
    @Test
    void anIgnoreCommentForAnotherCodeKeepsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root)
            throws Exception {
        assertThat(scanned(root, LOOP.formatted("", ""))).singleElement()
                .satisfies(f -> assertThat(f.where().line()).isEqualTo(7));
        assertThat(scanned(root, LOOP.formatted("", "  # migrate: ignore PF230"))).extracting(f -> f.code() + ":"
                + f.where().line()).containsExactlyInAnyOrder("PF231:7", "CFG004:8");
    }
}
