package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The legacy recipes read an APScheduler script's schedules as the scan does: a trigger without a zone fires in the
 * local zone of its process, which is the TZ its systemd service sets, not the host's (Europe/Berlin here, as
 * {@code --host-zone} gives it). The deployment keeps the fire times the script had.
 */
class ApschedulerServiceZoneRewriteTest {
    private static final String SCRIPT = """
            from apscheduler.schedulers.blocking import BlockingScheduler
            from apscheduler.triggers.cron import CronTrigger

            from billing import invoices

            scheduler = BlockingScheduler()
            scheduler.add_job(invoices.send, CronTrigger(hour=6, minute=0), id="send_invoices")
            scheduler.add_job(invoices.close, CronTrigger(hour=23, timezone="UTC"), id="close_day")
            scheduler.start()
            """;

    @TempDir
    Path dir;

    private Path estate(String environment) throws Exception {
        Path p = dir.resolve("billing-host");
        Files.createDirectories(p.resolve("opt/billing"));
        Files.createDirectories(p.resolve("etc/systemd/system"));
        Files.writeString(p.resolve("opt/billing/jobs.py"), SCRIPT);
        Files.writeString(p.resolve("etc/systemd/system/billing.service"), """
                [Service]
                User=billing
                %sExecStart=/opt/billing/venv/bin/python /opt/billing/jobs.py
                Restart=always
                """.formatted(environment));
        return p;
    }

    private static String dualRunYaml(Path p) throws Exception {
        RewriteEngine.apply(p, LegacyTestSupport.run(p, new MoveLegacySchedulersToPrefect3("dual-run", 15, null, null,
                LegacyTestSupport.AS_OF, "Europe/Berlin")));
        return read(p, "prefect/prefect.yaml");
    }

    @Test
    void aTriggerWithoutAZoneRunsInTheTzOfItsService() throws Exception {
        String yaml = dualRunYaml(estate("Environment=\"TZ=America/New_York\"\n"));
        assertThat(yaml).contains("cron: 15 6 * * *\n    timezone: America/New_York")
                // a trigger that names its zone keeps it
                .contains("cron: 15 23 * * *\n    timezone: UTC")
                .doesNotContain("Europe/Berlin");
    }

    @Test
    void withoutTzTheHostsZoneIsTheLocalOne() throws Exception {
        // must not change: a service that sets no TZ leaves the host's zone
        String yaml = dualRunYaml(estate(""));
        assertThat(yaml).contains("cron: 15 6 * * *\n    timezone: Europe/Berlin").doesNotContain("America/New_York");
    }
}
