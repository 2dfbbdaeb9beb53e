package dev.migrate.analyzers.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.HostZoneUsed;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan started in code names its host zone in its options, and no {@code -Dmigrate.hostZone} is set: the report's
 * schedule views read a crontab line naming no zone in the inventory's zone, where they read it in UTC (the property's
 * default) and proved a translation of a schedule the host never ran.
 */
class ScheduleViewHostZoneTest {
    @TempDir
    Path host;
    private String savedZone;

    @BeforeEach
    void noProperty() {
        savedZone = System.getProperty(HostZoneUsed.PROPERTY);
        System.clearProperty(HostZoneUsed.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (savedZone != null) {
            System.setProperty(HostZoneUsed.PROPERTY, savedZone);
        }
    }

    private Inventory scan(HostZoneUsed zone) throws IOException {
        Files.createDirectories(host.resolve("etc/cron.d"));
        Files.writeString(host.resolve("etc/cron.d/etl"), "30 2 * * * etl /opt/etl/bin/nightly-load.sh\n");
        return Scanner.standard(ScanOptions.defaults().withHostZone(zone)).scan(host, "host", ScanListener.NONE);
    }

    private static ScheduleView viewOfTheCronLine(Inventory inv) {
        Job cron = inv.jobs().stream().filter(j -> j.kind() == JobKind.CRON).findFirst().orElseThrow();
        return ScheduleView.Cache.of(inv).of(cron, cron.schedules().get(0));
    }

    @Test
    void theReportReadsTheScheduleInTheInventorysZone() throws IOException {
        Inventory inv = scan(new HostZoneUsed("Europe/Berlin", HostZoneUsed.From.OPTION, "--host-zone"));
        assertThat(inv.hostZone().zone()).isEqualTo("Europe/Berlin");
        ScheduleView v = viewOfTheCronLine(inv);
        assertThat(v.description()).contains("Europe/Berlin").doesNotContain("UTC");
        assertThat(v.prefect()).contains("timezone: Europe/Berlin");
        // 02:30 is skipped on Berlin's spring-forward night, which only a proof in Berlin's clock can find
        assertThat(v.exact()).isFalse();
        assertThat(v.reason()).contains("spring-forward").contains("(Europe/Berlin)");
    }

    // must not change: a scan whose options name UTC reads it in UTC
    @Test
    void aUtcScanStaysInUtc() throws IOException {
        ScheduleView v = viewOfTheCronLine(scan(new HostZoneUsed("UTC", HostZoneUsed.From.OPTION, "--host-zone")));
        assertThat(v.prefect()).contains("timezone: UTC");
        assertThat(v.description()).doesNotContain("Berlin");
        assertThat(v.exact()).as("UTC has no DST change to skip 02:30").isTrue();
    }
}
