package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cutover plan of the samples read as a user who must follow it: a JVM application's unit is the supervisor of its
 * scheduled methods, a backfill's command is the one cron ran, a loop's job meets the deployment the legacy recipe
 * writes, and every deployment is named as migrate rewrite will create it, or the plan says what to fill in.
 */
class CutoverSampleChecklistsTest {
    private static final Path SAMPLES = CutoverK2PlatformTest.ROOT.resolve("samples");
    private static final String AT = "2026-11-24T12:00:00Z";

    @TempDir
    Path tmp;

    private static String run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    private static String section(String md, String key) {
        int from = md.indexOf("## Job `" + key + "`");
        assertThat(from).as(key + " has a section").isNotNegative();
        int to = md.indexOf("\n## Job ", from + 1);
        return md.substring(from, to < 0 ? md.length() : to);
    }

    // before: billing-app.service was a job of its own with a deployment 'FLOW/billing-app', an unknown schedule to shift
    // by hand, validations, and a backfill, beside the nine Spring and Quartz jobs it runs
    @Test
    void theUnitOfASpringApplicationSupervisesItsScheduledMethods() {
        String lh = SAMPLES.resolve("legacy-host").toString();
        String md = run("cutover", "plan", lh, "--at", AT);
        String unit = section(md, "billing-app");
        assertThat(unit).contains("**Cut over the jobs this service schedules, each in its own section**")
                .contains("--job finance-ledgerexport --job finance-statementarchive --job maintenance-purgetemp "
                        + "--job nightlyinvoicerun --job publishmetrics --job rates-fxrefresh --job reconcilewithbank "
                        + "--job retryfailedwebhooks --job syncpayments --require cut-over")
                .containsOnlyOnce("  systemctl disable --now billing-app.service\n")
                .containsOnlyOnce("  systemctl enable --now billing-app.service\n")
                .doesNotContain("prefect deploy").doesNotContain("FLOW/billing-app").doesNotContain("by hand")
                .doesNotContain("Backfill the windows");
        // each scheduled method keeps its checklist; its switch restarts the unit that runs the application
        String method = section(md, "nightlyinvoicerun");
        assertThat(method).contains("to \"-\" (Spring's disabled trigger")
                .contains("  systemctl restart billing-app.service\n")
                .contains("**Backfill the windows missed between cutover and rollback**")
                .doesNotContain("systemctl disable --now billing-app.service");
        String status = run("cutover", "status", lh, "--at", AT, "--job", "billing-app");
        assertThat(status).contains("the service runs jobs not yet rewritten: ");
    }

    // before: `${INGEST_HOME}/bin/poll-sftp.sh`, which a login shell runs as /bin/poll-sftp.sh
    @Test
    void aBackfillRunsTheCommandCronRanWithTheInstallingScriptsVariables() {
        String md = run("cutover", "plan", SAMPLES.resolve("legacy-host").toString(), "--at", AT, "--job", "poll-sftp");
        assertThat(md).contains("run `/opt/ingest/bin/poll-sftp.sh` once per missed window (INGEST_HOME is /opt/ingest, "
                + "as opt/etl/bin/install-ingest-crontab.sh sets it)").doesNotContain("run `${INGEST_HOME}")
                // cron reads the crontab the script installed, never the script: commenting its line out takes the script run again
                .contains("Disable the legacy cron (a here-document a script installs) schedule")
                .contains("  # then run opt/etl/bin/install-ingest-crontab.sh again where it installed the crontab, so that the "
                        + "crontab it writes no longer has the line (or remove that line from the installed crontab by hand)")
                .doesNotContain("cron reads the file again by itself");
    }

    @Test
    void aVariableNothingGivesIsToBeSetFirst() throws Exception {
        Files.createDirectories(tmp.resolve("bin"));
        Files.writeString(tmp.resolve("bin/install.sh"), """
                #!/bin/sh
                crontab <<'EOF'
                15 2 * * * ${APP_HOME}/bin/load.sh
                EOF
                """);
        String md = run("cutover", "plan", tmp.toString(), "--at", AT);
        assertThat(md).contains("# set APP_HOME first (export APP_HOME=VALUE): the command reads it, and nothing in the "
                + "estate gives its value")
                .contains("set APP_HOME first (nothing in the estate gives its value; cron's shell had it), then run "
                        + "`${APP_HOME}/bin/load.sh` once per missed window");
    }

