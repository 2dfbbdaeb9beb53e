package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.SourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A crontab command as a backfill must type it: the variables cron's shell or the installing script gave it put in,
 * the others named. Before, {@code ${INGEST_HOME}/bin/poll-sftp.sh} was printed as written, which in a login shell runs
 * {@code /bin/poll-sftp.sh}.
 */
class CommandVariablesTest {
    private Job cron(String path, int line, String command, Map<String, String> env, Map<String, String> attributes) {
        return new Job("cron-x", JobKind.CRON, "x", SourceRef.at(path, line, 1), List.of(), command, null, env, null, null,
                List.of(), attributes);
    }

    @Test
    void anUnquotedHereDocumentHasTheScriptsVariablesPutIn() {
        // as the scan records bin/install.sh's INGEST_HOME=/opt/ingest above its `crontab <<EOF`
        CommandVariables v = CommandVariables.of(cron("bin/install.sh", 5, "${INGEST_HOME}/bin/poll.sh --to $MAILTO --in $DATA",
                Map.of("MAILTO", "ops@example.com", "DATA", "${INGEST_HOME}/data"),
                Map.of("crontab.embeddedIn", "shell here-document", "installer.INGEST_HOME", "/opt/ingest")));
        assertThat(v.command()).isEqualTo("/opt/ingest/bin/poll.sh --to ops@example.com --in /opt/ingest/data");
        assertThat(v.known()).containsEntry("INGEST_HOME", "/opt/ingest, as bin/install.sh sets it")
                .containsEntry("MAILTO", "ops@example.com, as the crontab sets it")
                .containsEntry("DATA", "/opt/ingest/data, as the crontab sets it");
        assertThat(v.unknown()).isEmpty();
    }

    @Test
    void aVariableTheScanDidNotRecordIsNamedToSetFirst() {
        // a quoted here-document (<<'EOF'), or a value from a file the script reads in that the tree does not hold
        CommandVariables v = CommandVariables.of(cron("bin/install.sh", 3, "${INGEST_HOME}/bin/poll.sh --in $DATA",
                Map.of("DATA", "${INGEST_HOME}/data"), Map.of("crontab.embeddedIn", "shell here-document")));
        // the crontab holds ${INGEST_HOME} as written, and cron's shell has no such variable: say so
        assertThat(v.command()).isEqualTo("${INGEST_HOME}/bin/poll.sh --in $DATA");
        assertThat(v.unknown()).containsExactly("INGEST_HOME", "DATA");
        assertThat(v.setFirst()).isEqualTo("export INGEST_HOME=VALUE DATA=VALUE");
    }

    @Test
    void aCrontabsOwnVariablesArePutInAndSecretsAndLoginVariablesAreNot() {
        CommandVariables v = CommandVariables.of(cron("etc/cron.d/etl", 4,
                "$APP/run.sh --token $API_TOKEN --home $HOME '$APP' \\$APP --db $DB_URL",
                Map.of("APP", "/srv/app", "API_TOKEN", "***", "DB_URL", "postgresql://etl:Pw-123@db/etl"), Map.of()));
        assertThat(v.command()).isEqualTo("/srv/app/run.sh --token $API_TOKEN --home $HOME '$APP' \\$APP --db $DB_URL");
        // a secret is never printed; HOME is the login shell's own; quoted and escaped references are the shell's text
        assertThat(v.unknown()).containsExactly("API_TOKEN", "DB_URL");
    }

    @Test
    void aCommandWithoutVariablesOrAnotherKindIsAsWritten() {
        assertThat(CommandVariables.of(cron("etc/crontab", 3, "/bin/true", Map.of(), Map.of())).command())
                .isEqualTo("/bin/true");
        Job timer = new Job("t", JobKind.SYSTEMD_TIMER, "t", SourceRef.at("t.timer", 0, 0), List.of(), "$X/run", null,
                Map.of("X", "/a"), null, null, List.of(), Map.of());
        assertThat(CommandVariables.of(timer).command()).isEqualTo("$X/run");
    }

    // the whole way, as a scan records it: a value from the file the script reads in is put in; with that file not in
    // the tree, the plan still says to set the variable first
    @Test
    void aValueFromAFileTheScriptReadsInIsPutInAndAMissingOneIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(root.resolve("bin"));
        java.nio.file.Files.writeString(root.resolve("bin/install.sh"), """
                #!/bin/bash
                . ./env.sh
                crontab <<EOF
                0 1 * * * $INGEST_HOME/bin/load.sh
                EOF
                """);
        CommandVariables missing = CommandVariables.of(scannedJob(root));
        assertThat(missing.setFirst()).isEqualTo("export INGEST_HOME=VALUE");
        java.nio.file.Files.writeString(root.resolve("bin/env.sh"), "INGEST_HOME=/opt/ingest\n");
        CommandVariables found = CommandVariables.of(scannedJob(root));
        assertThat(found.command()).isEqualTo("/opt/ingest/bin/load.sh");
        assertThat(found.setFirst()).isNull();
    }

    private static Job scannedJob(java.nio.file.Path root) throws java.io.IOException {
        return dev.migrate.analyzers.scan.Scanner.standard(dev.migrate.analyzers.scan.ScanOptions.defaults())
                .scan(root, "t", dev.migrate.analyzers.scan.ScanListener.NONE).jobs().stream()
                .filter(j -> j.name().equals("load")).findFirst().orElseThrow();
    }
}
