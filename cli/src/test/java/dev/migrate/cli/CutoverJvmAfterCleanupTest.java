package dev.migrate.cli;

import static dev.migrate.cli.CutoverK2PlatformTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring application's unit after its scheduled methods are gone: the legacy recipe moves them to deployments, the
 * team removes the {@code @Scheduled} methods from the application (the recipe leaves its code to them), and the
 * cleanup runs. The scan then finds no Spring job, and only the recipe's manifest says the unit ran them: the unit
 * must keep following those jobs' gates, not come back as a job of its own with a deployment to write by hand.
 */
class CutoverJvmAfterCleanupTest {
    private static final String RECIPE = "dev.migrate.recipes.legacy.MoveLegacySchedulersToPrefect3";
    private static final String UNIT = """
            [Unit]
            Description=Billing service (Spring Boot, has its own @Scheduled jobs)

            [Service]
            User=billing
            WorkingDirectory=/opt/billing-app
            ExecStart=/usr/bin/java -Xmx1g -jar /opt/billing-app/target/billing-app.jar --spring.profiles.active=prod
            Restart=on-failure

            [Install]
            WantedBy=multi-user.target
            """;
    private static final String JOBS = "opt/billing-app/src/main/java/com/corp/billing/jobs/BillingJobs.java";

    @TempDir
    Path tmp;

    @Test
    void theUnitStillSupervisesItsRetiredScheduledMethods() throws IOException {
        Path estate = tmp.resolve("host");
        Files.createDirectories(estate.resolve("etc/systemd/system"));
        Files.writeString(estate.resolve("etc/systemd/system/billing-app.service"), UNIT);
        Files.createDirectories(estate.resolve(JOBS).getParent());
        Files.writeString(estate.resolve(JOBS), """
                package com.corp.billing.jobs;

                import org.springframework.scheduling.annotation.Scheduled;
                import org.springframework.stereotype.Component;

                @Component
                public class BillingJobs {
                    @Scheduled(cron = "0 0 2 * * *")
                    public void nightlyInvoiceRun() {
                    }

                    @Scheduled(cron = "0 30 6 * * MON-FRI")
                    public void syncPayments() {
                    }
                }
                """);
        String store = "jdbc:sqlite:" + tmp.resolve("evidence.db");
        for (String phase : new String[] {"dual-run", "cutover"}) {
            CliRun run = CliRun.of("rewrite", estate.toString(), "--recipe", RECIPE, "--option", "phase=" + phase,
                    "--option", "asOf=2026-11-20");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        String before = status(estate, store).out();
        assertThat(before).containsPattern("(?m)^billing-app +.*the service runs jobs")
                .containsPattern("(?m)^nightlyinvoicerun +").containsPattern("(?m)^syncpayments +");

        // the team removes the scheduled methods from the application; then the cleanup
        Files.writeString(estate.resolve(JOBS), """
                package com.corp.billing.jobs;

                import org.springframework.stereotype.Component;

                @Component
                public class BillingJobs {
                }
                """);
        CliRun cleanup = CliRun.of("rewrite", estate.toString(), "--recipe", RECIPE, "--option", "phase=cleanup",
                "--option", "asOf=2026-11-20");
        assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();

        CliRun after = status(estate, store);
        assertThat(after.exitCode()).as(after.err()).isZero();
        // the methods keep their rows under their names (the manifest), and the unit keeps following them
        assertThat(after.out()).containsPattern("(?m)^nightlyinvoicerun +").containsPattern("(?m)^syncpayments +")
                .containsPattern("(?m)^billing-app +.*the service runs jobs");
        String plan = CliRun.of("cutover", "plan", estate.toString(), "--job", "billing-app", "--store", store,
                "--at", "2026-11-24T12:00:00Z").out();
        assertThat(plan).contains("**Cut over the jobs this service schedules, each in its own section**")
                .contains("--job nightlyinvoicerun --job syncpayments --require cut-over")
                .doesNotContain("FLOW/billing-app").doesNotContain("prefect deploy");
    }
}
