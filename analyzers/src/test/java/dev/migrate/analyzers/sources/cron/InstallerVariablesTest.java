package dev.migrate.analyzers.sources.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.report.ReportFormat;
import dev.migrate.analyzers.report.Reports;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The variables a script's unquoted here-document expands into the crontab it installs, recorded on the crontab's jobs
 * ({@code installer.NAME}) by the scan, so that the cutover's backfill reads them from the inventory rather than the
 * script again; never a secret, which every report still masks.
 */
class InstallerVariablesTest {
    @TempDir
    Path root;

    private Inventory scan(String script) throws IOException {
        Files.createDirectories(root.resolve("bin"));
        Files.writeString(root.resolve("bin/install.sh"), script);
        return Scanner.standard(ScanOptions.defaults()).scan(root, "t", ScanListener.NONE);
    }

    private static Job job(Inventory inv, String name) {
        return inv.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theScriptsLiteralVariablesTheCrontabReadsAreRecorded() throws IOException {
        Inventory inv = scan("""
                #!/bin/bash
                INGEST_HOME=/opt/ingest
                LOGS="/var/log/ingest"
                UNUSED=/nowhere
                crontab <<EOF
                MAILTO=ops@example.com
                */3 * * * * ${INGEST_HOME}/bin/poll-sftp.sh >> $LOGS/poll.log
                45 6 * * 1-5 /usr/bin/true
                EOF
                """);
        assertThat(InstallerVariables.on(job(inv, "poll-sftp"))).containsOnly(
                java.util.Map.entry("INGEST_HOME", "/opt/ingest"), java.util.Map.entry("LOGS", "/var/log/ingest"));
        assertThat(job(inv, "poll-sftp").attributes()).containsEntry("installer.INGEST_HOME", "/opt/ingest")
                .doesNotContainKey("installer.UNUSED");
    }

    // must not change: a quoted delimiter expands nothing, a variable set after the here-document or in a block is not
    // the one it expanded, and an echoed line records nothing
    @Test
    void nothingIsRecordedWhereTheScriptDoesNotExpandAKnownValue() throws IOException {
        Inventory inv = scan("""
                #!/bin/bash
                A=/opt/a
                if [ -n "$X" ]; then
                  B=/opt/b
                fi
                crontab <<'EOF'
                0 1 * * * $A/quoted.sh
                EOF
                crontab -u etl - <<EOF
                0 2 * * * $B/in-a-block.sh $C/later.sh
                EOF
                C=/opt/c
                (crontab -l; echo "0 3 * * * $A/echoed.sh") | crontab -
                """);
        assertThat(inv.jobs()).isNotEmpty();
        for (Job j : inv.jobs()) {
            assertThat(InstallerVariables.on(j)).as(j.name()).isEmpty();
        }
    }

    @Test
    void aSecretIsNeverRecordedAndNoReportPrintsIt() throws IOException {
        Inventory inv = scan("""
                #!/bin/bash
                DB_PASSWORD=Hunter2-Inst4ller
                DB_URL=postgresql://etl:Url-Pw-9871@db/etl
                APP=/srv/app
                crontab <<EOF
                API_TOKEN=Tok-Cr0ntab-55
                0 4 * * * $APP/load.sh --password "$DB_PASSWORD" --db $DB_URL --token $API_TOKEN
                EOF
                """);
        Job load = job(inv, "load");
        assertThat(InstallerVariables.on(load)).containsOnly(java.util.Map.entry("APP", "/srv/app"));
        List<String> secrets = List.of("Hunter2-Inst4ller", "Url-Pw-9871", "Tok-Cr0ntab-55");
        for (ReportFormat f : ReportFormat.values()) {
            StringWriter w = new StringWriter();
            Reports.write(f, inv, RuleRegistry.standard(), w);
            for (String secret : secrets) {
                assertThat(w.toString()).as(f + " prints " + secret).doesNotContain(secret);
            }
        }
    }
}
