package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.SourceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crontab command as a backfill must type it: the variables cron's shell or the installing script gave it put in,
 * the others named. Before, {@code ${INGEST_HOME}/bin/poll-sftp.sh} was printed as written, which in a login shell runs
 * {@code /bin/poll-sftp.sh}.
 */
class CommandVariablesTest {
    @TempDir
    Path root;

    private Job cron(String path, int line, String command, Map<String, String> env, Map<String, String> attributes) {
        return new Job("cron-x", JobKind.CRON, "x", SourceRef.at(path, line, 1), List.of(), command, null, env, null, null,
                List.of(), attributes);
    }

    private static final Map<String, String> HERE_DOC = Map.of("crontab.embeddedIn", "shell here-document");

    private void write(String path, String text) throws Exception {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    @Test
    void anUnquotedHereDocumentHasTheScriptsVariablesPutIn() throws Exception {
        write("bin/install.sh", """
                #!/bin/bash
                INGEST_HOME=/opt/ingest
                crontab <<EOF
                MAILTO=ops@example.com
                */3 * * * * ${INGEST_HOME}/bin/poll.sh --to $MAILTO
                EOF
                """);
        CommandVariables v = CommandVariables.of(root, cron("bin/install.sh", 5, "${INGEST_HOME}/bin/poll.sh --to $MAILTO",
                Map.of("MAILTO", "ops@example.com"), HERE_DOC));
        assertThat(v.command()).isEqualTo("/opt/ingest/bin/poll.sh --to ops@example.com");
        assertThat(v.known()).containsEntry("INGEST_HOME", "/opt/ingest, as bin/install.sh sets it")
                .containsEntry("MAILTO", "ops@example.com, as the crontab sets it");
        assertThat(v.unknown()).isEmpty();
    }

    @Test
    void aQuotedHereDocumentLeavesTheScriptsVariablesToCronsShell() throws Exception {
        write("bin/install.sh", """
                INGEST_HOME=/opt/ingest
                crontab <<'EOF'
                */3 * * * * ${INGEST_HOME}/bin/poll.sh
                EOF
                """);
        CommandVariables v = CommandVariables.of(root, cron("bin/install.sh", 3, "${INGEST_HOME}/bin/poll.sh", Map.of(),
                HERE_DOC));
        // the crontab holds ${INGEST_HOME} as written, and cron's shell has no such variable: say so
        assertThat(v.command()).isEqualTo("${INGEST_HOME}/bin/poll.sh");
        assertThat(v.unknown()).containsExactly("INGEST_HOME");
        assertThat(v.setFirst()).isEqualTo("export INGEST_HOME=VALUE");
    }

    @Test
    void aCrontabsOwnVariablesArePutInAndSecretsAndLoginVariablesAreNot() {
        CommandVariables v = CommandVariables.of(null, cron("etc/cron.d/etl", 4,
                "$APP/run.sh --token $API_TOKEN --home $HOME '$APP' \\$APP", Map.of("APP", "/srv/app", "API_TOKEN", "***"),
                Map.of()));
        assertThat(v.command()).isEqualTo("/srv/app/run.sh --token $API_TOKEN --home $HOME '$APP' \\$APP");
        // a secret is never printed; HOME is the login shell's own; quoted and escaped references are the shell's text
        assertThat(v.unknown()).containsExactly("API_TOKEN");
    }

    @Test
    void aCommandWithoutVariablesOrAnotherKindIsAsWritten() {
        assertThat(CommandVariables.of(null, cron("etc/crontab", 3, "/bin/true", Map.of(), Map.of())).command())
                .isEqualTo("/bin/true");
        Job timer = new Job("t", JobKind.SYSTEMD_TIMER, "t", SourceRef.at("t.timer", 0, 0), List.of(), "$X/run", null,
                Map.of("X", "/a"), null, null, List.of(), Map.of());
        assertThat(CommandVariables.of(null, timer).command()).isEqualTo("$X/run");
    }
}
