package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.cutover.CutoverJob;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Prefect 2 {@code prefect deployment build ENTRYPOINT -n NAME} is named {@code FLOW/NAME}, as Prefect 2's server
 * names it and as the scan names the {@code prefect deploy} line the rewrite makes of it; cutover keeps keying it by
 * NAME. Before, the build was {@code nightly} and its rewrite {@code lake-etl/nightly}: one deployment, two names.
 */
class DeploymentBuildNamesTest {
    private static final String ETL = """
            from prefect import flow


            @flow(name="lake-etl")
            def etl():
                pass
            """;
    private static final String REPORT = """
            from prefect import flow


            @flow
            def report_daily():
                pass
            """;
    private static final String BUILD_SH = """
            #!/bin/sh
            set -e
            cd "$(dirname "$0")/.."
            prefect deployment build flows/etl.py:etl -n nightly -q default --cron "0 2 * * *" --apply
            prefect deployment build flows/report_daily.py:report_daily -n morning -q default --cron "0 6 * * *" --apply
            """;

    @TempDir
    Path dir;

    @Test
    void aBuildLineIsNamedFlowSlashDeploymentAndKeyedByItsOwnName() throws IOException {
        Map<String, Job> jobs = scan(dir, Map.of("flows/etl.py", ETL, "flows/report_daily.py", REPORT,
                "scripts/deploy.sh", BUILD_SH, "requirements.txt", "prefect==2.14.2\n"));
        assertThat(jobs.keySet()).containsExactly("lake-etl/nightly", "report-daily/morning");
        assertThat(jobs.values()).extracting(CutoverJob::deploymentName).containsExactly("nightly", "morning");
        assertThat(jobs.get("lake-etl/nightly").attributes()).containsEntry("flowName", "lake-etl")
                .containsEntry(PrefectYamlDetector.DEPLOYMENT_NAME, "nightly");
    }

    /**
     * The same project scanned before and after `migrate rewrite --unsafe-fixes` (the after text is what it writes for
     * BUILD_SH and the pin) names and keys each deployment alike.
     */
    @Test
    void theScanBeforeAndAfterTheRewriteAgree() throws IOException {
        Map<String, Job> before = scan(dir.resolve("before"), Map.of("flows/etl.py", ETL, "flows/report_daily.py", REPORT,
                "scripts/deploy.sh", BUILD_SH, "requirements.txt", "prefect==2.14.2\n"));
        Map<String, Job> after = scan(dir.resolve("after"), Map.of("flows/etl.py", ETL, "flows/report_daily.py", REPORT,
                "scripts/deploy.sh", """
                #!/bin/sh
                set -e
                cd "$(dirname "$0")/.."
                prefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name nightly --work-queue default --cron "0 2 * * *"
                prefect --no-prompt deploy --pool process-pool flows/report_daily.py:report_daily --name morning --work-queue default --cron "0 6 * * *"
                """, "requirements.txt", "prefect==3.8.3\n"));
        assertThat(after.keySet()).isEqualTo(before.keySet()).containsExactly("lake-etl/nightly", "report-daily/morning");
        for (String name : before.keySet()) {
            assertThat(CutoverJob.deploymentName(after.get(name))).as(name)
                    .isEqualTo(CutoverJob.deploymentName(before.get(name)));
        }
    }

    /** Must not change: a flow file the tree lacks names the flow by default (the function, '_' as '-'), as Prefect would. */
    @Test
    void anEntrypointWhoseFileIsMissingIsNamedAfterItsFunction() throws IOException {
        Map<String, Job> jobs = scan(dir, Map.of("deploy.sh", """
                #!/bin/sh
                prefect deployment build flows/gone.py:load_all -n weekly --cron "0 3 * * 0" -a
                """));
        assertThat(jobs.keySet()).containsExactly("load-all/weekly");
        assertThat(CutoverJob.deploymentName(jobs.get("load-all/weekly"))).isEqualTo("weekly");
    }

    /**
     * A build merged with the file it writes keeps the file's FLOW/DEPLOYMENT name, and is keyed by the deployment's
     * own name, as the prefect.yaml entry and the {@code prefect deploy --name nightly} the rewrite makes of the two
     * are. Before, it was keyed {@code etl-nightly} and its rewrite {@code nightly}.
     */
    @Test
    void aBuildMergedWithItsFileKeepsTheFilesNameAndIsKeyedByItsOwn() throws IOException {
        Map<String, Job> jobs = scan(dir, Map.of("flows/etl.py", ETL, "build.sh", """
                #!/bin/sh
                prefect deployment build flows/etl.py:etl -n nightly -q default --cron "0 2 * * *" --timezone Europe/Paris
                """, "etl-deployment.yaml", BuiltDeploymentFileMergerTest.builtYaml("nightly", "flows/etl.py:etl", "default",
                "0 2 * * *")));
        assertThat(jobs.keySet()).containsExactly("ETL/nightly"); // the file's flow_name
        assertThat(jobs.get("ETL/nightly").attributes()).containsKey("deployment.builtFile")
                .containsEntry(PrefectYamlDetector.DEPLOYMENT_NAME, "nightly").containsEntry("flowName", "ETL");
        assertThat(CutoverJob.keyOf(CutoverJob.deploymentName(jobs.get("ETL/nightly")))).isEqualTo("nightly");
    }

    /**
     * A deployment file kept and applied alone (its build ran elsewhere) is keyed by its own name too, as the
     * prefect.yaml entry the rewrite moves it to is; before, {@code etl-nightly} became {@code nightly}.
     */
    @Test
    void aDeploymentFileAloneIsKeyedByItsOwnName() throws IOException {
        Map<String, Job> jobs = scan(dir, Map.of("flows/etl.py", ETL, "apply.sh", """
                #!/bin/sh
                prefect deployment apply etl-deployment.yaml
                """, "etl-deployment.yaml", BuiltDeploymentFileMergerTest.builtYaml("nightly", "flows/etl.py:etl", "default",
                "0 2 * * *")));
        assertThat(jobs.keySet()).containsExactly("ETL/nightly");
        assertThat(CutoverJob.deploymentName(jobs.get("ETL/nightly"))).isEqualTo("nightly");
        assertThat(jobs.get("ETL/nightly").attributes()).containsEntry("flowName", "ETL");
    }

    private static Map<String, Job> scan(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        List<Job> jobs = Scanner.standard(ScanOptions.defaults()).scan(root, "t", ScanListener.NONE).jobs();
        Map<String, Job> out = new TreeMap<>();
        jobs.forEach(j -> out.put(j.name(), j));
        assertThat(out).hasSameSizeAs(jobs);
        return out;
    }
}
