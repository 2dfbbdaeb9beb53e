package dev.migrate.analyzers.sources.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.analyzers.sources.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a crontab-installing script reads into itself, found as the shell finds them. Before, a relative
 * {@code . ./env.sh} was always read from the script's own directory, also after the script had moved its shell
 * ({@code cd "$(dirname "$0")/.."}, {@code cd /opt/ingest}), and a file the scan could not find left the value the
 * script set before it in place, although that file may change it.
 */
class InstallerSourcesTest {
    @TempDir
    Path root;

    private Job job(String name, String... pathsAndTexts) throws IOException {
        TreeFiles.write(root, pathsAndTexts);
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(root, "t", ScanListener.NONE);
        return inv.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRelativeFileIsReadWhereTheScriptCdsTo() throws IOException {
        Job load = job("load",
                "env.sh", "INGEST_HOME=/opt/ingest\n",
                "bin/env.sh", "INGEST_HOME=/opt/the-scripts-directory\n",
                "bin/install.sh", """
                        #!/bin/bash
                        cd "$(dirname "$0")/.."
                        . ./env.sh
                        crontab <<EOF
                        0 1 * * * $INGEST_HOME/bin/load.sh
                        EOF
                        """);
        assertThat(InstallerVariables.on(load)).containsOnly(Map.entry("INGEST_HOME", "/opt/ingest"));
        assertThat(load.attributes()).containsEntry(InstallerVariables.SOURCES, "env.sh")
                .doesNotContainKey(InstallerVariables.ASSUMED_SOURCES);
    }

    @Test
    void aCdToAHostDirectoryReadsTheFileThereInTheHostDump() throws IOException {
        Job load = job("load",
                "hosts/etl1/opt/ingest/env.sh", "INGEST_HOME=/opt/ingest\n",
                "hosts/etl1/opt/ingest/bin/env.sh", "INGEST_HOME=/wrong\n",
                "hosts/etl1/opt/ingest/bin/install.sh", """
                        #!/bin/sh
                        cd /opt/ingest
                        . ./env.sh
                        crontab <<EOF
                        0 1 * * * $INGEST_HOME/bin/load.sh
                        EOF
                        """);
        assertThat(InstallerVariables.on(load)).containsOnly(Map.entry("INGEST_HOME", "/opt/ingest"));
        assertThat(load.attributes()).containsEntry(InstallerVariables.SOURCES, "/opt/ingest/env.sh");
    }

    @Test
    void aFileThatCannotBeFoundMakesWhatTheScriptSetBeforeUnknown() throws IOException {
        Job load = job("load", "bin/install.sh", """
                #!/bin/bash
                INGEST_HOME=/opt/ingest
                . "$CONF_DIR/env.sh"
                LOGS=/var/log/after
                crontab <<EOF
                0 1 * * * $INGEST_HOME/bin/load.sh >> $LOGS/load.log
                EOF
                """);
        // INGEST_HOME: the file may set it; LOGS: the script sets it after the file
        assertThat(InstallerVariables.on(load)).containsOnly(Map.entry("LOGS", "/var/log/after"));
        assertThat(load.attributes()).containsEntry(InstallerVariables.UNKNOWN, "INGEST_HOME (\"$CONF_DIR/env.sh\")");
    }

    @Test
    void aFileTheTreeDoesNotHoldDoesTooUnlessALaterFileSetsTheName() throws IOException {
        Job load = job("load",
                "bin/later.sh", "QUEUE=nightly\n",
                "bin/install.sh", """
                        #!/bin/bash
                        INGEST_HOME=/opt/ingest
                        QUEUE=default
                        source /etc/ingest/env.sh
                        . ./later.sh
                        crontab <<EOF
                        0 1 * * * $INGEST_HOME/bin/load.sh $QUEUE
                        EOF
                        """);
        assertThat(InstallerVariables.on(load)).containsOnly(Map.entry("QUEUE", "nightly"));
        assertThat(load.attributes()).containsEntry(InstallerVariables.UNKNOWN,
                "INGEST_HOME (/etc/ingest/env.sh, not in the tree)");
    }

    @Test
    void aFileReadBeforeTheScriptSetsTheNameChangesNothing() throws IOException {
        // must not change: the script's own later value is the one the here-document expands
        Job load = job("load", "bin/install.sh", """
                #!/bin/bash
                . "$CONF_DIR/env.sh"
                source /etc/ingest/env.sh
                INGEST_HOME=/opt/ingest
                crontab <<EOF
                0 1 * * * $INGEST_HOME/bin/load.sh
                EOF
                """);
        assertThat(InstallerVariables.on(load)).containsOnly(Map.entry("INGEST_HOME", "/opt/ingest"));
        assertThat(load.attributes()).doesNotContainKey(InstallerVariables.UNKNOWN);
    }

    @Test
    void aFileReadAmongOtherStatementsOfALineToo() throws IOException {
        Job load = job("load",
                "bin/.env", "INGEST_HOME=/opt/ingest\n",
                "bin/install.sh", """
                        #!/bin/bash
                        cd "$(dirname "$0")"
                        set -a; . ./.env; set +a
                        crontab <<EOF
                        0 1 * * * $INGEST_HOME/bin/load.sh
                        EOF
                        """);
        assertThat(InstallerVariables.on(load)).containsOnly(Map.entry("INGEST_HOME", "/opt/ingest"));
        assertThat(load.attributes()).containsEntry(InstallerVariables.SOURCES, "bin/.env")
                .doesNotContainKey(InstallerVariables.ASSUMED_SOURCES);
    }
}