    // the names the plan gives before the rewrite are the ones the rewrite creates
    @Test
    void beforeTheRewriteThePlanNamesTheDeploymentsTheRewriteCreates() throws Exception {
        Path estate = CutoverK2PlatformTest.copy(SAMPLES.resolve("legacy-host"), tmp.resolve("lh"));
        String before = section(run("cutover", "plan", estate.toString(), "--at", AT), "nightly-load");
        assertThat(before).contains("  migrate rewrite " + estate + " --recipe "
                        + "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun   # writes deployment "
                        + "'cron-nightly-load-8c14374c' of flow 'nightly-load' to prefect/prefect.yaml\n")
                .contains("  (cd prefect && prefect deploy --name cron-nightly-load-8c14374c)\n")
                .contains("prefect deployment schedule pause 'nightly-load/cron-nightly-load-8c14374c' SCHEDULE_ID")
                .doesNotContain("FLOW/");
        run("rewrite", estate.toString(), "--recipe", "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun");
        String after = section(run("cutover", "plan", estate.toString(), "--at", AT), "nightly-load");
        assertThat(after).startsWith("## Job `nightly-load` (cron, etc/cron.d/etl-nightly:7): deployed")
                .contains("  (cd prefect && prefect deploy --name cron-nightly-load-8c14374c)\n")
                .contains("prefect deployment schedule pause 'nightly-load/cron-nightly-load-8c14374c' SCHEDULE_ID");
    }

    // a CronJob no recipe deploys: the plan says what to fill in, and nothing past the deployed gate is ticked
    @Test
    void aJobNoRecipeDeploysSaysWhatToFillInAndItsGateFails() {
        String lh = SAMPLES.resolve("legacy-host").toString();
        String job = section(run("cutover", "plan", lh, "--at", AT), "etl-partner-exports");
        assertThat(job).contains("# fill in first: no migrate recipe writes a deployment for this job; write one named "
                        + "'etl-partner-exports' in prefect.yaml for the flow that does its work. FLOW in the commands below")
                .contains("- [ ] **Deploy the new flow with an offset schedule");
        assertThat(run("cutover", "status", lh, "--at", AT, "--job", "etl-partner-exports"))
                .contains("[ ] deployed         no Prefect 3 deployment named 'etl/partner-exports'");
    }

    @Test
    void aPrefect1BackfillRunsTheFlowInTheProjectItsFileRegistersItIn() throws Exception {
        String md = run("cutover", "plan", SAMPLES.resolve("prefect1-lake").toString(), "--at", AT, "--job", "ingest-orders");
        assertThat(md).contains("  prefect run -n 'ingest-orders' --project lake-ingestion   # once per missed window\n")
                .contains("prefect deployment schedule ls 'ingest-orders/ingest-orders'")
                .doesNotContain("PROJECT").doesNotContain("'FLOW/ingest-orders'");
        // a file that registers in no project it names: a comment to fill in, never a run in a project that is not there
        Files.createDirectories(tmp.resolve("flows"));
        Files.writeString(tmp.resolve("flows/load.py"), """
                from prefect import Flow, task
                from prefect.schedules import IntervalSchedule
                from datetime import timedelta

                @task
                def load():
                    pass

                with Flow("load", schedule=IntervalSchedule(interval=timedelta(hours=1))) as flow:
                    load()

                flow.register(project_name=PROJECT_NAME)
                """);
        String unknown = run("cutover", "plan", tmp.toString(), "--at", AT, "--job", "load");
        assertThat(unknown).contains("  # fill in PROJECT first (the flow's Prefect 1 project: the project_name= of its "
                + "register() call, or the --project of the prefect register that registers it), then run: prefect run -n "
                + "'load' --project PROJECT\n");
    }

    // before: cutover keyed the loop scheduler-py, the recipe named its flow and deployment scheduler, and the two never met
    @Test
    void aLoopWithoutAUnitMeetsTheDeploymentTheLegacyRecipeWrites() throws Exception {
        Files.createDirectories(tmp.resolve("jobs"));
        Files.writeString(tmp.resolve("jobs/scheduler.py"), """
                import time


                def run_cycle():
                    print("sync")


                def main():
                    while True:
                        run_cycle()
                        time.sleep(600)


                if __name__ == "__main__":
                    main()
                """);
        String before = run("cutover", "status", tmp.toString(), "--at", AT);
        assertThat(before).containsPattern("(?m)^scheduler +scanned").doesNotContainPattern("(?m)^scheduler-py ");
        assertThat(section(run("cutover", "plan", tmp.toString(), "--at", AT), "scheduler"))
                .containsPattern("writes deployment 'py-loop-scheduler-[0-9a-f]{8}' of flow 'scheduler' to prefect/prefect.yaml");
        run("rewrite", tmp.toString(), "--recipe", "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun");
        assertThat(Files.readString(tmp.resolve("prefect/prefect.yaml"))).containsPattern("name: py-loop-scheduler-[0-9a-f]{8}");
        String after = run("cutover", "status", tmp.toString(), "--at", AT);
        assertThat(after).containsPattern("(?m)^scheduler +deployed").doesNotContainPattern("(?m)^(scheduler-py|py-loop-)");
        // the script's own name still selects it
        assertThat(run("cutover", "status", tmp.toString(), "--at", AT, "--job", "scheduler.py")).contains("\nscheduler (deployed)\n");
    }
}
