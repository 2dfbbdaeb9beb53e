package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A script that imports Prefect but builds its deployments with a {@code Deployment} class of its own package (a copy
 * of Prefect's module kept in the project, a team's deployment helper). The scan used to read any
 * {@code X.Deployment.build_from_flow(...)} as Prefect's and reported PF214/PF211 breaking findings with an "unsafe
 * fix" that the rewrite, which resolves the import, never made.
 */
class ForeignDeploymentClassTest {
    private final DetectorHarness h = new DetectorHarness();

    private void scan(String deploy) {
        PrefectDeploymentDetector d = new PrefectDeploymentDetector();
        d.detect(new ScanFile("deploy.py", deploy), h);
        d.finish(h);
    }

    private List<String> codes() {
        return h.findings().stream().map(Finding::code).toList();
    }

    @Test
    void aDeploymentClassImportedFromAnotherPackageIsNotPrefects() {
        scan("""
                from shipyard.deploying import Deployment
                from prefect.client.schemas.schedules import CronSchedule
                from nightly import load_orders

                release = Deployment.build_from_flow(flow=load_orders, name="orders", schedule=CronSchedule(cron="5 4 * * *"))
                release.apply()
                """);
        assertThat(h.jobs()).isEmpty();
        assertThat(codes()).doesNotContain("PF214", "PF211");
    }

    @Test
    void prefectsDeploymentClassIsStillADeployment() {
        scan("""
                from prefect.deployments import Deployment
                from nightly import load_orders

                release = Deployment.build_from_flow(flow=load_orders, name="orders")
                release.apply()
                """);
        assertThat(h.jobs()).hasSize(1);
        assertThat(codes()).contains("PF214", "PF211");
    }

    @Test
    void aDeploymentNameNoImportBindsStillCounts() {
        // a star import from a module other than prefect binds names nobody can list: Prefect's is the likely one
        scan("""
                import prefect
                from deploy_helpers import *
                from nightly import load_orders

                Deployment.build_from_flow(flow=load_orders, name="orders", apply=True)
                """);
        assertThat(h.jobs()).hasSize(1);
    }
}
