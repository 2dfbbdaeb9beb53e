package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crontab line without CRON_TZ and an OnCalendar= without a zone fire on the host's clock. With nothing naming that
 * zone the scan reads them in UTC: each schedule now says its zone is not proven (not only the stderr note and the
 * reports' "Host zone:" line), and the cutover plan says so before the new schedule is resumed. The tree's
 * etc/timezone or --host-zone proves them; a CRON_TZ line never needed it.
 */
class AssumedHostZoneScheduleTest {
    @TempDir
    Path tmp;
    private Path estate;

    @BeforeEach
    void writeEstate() throws IOException {
        estate = tmp.resolve("host");
        Files.createDirectories(estate.resolve("etc/cron.d"));
        Files.createDirectories(estate.resolve("etc/systemd/system"));
        Files.writeString(estate.resolve("etc/cron.d/etl"), """
                MAILTO=ops@example.org
                15 2 * * * etl /opt/etl/sales_extract.sh
                CRON_TZ=America/New_York
                0 7 * * 1-5 etl /opt/etl/market_open.sh
                """);
        Files.writeString(estate.resolve("etc/systemd/system/backup.timer"), """
                [Unit]
                Description=nightly backup

                [Timer]
                OnCalendar=*-*-* 01:40
                Persistent=true

                [Install]
                WantedBy=timers.target
                """);
        Files.writeString(estate.resolve("etc/systemd/system/backup.service"), """
                [Service]
                Type=oneshot
                ExecStart=/usr/local/bin/backup.sh
                """);
    }

    @Test
    void anAssumedZoneIsSaidOnEverySchedule() {
        CliRun r = CliRun.of("scan", estate.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("at 02:15 (zone not proven, read as UTC) -> cron: 15 2 * * *, timezone: UTC: not "
                        + "proven, zone not proven (cron fires")
                .contains("systemd calendar *-*-* 01:40:00 (zone not proven, read as UTC)")
                .contains("zone not proven (cron fires a crontab line that no CRON_TZ=")
                .contains("zone not proven (systemd fires an OnCalendar= that names no zone")
                .contains("cron: 0 7 * * 1-5, timezone: America/New_York: exact")
                .doesNotContain("start unknown");
        assertThat(r.err()).contains("2 schedules name no zone and run in the host's clock");
    }

    @Test
    void theTreesZoneFileOrTheOptionProvesThem() throws IOException {
        // must not change: the zone is named, the schedules are read in it and proven
        CliRun option = CliRun.of("scan", estate.toString(), "--host-zone", "Europe/Paris");
        assertThat(option.out()).contains("at 02:15 (Europe/Paris) -> cron: 15 2 * * *, timezone: Europe/Paris")
                .doesNotContain("not proven");
        Files.writeString(estate.resolve("etc/timezone"), "Europe/Paris\n");
        CliRun files = CliRun.of("scan", estate.toString());
        assertThat(files.out()).contains("at 02:15 (Europe/Paris)").doesNotContain("not proven");
    }

    /**
     * The plan's move step says, before the new schedule is resumed, that the line's times were read in an assumed
     * zone; with the zone named it says nothing of the kind.
     */
    @Test
    void thePlanSaysTheTimesAssumeTheZoneBeforeResuming() {
        String store = "jdbc:sqlite:" + tmp.resolve("e.db");
        CliRun assumed = CliRun.of("cutover", "plan", estate.toString(), "--job", "sales-extract", "--store", store,
                "--at", "2026-11-21T12:00:00Z");
        assertThat(assumed.exitCode()).as(assumed.err()).isZero();
        assertThat(assumed.out()).contains("# '15 2 * * *': zone not proven (cron fires a crontab line that no CRON_TZ=")
                .contains("before resuming, compare the next runs");
        CliRun named = CliRun.of("cutover", "plan", estate.toString(), "--job", "sales-extract", "--store", store,
                "--at", "2026-11-21T12:00:00Z", "--host-zone", "Europe/Paris");
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(named.out()).doesNotContain("zone not proven").contains("timezone: \"Europe/Paris\"");
    }
}
