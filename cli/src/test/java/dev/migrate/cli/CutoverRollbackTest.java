package dev.migrate.cli;

import static dev.migrate.cli.CutoverK2PlatformTest.copy;
import static dev.migrate.cli.CutoverK2PlatformTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applies a plan's cutover and rollback steps to a copy of samples/legacy-host: the crontab line goes
 * behind a marker, and comes back byte for byte.
 */
class CutoverRollbackTest {
    @TempDir
    Path tmp;

    @Test
    void disabledCrontabLineComesBackOnRollback() throws IOException {
        Path estate = copy(CutoverK2PlatformTest.ROOT.resolve("samples/legacy-host"), tmp.resolve("host"));
        String store = "jdbc:sqlite:" + tmp.resolve("evidence.db");
        Path crontab = estate.resolve("etc/cron.d/etl-nightly");
        byte[] before = Files.readAllBytes(crontab);
        Files.setPosixFilePermissions(crontab, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        String line7 = Files.readAllLines(crontab).get(6);

        CliRun plan = CliRun.of("cutover", "plan", estate.toString(), "--job", "nightly-load", "--store", store,
                "--at", "2026-11-21T12:00:00Z");
        assertThat(plan.out()).contains("## Job `nightly-load` (cron, etc/cron.d/etl-nightly:7): scanned")
                .contains("migrate cutover disable " + estate + " --job nightly-load --apply   # etc/cron.d/etl-nightly:7 "
                        + "becomes '# migrate: disabled nightly-load 2026-11-21T12:00:00Z # ...'")
                .contains("migrate cutover rollback " + estate + " --job nightly-load --apply   # restores etc/cron.d/etl-nightly:7 exactly")
                // the schedule the legacy recipe writes for the dual run (its 15-minute offset after 02:30)
                .contains("the legacy recipe writes schedules: [{cron: \"45 2 * * *\"");

        CliRun disable = CliRun.of("cutover", "disable", estate.toString(), "--job", "nightly-load", "--apply", "--store",
                store, "--at", "2026-11-20T00:00:00Z");
        assertThat(disable.exitCode()).as(disable.err()).isZero();
        assertThat(disable.out()).contains("nightly-load: disabled etc/cron.d/etl-nightly:7");
        assertThat(Files.readAllLines(crontab).get(6)).isEqualTo("# migrate: disabled nightly-load 2026-11-20T00:00:00Z # " + line7);
        CliRun afterDisable = status(estate, store, "--job", "nightly-load");
        assertThat(afterDisable.out()).contains("[x] scanned          scanned before it was disabled at etc/cron.d/etl-nightly:7")
                .contains("[x] legacy-disabled  disabled 2026-11-20T00:00:00Z by migrate marker at etc/cron.d/etl-nightly:7");
        assertThat(CliRun.of("scan", estate.toString(), "--format", "json").out()).doesNotContain("\"nightly-load\"");

        // the tree names no zone: the line's windows are estimates until the host's zone is given
        CliRun assumed = CliRun.of("cutover", "rollback", estate.toString(), "--job", "nightly-load", "--store", store,
                "--at", "2026-11-22T00:00:00Z");
        assertThat(assumed.out()).contains("nightly-load: about 2 legacy run(s) missed between 2026-11-20T00:00:00Z and "
                        + "2026-11-22T00:00:00Z reading '30 2 * * *' as at 02:30 (UTC); not proven: zone not proven (")
                .contains("pass --host-zone ZONE").contains("estimated, not proven: near 2026-11-20T02:30Z[UTC]");
        CliRun dry = CliRun.of("cutover", "rollback", estate.toString(), "--job", "nightly-load", "--store", store,
                "--at", "2026-11-22T00:00:00Z", "--host-zone", "UTC");
        assertThat(dry.out()).contains("nightly-load: 2 legacy run(s) missed between 2026-11-20T00:00:00Z and 2026-11-22T00:00:00Z")
                .contains("backfill 2026-11-20T02:30").contains("backfill 2026-11-21T02:30")
                .contains("would restore etc/cron.d/etl-nightly:7: " + line7);
        assertThat(Files.readAllLines(crontab).get(6)).as("no --apply, no change").startsWith("# migrate: disabled");

        CliRun rollback = CliRun.of("cutover", "rollback", estate.toString(), "--job", "nightly-load", "--apply",
                "--store", store, "--at", "2026-11-22T00:00:00Z");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("nightly-load: restored etc/cron.d/etl-nightly:7");
        assertThat(Files.readAllBytes(crontab)).isEqualTo(before);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(crontab)))
                .as("atomic writes keep the mode").isEqualTo("rw-r-----");
        assertThat(CliRun.of("scan", estate.toString(), "--format", "json").out()).contains("\"nightly-load\"");
    }

    @Test
    void missedRunsOfADisabledLineAreListedInItsCrontabZone() throws IOException {
        Path estate = tmp.resolve("paris");
        Files.createDirectories(estate.resolve("etc/cron.d"));
        Path crontab = Files.writeString(estate.resolve("etc/cron.d/etl"), "MAILTO=ops@example.org\nCRON_TZ=Europe/Paris\n"
                + "15 2 * * * etl /opt/etl/sales_extract.sh\n@daily etl /opt/etl/purge.sh\n");
        String store = "jdbc:sqlite:" + tmp.resolve("e.db");
        for (String job : new String[] {"sales-extract", "purge"}) {
            CliRun disable = CliRun.of("cutover", "disable", estate.toString(), "--job", job, "--apply", "--store", store,
                    "--at", "2026-11-20T00:00:00Z");
            assertThat(disable.exitCode()).as(disable.err() + disable.out()).isZero();
        }
        CliRun dry = CliRun.of("cutover", "rollback", estate.toString(), "--job", "sales-extract", "--job", "purge",
                "--store", store, "--at", "2026-11-21T00:30:00Z");
        // 02:15 in Paris is 01:15Z, and midnight in Paris 23:00Z: not 02:15Z and 00:00Z
        assertThat(dry.out()).contains("sales-extract: 1 legacy run(s) missed")
                .contains("backfill 2026-11-20T02:15+01:00[Europe/Paris]")
                .contains("purge: 1 legacy run(s) missed").contains("backfill 2026-11-21T00:00+01:00[Europe/Paris]");
        CliRun plan = CliRun.of("cutover", "plan", estate.toString(), "--job", "sales-extract", "--store", store,
                "--at", "2026-11-21T00:30:00Z");
        assertThat(plan.out()).contains("schedule '15 2 * * *' at etc/cron.d/etl:3").doesNotContain("no legacy schedule known");
        CliRun rollback = CliRun.of("cutover", "rollback", estate.toString(), "--job", "sales-extract", "--job",
                "purge", "--apply", "--store", store);
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(Files.readString(crontab)).isEqualTo("MAILTO=ops@example.org\nCRON_TZ=Europe/Paris\n"
                + "15 2 * * * etl /opt/etl/sales_extract.sh\n@daily etl /opt/etl/purge.sh\n");
    }

    @Test
    void jobsSwitchedOffOutsideTheirFilesAreRecordedInstead() throws IOException {
        Path estate = copy(CutoverK2PlatformTest.ROOT.resolve("samples/k2-platform"), tmp.resolve("k2"));
        CliRun run = CliRun.of("cutover", "disable", estate.toString(), "--job", "iceberg-offload-15min", "--apply",
                "--store", "jdbc:sqlite:" + tmp.resolve("e.db"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is a prefect2 job, switched off outside its files; run the plan's command, then: "
                + "migrate cutover record iceberg-offload-15min legacy-disabled --by NAME");
    }
}
