package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's zone: read from the dump, chosen with --host-zone, or assumed and said so; never for platform schedules. */
class ScanHostZoneTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path estate;

    @BeforeEach
    void writeEstate() throws IOException {
        Files.createDirectories(estate.resolve("etc/cron.d"));
        Files.writeString(estate.resolve("etc/cron.d/etl"), "15 2 * * * etl /opt/etl/run_daily.sh\n");
        Files.writeString(estate.resolve("prefect.yaml"), """
                name: proj
                prefect-version: 2.14.0
                deployments:
                  - name: nightly
                    entrypoint: flows/etl.py:etl
                    schedule:
                      cron: "0 3 * * *"
                    work_pool:
                      name: default
                """);
    }

    @Test
    void theZoneTheDumpDeclaresIsTheCrontabsAndSaidSo() throws IOException {
        Files.writeString(estate.resolve("etc/timezone"), "Europe/Paris\n");
        CliRun r = CliRun.of("scan", estate.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("at 02:15 (Europe/Paris) -> cron: 15 2 * * *, timezone: Europe/Paris")
                // Prefect reads a schedule without a timezone in UTC, whatever the host's clock
                .contains("at 03:00 (UTC) -> cron: 0 3 * * *, timezone: UTC: exact");
        assertThat(r.err()).contains("1 schedule names no zone: read in Europe/Paris, the host's zone (etc/timezone:1)");
    }

    @Test
    void theOptionWinsAndNeedsNoNote() throws IOException {
        Files.writeString(estate.resolve("etc/timezone"), "Europe/Paris\n");
        CliRun r = CliRun.of("scan", estate.toString(), "--host-zone", "America/New_York");
        assertThat(r.out()).contains("at 02:15 (America/New_York)").contains("at 03:00 (UTC)");
        assertThat(r.err()).doesNotContain("schedule names no zone");
        assertThat(System.getProperty(HostZoneOption.PROPERTY)).as("the run's zone does not outlive it").isNull();
    }

    @Test
    void withoutADeclaredZoneUtcIsAssumedAndSaidSo() {
        CliRun r = CliRun.of("scan", estate.toString(), "-f", "json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("1 schedule names no zone and run in the host's clock, which the tree does not show")
                .contains("read in UTC; pass --host-zone ZONE");
        assertThat(CliRun.of("scan", estate.toString(), "-q").err()).isEmpty();
    }

    @Test
    void everyReportStatesTheZoneAndWhereItCameFrom() throws IOException {
        JsonNode assumed = JSON.readTree(CliRun.of("scan", estate.toString(), "-f", "json", "-q").out()).get("hostZone");
        assertThat(assumed.get("zone").asText()).isEqualTo("UTC");
        assertThat(assumed.get("from").asText()).isEqualTo("assumed");
        assertThat(assumed.get("where").isNull()).isTrue();
        JsonNode option = JSON.readTree(CliRun.of("scan", estate.toString(), "-f", "json", "--host-zone", "Asia/Tokyo")
                .out()).get("hostZone");
        assertThat(option.get("zone").asText() + " " + option.get("from").asText() + " " + option.get("where").asText())
                .isEqualTo("Asia/Tokyo option --host-zone");

        Files.writeString(estate.resolve("etc/timezone"), "# set by the installer\nEurope/Paris\n");
        JsonNode files = JSON.readTree(CliRun.of("scan", estate.toString(), "-f", "json").out()).get("hostZone");
        assertThat(files.get("zone").asText() + " " + files.get("from").asText() + " " + files.get("where").asText())
                .isEqualTo("Europe/Paris host-files etc/timezone:2");
        JsonNode sarif = JSON.readTree(CliRun.of("scan", estate.toString(), "-f", "sarif").out());
        assertThat(sarif.at("/runs/0/properties/hostZone/zone").asText()).isEqualTo("Europe/Paris");
        assertThat(sarif.at("/runs/0/properties/hostZone/where").asText()).isEqualTo("etc/timezone:2");
        assertThat(CliRun.of("scan", estate.toString(), "-f", "md").out())
                .contains("Host zone: Europe/Paris (from etc/timezone:2); schedules that name no zone were read in it");
        assertThat(CliRun.of("scan", estate.toString(), "-f", "html").out())
                .contains("<p id=\"host-zone\">Host zone: Europe/Paris (from etc/timezone:2)");
    }

    @Test
    void anApschedulerTriggerInTheMachinesClockIsNotProvenWhileTheZoneIsAssumed() throws IOException {
        Files.createDirectories(estate.resolve("opt/reports"));
        Files.writeString(estate.resolve("opt/reports/scheduler.py"), """
                from apscheduler.schedulers.blocking import BlockingScheduler
                from apscheduler.triggers.cron import CronTrigger

                import reports

                scheduler = BlockingScheduler()
                scheduler.add_job(reports.nightly, CronTrigger(hour=3, minute=0), id="nightly")
                scheduler.start()
                """);
        String assumed = CliRun.of("scan", estate.toString(), "-q").out();
        // a cron trigger has no start: only its zone is said to be unknown, and the zone it was read in is named
        assertThat(assumed).contains("at 03:00 (zone not proven, read as UTC) -> cron: 0 3 * * *, timezone: UTC: not "
                + "proven, zone not proven (APScheduler fires a trigger that names no timezone=")
                .contains("read in UTC; pass --host-zone ZONE, or give the trigger timezone=); read without it, the same "
                        + "over 50 fire times");
        // must not change: a zone the user names, or the tree's files, is the machine's
        assertThat(CliRun.of("scan", estate.toString(), "-q", "--host-zone", "UTC").out())
                .contains("at 03:00 (UTC) -> cron: 0 3 * * *, timezone: UTC: exact over 50 fire times");
        Files.writeString(estate.resolve("etc/timezone"), "Europe/Paris\n");
        assertThat(CliRun.of("scan", estate.toString(), "-q").out())
                .contains("at 03:00 (Europe/Paris) -> cron: 0 3 * * *, timezone: Europe/Paris: exact");
        assertThat(System.getProperty("migrate.hostZone.assumed")).as("the run's reading does not outlive it").isNull();
    }

    @Test
    void anUnknownZoneIsBadInput() {
        CliRun r = CliRun.of("scan", estate.toString(), "--host-zone", "Mars/Olympus");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--host-zone").contains("'Mars/Olympus' is not a time zone");
    }

    @Test
    void theCutoverPlanShiftsTheCrontabInTheHostsClockAndThePrefectDeploymentInUtc() throws IOException {
        Files.writeString(estate.resolve("etc/timezone"), "Europe/Paris\n");
        CliRun r = CliRun.of("cutover", "plan", estate.toString());
        // named as the legacy recipe will write it (cutover plan asks the recipe), with the schedules the recipe writes
        assertThat(r.out()).containsPattern("deployment 'cron-run-daily-[0-9a-f]{8}': the legacy recipe writes schedules: "
                        + "\\[\\{cron: \"30 2 \\* \\* \\*\", timezone: \"Europe/Paris\"}]")
                .contains("legacy runs at 02:15 (Europe/Paris)")
                .contains("deployment 'nightly': schedules: [{cron: \"30 3 * * *\", timezone: \"UTC\"}]");
    }

    @Test
    void rewriteWritesLegacySchedulesInTheDeclaredZone() throws IOException {
        Files.writeString(estate.resolve("etc/timezone"), "Europe/Paris\n");
        CliRun r = CliRun.of("rewrite", estate.toString(), "--recipe",
                "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun", "--dry-run");
        assertThat(r.out()).contains("timezone: Europe/Paris").doesNotContain("timezone: UTC");
    }
}
