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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The variables a crontab-installing script takes from the files it reads into itself before its unquoted
 * here-document: the detector records the files, the resolver reads them from the tree after the scan. Before, only
 * the script's own assignments were recorded, and a value from {@code . ./env.sh} was lost.
 */
class InstallerSourcedVariablesTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Inventory scan() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(root, "t", ScanListener.NONE);
    }

    private static Job job(Inventory inv, String name) {
        return inv.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void relativeFilesAreReadFromTheScriptsDirectoryByAssumption() throws IOException {
        write("bin/env.sh", "INGEST_HOME=/opt/ingest\nexport INGEST_USER=etl\n");
        write("conf/paths.sh", "LOGS='/var/log/ingest'\n");
        write("bin/install.sh", """
                #!/bin/bash
                set -e
                . ./env.sh
                source ../conf/paths.sh
                crontab <<EOF
                */3 * * * * ${INGEST_HOME}/bin/poll-sftp.sh --as $INGEST_USER >> $LOGS/poll.log
                EOF
                """);
        Job poll = job(scan(), "poll-sftp");
        assertThat(InstallerVariables.on(poll)).containsOnly(Map.entry("INGEST_HOME", "/opt/ingest"),
                Map.entry("INGEST_USER", "etl"), Map.entry("LOGS", "/var/log/ingest"));
        assertThat(poll.attributes()).containsEntry(InstallerVariables.SOURCES, "bin/env.sh conf/paths.sh")
                // the script never cds: it runs wherever it is started, so its own directory is an assumption
                .containsEntry(InstallerVariables.ASSUMED_SOURCES, "bin/env.sh conf/paths.sh");
    }

    @Test
    void anAbsoluteFileIsFoundInTheHostDumpThatHoldsTheScript() throws IOException {
        write("hosts/etl1/opt/ingest/env.sh", "INGEST_HOME=/opt/ingest\nCONF_DIR=/opt/ingest/conf\n");
        write("hosts/etl1/opt/ingest/conf/more.sh", "SPOOL=/var/spool/ingest\n");
        // another host's file of the same path: not the one this host's script reads
        write("hosts/etl2/opt/ingest/env.sh", "INGEST_HOME=/srv/elsewhere\n");
        write("hosts/etl1/opt/ingest/bin/install.sh", """
                #!/bin/sh
                source /opt/ingest/env.sh
                CONF=/opt/ingest/conf
                . $CONF/more.sh
                . $(dirname "$0")/queue.sh
                crontab -u etl - <<EOF
                0 2 * * * ${INGEST_HOME}/bin/nightly.sh $SPOOL $QUEUE
                EOF
                """);
        // the script's own directory, as the shell finds $(dirname "$0") (before: not followed)
        write("hosts/etl1/opt/ingest/bin/queue.sh", "QUEUE=ingest-nightly\n");
        Job nightly = job(scan(), "nightly");
        assertThat(InstallerVariables.on(nightly)).containsOnly(Map.entry("INGEST_HOME", "/opt/ingest"),
                Map.entry("SPOOL", "/var/spool/ingest"), Map.entry("QUEUE", "ingest-nightly"));
        assertThat(nightly.attributes()).containsEntry(InstallerVariables.SOURCES,
                "/opt/ingest/env.sh /opt/ingest/conf/more.sh hosts/etl1/opt/ingest/bin/queue.sh")
                .doesNotContainKeys(InstallerVariables.ASSUMED_SOURCES, InstallerVariables.UNKNOWN);
    }

    // must not change: a file not in the tree gives nothing, and the variable stays for the cutover to name
    @Test
    void aMissingFileRecordsNothing() throws IOException {
        write("bin/install.sh", """
                #!/bin/bash
                . ./env.sh
                crontab <<EOF
                0 1 * * * $INGEST_HOME/bin/load.sh
                EOF
                """);
        assertThat(InstallerVariables.on(job(scan(), "load"))).isEmpty();
    }

    @Test
    void aSecretInASourcedFileIsNeverRecordedAndNoReportPrintsIt() throws IOException {
        write("bin/env.sh", """
                DB_PASSWORD=Hunter2-S0urced
                DB_URL=postgresql://etl:Url-Pw-Sourced-1@db/etl
                APP=/srv/app
                """);
        write("bin/install.sh", """
                #!/bin/bash
                . ./env.sh
                crontab <<EOF
                0 4 * * * $APP/load.sh --password "$DB_PASSWORD" --db $DB_URL
                EOF
                """);
        Inventory inv = scan();
        assertThat(InstallerVariables.on(job(inv, "load"))).containsOnly(Map.entry("APP", "/srv/app"));
        for (ReportFormat f : ReportFormat.values()) {
            StringWriter w = new StringWriter();
            Reports.write(f, inv, RuleRegistry.standard(), w);
            for (String secret : List.of("Hunter2-S0urced", "Url-Pw-Sourced-1")) {
                assertThat(w.toString()).as(f + " prints " + secret).doesNotContain(secret);
            }
        }
    }

    @Test
    void theScriptsAssignmentsAfterTheSourceLineWinAndTheFileWinsOverThoseBefore() throws IOException {
        write("bin/env.sh", "A=/from-env\nB=/from-env\nD=$(hostname)\nE=/from-env\n");
        write("bin/two.sh", "C=/from-two\n");
        write("bin/install.sh", """
                #!/bin/bash
                A=/script-before
                D=/script-before
                . ./env.sh
                B=/script-after
                C=/script-between
                . ./two.sh
                crontab <<EOF
                0 5 * * * /x.sh $A $B $C $D $E
                EOF
                """);
        Job x = job(scan(), "x");
        // A: the file read after it; B: the script's, set after the file (the later file does not set it); C: the
        // later file's over the script's; D: the file sets it to a command's output, so nothing is known; E: the file's
        assertThat(InstallerVariables.on(x)).containsOnly(Map.entry("A", "/from-env"), Map.entry("B", "/script-after"),
                Map.entry("C", "/from-two"), Map.entry("E", "/from-env"));
        assertThat(x.attributes()).containsEntry(InstallerVariables.SOURCED_NAMES, "A B:2 C:2 D E");
    }
}
