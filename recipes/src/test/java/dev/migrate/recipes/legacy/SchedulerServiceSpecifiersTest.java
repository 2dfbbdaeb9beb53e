package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that keeps an in-process scheduler running (APScheduler in a Python script, Spring's @Scheduled in a jar)
 * hands its jobs the user, directory and environment systemd gave the process, with its %-specifiers expanded as a
 * timer's service has them. Before, the jobs got them as written: the pool was legacy-host-%p, the flow started
 * nowhere for WorkingDirectory=%S/%N, CACHE_DIR was '%C/%N', and a jar named by /opt/%N/ was not found at all.
 */
class SchedulerServiceSpecifiersTest {
    private static final String APS = """
            from apscheduler.schedulers.blocking import BlockingScheduler

            scheduler = BlockingScheduler()


            def build_report():
                print("report")


            scheduler.add_job(build_report, "cron", hour=6, minute=30)

            if __name__ == "__main__":
                scheduler.start()
            """;

    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String flows() throws Exception {
        return String.join("\n", snapshot(dir).entrySet().stream()
                .filter(e -> e.getKey().startsWith("prefect/flows/")).map(Map.Entry::getValue).toList());
    }

    @Test
    void anApschedulerServicesSpecifiersAreExpandedForItsJobs() throws Exception {
        write("opt/reports/aps.py", APS);
        write("etc/systemd/system/reports.service", """
                [Unit]
                Description=Report scheduler
                [Service]
                User=%p
                WorkingDirectory=%S/%N
                Environment=CACHE_DIR=%C/%N UNIT=%n
                ExecStart=/usr/bin/python3 /opt/reports/aps.py
                Restart=always
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(read(dir, "prefect/prefect.yaml")).contains("name: legacy-host-reports", "CACHE_DIR: /var/cache/reports",
                "UNIT: reports.service").doesNotContain("%p", "%C", "%N");
        assertThat(flows()).contains("    _migrate_os.chdir('/var/lib/reports')\n");
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("specifiers the flow cannot know"));
        assertCompiles(dir);
        assertThat(run(dir, "dual-run").changes()).isEmpty();
    }

    /** A specifier the service's manager alone knows (the machine id) is kept and reported for the jobs it hosts. */
    @Test
    void aSpecifierLeftInTheServicesSettingsIsReportedWithItsJobs() throws Exception {
        write("opt/reports/aps.py", APS);
        write("etc/systemd/system/reports.service", """
                [Service]
                User=reports
                Environment=NODE=%m
                ExecStart=/usr/bin/python3 /opt/reports/aps.py
                Restart=always
                """);
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("Environment= holds systemd specifiers the flow cannot know (%m)"));
    }

    @Test
    void aSpringApplicationsJarNamedWithSpecifiersIsFound() throws Exception {
        write("opt/billing/src/main/java/com/acme/BillingJobs.java", """
                package com.acme;

                import org.springframework.scheduling.annotation.Scheduled;

                public class BillingJobs {
                    @Scheduled(cron = "0 15 4 * * *")
                    public void invoices() {
                    }
                }
                """);
        write("etc/systemd/system/billing.service", """
                [Unit]
                Description=Billing scheduler
                [Service]
                User=%N
                ExecStart=/usr/bin/java -jar /opt/%N/billing.jar --spring.config.additional-location=%E/%N/
                Restart=on-failure
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        // before: left alone, "no systemd service runs this application's jar"
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("no systemd service runs this application's jar"));
        assertThat(flows()).contains("COMMAND = '/usr/bin/java -jar /opt/billing/billing.jar "
                + "--spring.config.additional-location=/etc/billing/ --spring.main.web-application-type=none");
        assertThat(read(dir, "prefect/prefect.yaml")).contains("name: legacy-host-billing");
    }

    /** Must not change: a scheduler service without specifiers hands its settings on as written. */
    @Test
    void aServiceWithoutSpecifiersIsReadAsBefore() throws Exception {
        write("opt/reports/aps.py", APS);
        write("etc/systemd/system/reports.service", """
                [Service]
                User=reports
                WorkingDirectory=/srv/reports
                Environment=CACHE_DIR=/var/cache/reports LABEL=100
                ExecStart=/usr/bin/python3 /opt/reports/aps.py
                Restart=always
                """);
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(read(dir, "prefect/prefect.yaml")).contains("name: legacy-host-reports", "CACHE_DIR: /var/cache/reports",
                "LABEL: '100'");
        assertThat(flows()).contains("    _migrate_os.chdir('/srv/reports')\n");
        assertThat(read(dir, "etc/systemd/system/reports.service")).contains("WorkingDirectory=/srv/reports\n");
    }
}
