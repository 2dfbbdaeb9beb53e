package dev.migrate.analyzers.sources.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.scan.HostZoneUsed;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.analyzers.sources.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CRN011 of a crontab line without CRON_TZ: before, it said "the host's zone (no CRON_TZ)" whatever the scan knew of
 * that zone, and the schedule it told the deployment to take had no timezone, which Prefect reads as UTC: on a host in
 * Europe/Berlin the deployment would have run one or two hours off. Now the zone the scan reads the line in is named
 * and given to the schedule; when nothing named it, the message says the zone is assumed, as CRN001's does.
 */
class CronDeploymentRunZoneTest {
    private static final String CRONTAB = "30 5 * * 1-5 /opt/venv/bin/prefect deployment run etl/nightly\n";

    @TempDir
    Path tree;

    private String crn011(HostZoneUsed zone) throws IOException {
        TreeFiles.write(tree, "var/spool/cron/etl", CRONTAB);
        Inventory inv = Scanner.standard(new ScanOptions(ScanOptions.DEFAULT_MAX_FILE_BYTES, 1, zone))
                .scan(tree, "t", ScanListener.NONE);
        return inv.findings().stream().filter(f -> f.code().equals("CRN011")).map(Finding::message)
                .findFirst().orElseThrow();
    }

    @Test
    void aZoneTheOptionNamesIsTheLinesAndTheDeploymentSchedules() throws IOException {
        assertThat(crn011(new HostZoneUsed("Europe/Berlin", HostZoneUsed.From.OPTION, "--host-zone")))
                .contains("on '30 5 * * 1-5' in the host's zone (Europe/Berlin), no CRON_TZ:")
                .contains("(schedules: [{cron: \"30 5 * * 1-5\", timezone: \"Europe/Berlin\"}])")
                .doesNotContain("assumed");
    }

    @Test
    void aZoneTheTreeNamesIsNamedToo() throws IOException {
        TreeFiles.write(tree, "etc/timezone", "America/Chicago\n");
        assertThat(crn011(new HostZoneUsed("America/Chicago", HostZoneUsed.From.HOST_FILES, "etc/timezone:1")))
                .contains("in the host's zone (America/Chicago), no CRON_TZ")
                .contains("timezone: \"America/Chicago\"");
    }

    @Test
    void anAssumedZoneIsSaidToBeAssumed() throws IOException {
        assertThat(crn011(new HostZoneUsed("UTC", HostZoneUsed.From.ASSUMED, null)))
                .contains("in the host's zone (UTC, assumed: no --host-zone or zone file), no CRON_TZ");
    }

    @Test
    void aCronTzLineKeepsItsOwnZone() throws IOException {
        // must not change: CRON_TZ names the zone, whatever the host's is
        TreeFiles.write(tree, "var/spool/cron/etl", "CRON_TZ=Asia/Tokyo\n" + CRONTAB);
        Inventory inv = Scanner.standard(new ScanOptions(ScanOptions.DEFAULT_MAX_FILE_BYTES, 1,
                new HostZoneUsed("Europe/Berlin", HostZoneUsed.From.OPTION, "--host-zone"))).scan(tree, "t", ScanListener.NONE);
        assertThat(inv.findings().stream().filter(f -> f.code().equals("CRN011")).map(Finding::message).findFirst()
                .orElseThrow()).contains("in Asia/Tokyo:").contains("timezone: \"Asia/Tokyo\"").doesNotContain("host");
    }
}
