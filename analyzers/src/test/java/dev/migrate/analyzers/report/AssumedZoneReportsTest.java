package dev.migrate.analyzers.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.HostZoneUsed;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crontab line and an OnCalendar= read in a host zone only assumed were shown as exact translations, the zone said
 * only in the report's "Host zone:" line: every format now says, on the schedule, that its zone is not proven, in the
 * words of a wall clock (no "start unknown": a cron line has no start), and what to do. A CRON_TZ line stays exact.
 */
class AssumedZoneReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tree;

    private Inventory scan(HostZoneUsed zone) throws IOException {
        Files.createDirectories(tree.resolve("etc/cron.d"));
        Files.createDirectories(tree.resolve("etc/systemd/system"));
        Files.writeString(tree.resolve("etc/cron.d/etl"), """
                15 2 * * * etl /opt/etl/run_daily.sh
                CRON_TZ=Asia/Tokyo
                0 9 * * * etl /opt/etl/tokyo_open.sh
                """);
        Files.writeString(tree.resolve("etc/systemd/system/backup.timer"), """
                [Timer]
                OnCalendar=*-*-* 01:40
                """);
        Files.writeString(tree.resolve("etc/systemd/system/backup.service"), """
                [Service]
                Type=oneshot
                ExecStart=/usr/local/bin/backup.sh
                """);
        return Scanner.standard(new ScanOptions(ScanOptions.DEFAULT_MAX_FILE_BYTES, 2, zone)).scan(tree, "assumed",
                ScanListener.NONE);
    }

    private static String render(Inventory inv, ReportFormat f) throws IOException {
        StringWriter w = new StringWriter();
        Reports.write(f, inv, RuleRegistry.standard(), w);
        return w.toString();
    }

    @Test
    void everyTextFormatSaysTheZoneIsNotProvenOnTheScheduleAndWhatToDo() throws IOException {
        Inventory inv = scan(new HostZoneUsed("UTC", HostZoneUsed.From.ASSUMED, null));
        for (ReportFormat f : new ReportFormat[] {ReportFormat.TERMINAL, ReportFormat.MD, ReportFormat.HTML}) {
            String text = render(inv, f);
            assertThat(text).as(f.name()).contains("at 02:15 (zone not proven, read as UTC)")
                    .contains("not proven, zone not proven (cron fires a crontab line that no CRON")
                    .contains("not proven, zone not proven (systemd fires an OnCalendar= that names no zone")
                    .contains("pass --host-zone ZONE")
                    .contains("at 09:00 (Asia/Tokyo)")
                    .doesNotContain("start unknown").doesNotContain("at 02:15 (UTC) ->");
        }
    }

    @Test
    void jsonSaysUnprovenAndNotExactAndMatchesItsSchema() throws IOException {
        JsonNode doc = JSON.readTree(render(scan(new HostZoneUsed("UTC", HostZoneUsed.From.ASSUMED, null)),
                ReportFormat.JSON));
        try (InputStream in = JsonReport.class.getResourceAsStream(JsonReport.SCHEMA_RESOURCE)) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in).validate(doc)).isEmpty();
        }
        int marked = 0;
        for (JsonNode job : doc.get("jobs")) {
            for (JsonNode s : job.get("schedules")) {
                JsonNode prefect = s.get("prefect");
                if (s.get("expression").asText().equals("0 9 * * *")) {
                    assertThat(prefect.get("exact").asBoolean()).isTrue();
                    assertThat(prefect.has("unproven")).isFalse();
                } else {
                    assertThat(prefect.get("exact").asBoolean()).as(s.toString()).isFalse();
                    assertThat(prefect.get("unproven").asText()).startsWith("zone not proven (");
                    marked++;
                }
            }
        }
        assertThat(marked).isEqualTo(2);
    }

    @Test
    void aNamedZoneLeavesEveryFormatAsItWas() throws IOException {
        // must not change: the option named the host's zone (UTC, the zone the reports' check reads it in here)
        Inventory inv = scan(new HostZoneUsed("UTC", HostZoneUsed.From.OPTION, "--host-zone"));
        for (ReportFormat f : new ReportFormat[] {ReportFormat.TERMINAL, ReportFormat.MD, ReportFormat.HTML,
            ReportFormat.JSON}) {
            assertThat(render(inv, f)).as(f.name()).doesNotContain("not proven").contains("at 02:15 (UTC)");
        }
        assertThat(render(inv, ReportFormat.TERMINAL)).contains("at 02:15 (UTC) -> cron: 15 2 * * *, timezone: UTC: exact");
    }
}
