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

    /** Before: L and # were read the croniter way (an exact translation) and @daily as midnight; GitHub refuses all three. */
    @Test
    void aCronGithubRefusesIsReportedNotTranslated() {
        String found = DetectorHarness.run(new GithubScheduleDetector(), ".github/workflows/month-end.yml", """
                on:
                  schedule:
                    - cron: "0 3 L * *"
                    - cron: "@daily"
                    - cron: "0 6 ? * 1"
                    - cron: "15 2 * * 1-5"
                jobs:
                  run: {runs-on: ubuntu-latest, steps: [{run: make report}]}
                """);
        assertThat(found).contains("schedule UNKNOWN '0 3 L * *' tz=UTC at .github/workflows/month-end.yml:3:13",
                "schedule UNKNOWN '@daily' tz=UTC", "schedule UNKNOWN '0 6 ? * 1' tz=UTC",
                "schedule CRON_UNIX '15 2 * * 1-5' tz=UTC",
                "GHA002 GitHub Actions does not take the schedule '0 3 L * *': L (the last day",
                "GHA002 GitHub Actions does not take the schedule '@daily': GitHub does not take @ macros: write 0 0 * * *; "
                        + "GitHub reports the workflow file as invalid and never starts the schedule",
                "GHA002 GitHub Actions does not take the schedule '0 6 ? * 1': ? is Quartz's 'no value'");
        assertThat(found.lines().filter(l -> l.contains("GHA002")).count()).isEqualTo(3);
        assertThat(found).contains(".github/workflows/month-end.yml:4:13 GHA002");
    }

    /** A schedule entry may name its zone (GitHub, 2026); it was read in UTC, hours off. */
    @Test
    void anEntrysTimezoneIsTheZoneItRunsIn() {
        String found = DetectorHarness.run(new GithubScheduleDetector(), ".github/workflows/report.yml", """
                on:
                  schedule:
                    - cron: '30 5 * * 1-5'
                      timezone: "America/New_York"
                    - cron: '0 12 * * 6'
                jobs:
                  run: {runs-on: ubuntu-latest, steps: [{run: make report}]}
                """);
        assertThat(found).contains("schedule CRON_UNIX '30 5 * * 1-5' tz=America/New_York",
                "schedule CRON_UNIX '0 12 * * 6' tz=UTC",
                "runs on a schedule (30 5 * * 1-5 America/New_York; 0 12 * * 6 UTC) outside any orchestrator")
                .doesNotContain("GHA002");
    }

    /** A public scraping workflow's * *\/12 * * * reads as every minute; GitHub runs a schedule at most every 5 minutes. */
    @Test
    void aCronMoreFrequentThanGithubRunsSaysSo() {
        String found = DetectorHarness.run(new GithubScheduleDetector(), ".github/workflows/scrape.yml", """
                on:
                  schedule:
                    - cron: '* */12 * * *'
                jobs:
                  run: {runs-on: ubuntu-latest, steps: [{run: python scrape.py}]}
                """);
        assertThat(found).contains("runs on a schedule (* */12 * * *, UTC) outside any orchestrator; * */12 * * * fires "
                + "less than 5 minutes apart, and GitHub runs a schedule at most every 5 minutes");
        assertThat(GithubScheduleDetector.minutesApart("*/5 * * * *")).isEqualTo(5);
        assertThat(GithubScheduleDetector.minutesApart("58,2 * * * *")).isEqualTo(4); // across the hour
        assertThat(GithubScheduleDetector.minutesApart("58,2 9 * * *")).isEqualTo(56); // one hour only
        assertThat(GithubScheduleDetector.minutesApart("0 3 * * *")).isGreaterThanOrEqualTo(60);
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
