package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/**
 * A script that serves or deploys a flow it imports from the project need not import prefect itself: before, the
 * scan read only modules importing prefect, and such a scheduled deployment was missing from the inventory.
 */
class ServeScriptsTest {
    private static final ScanFile FLOW = new ScanFile("flows/etl.py", """
            from prefect import flow

            @flow(name="nightly-etl")
            def etl():
                pass

            def helper():
                pass
            """);

    @Test
    void aFlowImportedFromTheProjectAndServedIsADeployment() {
        String found = DetectorHarness.run(new PrefectDeploymentDetector(), FLOW, new ScanFile("serve.py", """
                from flows.etl import etl
                import flows.etl as jobs

                if __name__ == "__main__":
                    etl.serve(name="nightly", cron="0 3 * * *")
                    jobs.etl.deploy(name="k8s", work_pool_name="k8s", image="etl:1", interval=3600)
                """));
        assertThat(found).contains("prefect3 'nightly-etl/nightly' at serve.py:5:5", "schedule CRON_PREFECT '0 3 * * *'",
                "prefect3 'nightly-etl/k8s' at serve.py:6:5", "schedule INTERVAL 'PT1H'");
    }

    // a web app's serve(), a project function that is no flow, and a flow module the scan did not find
    @Test
    void callsOnAnythingButAFlowOfTheProjectAreNotDeployments() {
        String found = DetectorHarness.run(new PrefectDeploymentDetector(), FLOW, new ScanFile("app.py", """
                from waitress import serve
                from myapp import app
                from flows.etl import helper
                from elsewhere.flows import other

                app.serve(port=8080)
                helper.deploy(name="x")
                other.serve(name="not-scanned")
                """));
        assertThat(found).doesNotContain("job ");
    }
}
