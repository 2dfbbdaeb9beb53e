package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.analyzers.sources.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PF237 end to end: a CI job line that runs a Prefect flow script or serve script with Python, the script read where
 * the job runs it. Before, the scan said nothing of such a line (a CI file without a Prefect word was not even read).
 */
class CiFlowScriptRunsTest {
    @TempDir
    Path tmp;

    private static final String ETL = """
            from prefect import flow

            @flow
            def etl():
                pass

            if __name__ == "__main__":
                etl()
            """;

    private static final String SERVE = """
            from prefect import flow

            @flow
            def report():
                pass

            if __name__ == "__main__":
                report.serve(name="hourly", cron="0 * * * *")
            """;

    @Test
    void aGitlabJobRunningAFlowScriptOrAServeScript() throws IOException {
        TreeFiles.write(tmp, "flows/etl.py", ETL, "flows/serve.py", SERVE, ".gitlab-ci.yml", """
                etl:
                  script:
                    - pip install -r requirements.txt
                    - python flows/etl.py
                serve:
                  script:
                    - cd flows
                    - python3 -u serve.py
                """);
        assertThat(pf237()).containsExactly(
                ".gitlab-ci.yml:4:7 CI job runs Prefect flow script flows/etl.py (`python flows/etl.py`): each run of "
                        + "the job runs flow etl once, in the job's own process and outside any deployment, so Prefect "
                        + "schedules, retries and pauses none of it; where a schedule starts the job (a GitLab pipeline "
                        + "schedule, a workflow's on: schedule), give that schedule to a deployment of flows/etl.py:etl "
                        + "and stop the CI schedule, or both run it",
                ".gitlab-ci.yml:8:7 CI job runs serve script flows/serve.py (`python3 -u serve.py`), which serves flow "
                        + "report in the job's own process until it is stopped: the deployments' runs start only while "
                        + "the job runs, and a CI job ends at its timeout (blocking its pipeline until then); run the "
                        + "script as a long-lived service, or deploy the flows to a work pool a worker serves");
    }

    @Test
    void aGithubStepInItsWorkingDirectory() throws IOException {
        TreeFiles.write(tmp, "flows/etl.py", ETL, ".github/workflows/nightly.yml", """
                on:
                  schedule:
                    - cron: "0 2 * * *"
                jobs:
                  etl:
                    runs-on: ubuntu-latest
                    steps:
                      - run: pip install -r requirements.txt
                      - run: uv run python etl.py
                        working-directory: flows
                """);
        assertThat(pf237()).containsExactly(".github/workflows/nightly.yml:9:14 CI job runs Prefect flow script "
                + "flows/etl.py (`uv run python etl.py`): each run of the job runs flow etl once, in the job's own "
                + "process and outside any deployment, so Prefect schedules, retries and pauses none of it; the "
                + "workflow's on: schedule starts it (cron 0 2 * * * UTC, GitHub running a cron in UTC unless its entry "
                + "names a timezone): give that cron, in that zone, to a deployment of flows/etl.py:etl and remove the "
                + "workflow's schedule, or both run it");
    }

    // a workflow with two crons, one in a zone of its own, runs a script whose flow another module defines: both
    // crons named, the deployment's entrypoint the module's flow; a workflow without a schedule names none
    @Test
    void aScheduledWorkflowNamesItsCronsAndTheImportedFlow() throws IOException {
        TreeFiles.write(tmp, "flows/etl.py", """
                from prefect import flow

                @flow
                def etl_flow():
                    pass
                """, "run_etl.py", """
                from flows.etl import etl_flow

                if __name__ == "__main__":
                    etl_flow()
                """, ".github/workflows/nightly.yml", """
                on:
                  workflow_dispatch:
                  schedule:
                    - cron: "0 2 * * *"
                    - cron: "30 6 * * 1-5"
                      timezone: Europe/Berlin
                jobs:
                  etl:
                    runs-on: ubuntu-latest
                    steps:
                      - run: python run_etl.py
                """, ".github/workflows/push.yml", """
                on: push
                jobs:
                  etl:
                    runs-on: ubuntu-latest
                    steps:
                      - run: python run_etl.py
                """);
        List<String> found = pf237();
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).startsWith(".github/workflows/nightly.yml:11:14 CI job runs Prefect flow script "
                + "run_etl.py (`python run_etl.py`): each run of the job runs flow etl_flow once").endsWith("the "
                + "workflow's on: schedule starts it (cron 0 2 * * * UTC; 30 6 * * 1-5 Europe/Berlin, GitHub running a "
                + "cron in UTC unless its entry names a timezone): give those crons, each in its zone, to a deployment of "
                + "flows/etl.py:etl_flow and remove the workflow's schedule, or both run it");
        assertThat(found.get(1)).startsWith(".github/workflows/push.yml:6:14 CI job runs Prefect flow script "
                + "run_etl.py").endsWith("where a schedule starts the job (a GitLab pipeline schedule, a workflow's "
                + "on: schedule), give that schedule to a deployment of flows/etl.py:etl_flow and stop the CI schedule, "
                + "or both run it");
    }

    // each must not be reported: a script that is no flow script, one the tree does not hold where the job runs it,
    // a module of flows nothing calls, inline code, a script named through a variable
    @Test
    void linesThatRunNoFlowScriptSayNothing() throws IOException {
        TreeFiles.write(tmp, "flows/etl.py", ETL, "scripts/report.py", "print('report')\n", "flows/lib.py", """
                from prefect import flow

                @flow
                def etl():
                    pass
                """, ".gitlab-ci.yml", """
                test:
                  script:
                    - python scripts/report.py
                    - python etl.py
                    - python flows/lib.py
                    - python -c "from flows.etl import etl; etl()"
                    - python $SCRIPT
                    - echo python flows/etl.py
                """);
        assertThat(pf237()).isEmpty();
    }

    // a file two pipelines include, each leaving its jobs elsewhere: reported where both run the same script, not
    // where the script Python runs differs per pipeline
    @Test
    void anIncludedFileIsReadWithEachPipeline() throws IOException {
        String deploy = """
                etl:
                  script:
                    - python etl.py
                """;
        TreeFiles.write(tmp, "flows/etl.py", ETL, "jobs/etl.py", ETL, "ci/etl.yml", deploy,
                ".gitlab-ci.yml", pipeline("flows"), "release.gitlab-ci.yml", pipeline("flows"));
        assertThat(pf237()).singleElement().asString().startsWith("ci/etl.yml:3:7 CI job runs Prefect flow script "
                + "flows/etl.py");
        TreeFiles.write(tmp, "release.gitlab-ci.yml", pipeline("jobs"));
        assertThat(pf237()).isEmpty();
    }

    private static String pipeline(String dir) {
        return """
                include:
                  - local: ci/etl.yml
                default:
                  before_script:
                    - cd %s
                """.formatted(dir);
    }

    private List<String> pf237() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE).findings().stream()
                .filter(f -> f.code().equals("PF237"))
                .map(f -> f.where().path() + ":" + f.where().line() + ":" + f.where().column() + " " + f.message())
                .sorted().toList();
    }
}
