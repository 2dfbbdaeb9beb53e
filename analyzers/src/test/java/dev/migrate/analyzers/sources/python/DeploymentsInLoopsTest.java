package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/**
 * Deployment scripts that register one deployment per item of a table they hold: before, such a loop was one job
 * named "default" with no schedule (the inventory said unscheduled), where the script registers one scheduled
 * deployment per item.
 */
class DeploymentsInLoopsTest {
    private static final String FLOW = """
            from prefect import flow

            @flow
            def etl(region: str = "eu"):
                pass
            """;

    private static String scan(String deploy) {
        return DetectorHarness.run(new PrefectDeploymentDetector(),
                new dev.migrate.analyzers.model.ScanFile("flows/etl.py", FLOW),
                new dev.migrate.analyzers.model.ScanFile("deploy.py", deploy));
    }

    @Test
    void aLoopOverALiteralDictRegistersOneDeploymentPerItem() {
        String found = scan("""
                from prefect.deployments import Deployment
                from prefect.server.schemas.schedules import CronSchedule
                from flows.etl import etl

                SCHEDULES = {
                    "eu": "0 5 * * *",
                    "us": "0 11 * * *",
                }

                for region, cron in SCHEDULES.items():
                    Deployment.build_from_flow(
                        flow=etl,
                        name=f"etl-{region}",
                        schedule=CronSchedule(cron=cron, timezone="UTC"),
                        parameters={"region": region},
                        apply=True,
                    )
                """);
        assertThat(found).contains("prefect2 'etl/etl-eu' at deploy.py:11:5", "schedule CRON_PREFECT '0 5 * * *' tz=UTC",
                "prefect2 'etl/etl-us' at deploy.py:11:5", "schedule CRON_PREFECT '0 11 * * *' tz=UTC");
        assertThat(found).doesNotContain("etl/default", "{region}");
    }

    @Test
    void loopsOverListsOfTuplesAndNestedLoopsAreEveryCombination() {
        String found = scan("""
                from prefect.client.schemas.schedules import IntervalSchedule
                from flows.etl import etl

                REGIONS = ["eu", "us"]
                if __name__ == "__main__":
                    for region in REGIONS:
                        for kind, minutes in [("full", 60), ("delta", 15)]:
                            etl.serve(name=f"{kind}-{region}", interval=minutes * 60)
                """);
        assertThat(found).contains("'etl/full-eu'", "'etl/delta-eu'", "'etl/full-us'", "'etl/delta-us'",
                "schedule INTERVAL 'PT1H'", "schedule INTERVAL 'PT15M'");
    }

    // the table comes from a file, or the name does not change per item: one deployment, its unknown parts as written
    @Test
    void aLoopThatIsNotLiteralStaysOneDeploymentWithItsScheduleUnknown() {
        String found = scan("""
                import json
                from prefect.client.schemas.schedules import CronSchedule
                from flows.etl import etl

                for region, cron in json.load(open("regions.json")).items():
                    etl.deploy(name=f"etl-{region}", cron=cron, work_pool_name="k8s", image="etl:1")
                for cron in ["0 1 * * *", "0 2 * * *"]:
                    etl.deploy(name="same", cron=cron, work_pool_name="k8s", image="etl:1")
                """);
        assertThat(found).contains("'etl/etl-{region}'", "schedule UNKNOWN 'cron'", "'etl/same'");
        assertThat(found.split("'etl/same'", -1)).hasSize(2); // one job, registered twice
    }
}
