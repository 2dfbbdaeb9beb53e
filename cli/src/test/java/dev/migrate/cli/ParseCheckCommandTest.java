package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCheckCommandTest {
    @TempDir
    Path dir;

    @TempDir
    Path outside;

    @Test
    void reportsFilesRoundTripsAndSyntaxErrors() throws Exception {
        Files.writeString(dir.resolve("ok.py"), "import os\r\nprint(os.name)\r\n");
        Files.createDirectories(dir.resolve("pkg"));
        Files.writeString(dir.resolve("pkg/legacy.py"), "x = 1\nprint \"hello\"\n");
        Files.write(dir.resolve("pkg/latin.py"), "# coding: latin-1\ns = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("notes.txt"), "not python");

        CliRun run = CliRun.of("parse-check", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("files:          3").contains("round-tripped:  3")
                .contains("syntax errors:  1 in 1 files")
                .contains(dir.resolve("pkg/legacy.py") + ":2:7: expected newline but found '\"hello\"'")
                .containsPattern("time: +\\d+\\.\\d\\d s");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void failOnSyntaxErrorExitsOne() throws Exception {
        Files.writeString(dir.resolve("bad.py"), "def f(:\n    pass\n");
        CliRun run = CliRun.of("parse-check", "--fail-on-syntax-error", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("bad.py:1:7");
    }

    @Test
    void neverFollowsSymlinksOutOfThePath() throws Exception {
        Files.writeString(outside.resolve("secret.py"), "x = (\n");
        Files.writeString(dir.resolve("a.py"), "a = 1\n");
        try {
            Files.createSymbolicLink(dir.resolve("link.py"), outside.resolve("secret.py"));
            Files.createSymbolicLink(dir.resolve("linkdir"), outside);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("symbolic links not supported here: " + e);
        }
        CliRun run = CliRun.of("parse-check", dir.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("files:          1").contains("skipped:        2 symbolic links")
                .doesNotContain("secret.py");
    }

    @Test
    void missingPathIsInvalidInput() {
        CliRun run = CliRun.of("parse-check", dir.resolve("nope").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("does not exist");
    }
}
