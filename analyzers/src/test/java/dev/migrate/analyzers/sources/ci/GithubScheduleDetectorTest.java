package dev.migrate.analyzers.sources.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

class GithubScheduleDetectorTest {
    @Test
    void aScheduledWorkflowIsOneJobWithEachCronInUtc() {
        String found = DetectorHarness.run(new GithubScheduleDetector(), ".github/workflows/nightly-etl.yml", """
                name: nightly-etl
                on:
                  schedule:
                    - cron: "17 4 * * *"   # after the warehouse load
                    - cron: '0 12 * * 6'
                  workflow_dispatch: {}
                jobs:
                  run:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: pip install -r requirements.txt
                      - run: python etl/nightly.py --token ${{ secrets.API_TOKEN }}
                """);
        assertThat(found).contains(
                "github-schedule 'nightly-etl' at .github/workflows/nightly-etl.yml:4:7",
                "schedule CRON_UNIX '17 4 * * *' tz=UTC at .github/workflows/nightly-etl.yml:4:13",
                "schedule CRON_UNIX '0 12 * * 6' tz=UTC at .github/workflows/nightly-etl.yml:5:13",
                "command pip install -r requirements.txt; python etl/nightly.py --token ***", // a token is never printed
                "GHA001 GitHub Actions workflow 'nightly-etl' runs on a schedule (17 4 * * *; 0 12 * * 6, UTC) outside any"
                        + " orchestrator");
    }

    @Test
    void mustNotReport() {
        GithubScheduleDetector d = new GithubScheduleDetector();
        assertThat(DetectorHarness.run(d, ".github/workflows/ci.yml", """
                on:
                  push:
                    branches: [main]
                jobs:
                  test:
                    steps:
                      - run: echo "cron jobs are tested elsewhere"
                """)).isEmpty();
        assertThat(DetectorHarness.run(d, "deploy/workflow.yml", "on:\n  schedule:\n    - cron: '0 1 * * *'\n")).isEmpty();
    }
}
