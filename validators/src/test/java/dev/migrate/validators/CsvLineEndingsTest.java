package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer on Windows ends every line of a CSV with \r\n, the lines inside quoted values too; the same values
 * written on Linux hold \n. By default a line break inside a value is read as \n on both sides, so the move of a
 * pipeline between the two is no data change; {@code csv.strict_line_endings: true} compares them as written. The
 * evidence says which was done. Before, every multi-line value was a differing row.
 */
class CsvLineEndingsTest {
    @TempDir
    Path tmp;

    private static final String WINDOWS = "id,note,amount\r\n1,\"line one\r\nline two\",2.5\r\n2,plain,3\r\n"
            + "3,\"a\r\n\r\nb\",4\r\n";
    private static final String LINUX = WINDOWS.replace("\r\n", "\n");

    private JobResult run(String legacy, String current, String dataset, EngineSettings settings) throws Exception {
        Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(tmp.resolve("new"));
        Files.writeString(tmp.resolve("old/notes.csv"), legacy);
        if (current != null) {
            Files.writeString(tmp.resolve("new/notes.csv"), current);
        }
        Path cfg = OnePassDatasets.directoryPairConfig(tmp, "name: notes, %s".formatted(dataset));
        return new Validator(settings).run(ConfigLoader.load(cfg), RunOverrides.NONE).jobs().get(0);
    }

    private static EngineSettings settings(boolean materialized) {
        EngineSettings s = new EngineSettings(1, "256MB", null, 10);
        return materialized ? s.materializing() : s;
    }

    private static CheckResult note(JobResult job) {
        return job.checks().stream().filter(c -> c.subject().equals("line endings")).findFirst()
                .orElseThrow(() -> new AssertionError("no line endings note in " + job.checks()));
    }

    @ParameterizedTest(name = "materialized={0}")
    @ValueSource(booleans = {false, true})
    void lineBreaksInsideValuesWrittenOnWindowsMatchTheLinuxOnes(boolean materialized) throws Exception {
        JobResult job = run(WINDOWS, LINUX, "files: notes.csv, key: id", settings(materialized));
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        CheckResult note = note(job);
        assertThat(note.status()).isEqualTo(Status.INFO);
        assertThat(List.of(note.legacyValue(), note.newValue(), note.threshold()))
                .containsExactly("\\r\\n", "\\n", "\\r\\n read as \\n");
        assertThat(note.message()).isEqualTo("legacy CSV lines end with \\r\\n, new CSV lines end with \\n; "
                + "a line break inside a quoted value is read as \\n on both sides, "
                + "so \\r\\n against \\n is no difference (csv.strict_line_endings: true compares them as written)");
    }

    @Test
    void withoutAKeyTheHashAggregateAgreesToo() throws Exception {
        JobResult job = run(WINDOWS, LINUX, "files: notes.csv", settings(false));
        assertThat(job.status()).isEqualTo(Status.PASS);
    }

    @ParameterizedTest(name = "materialized={0}")
    @ValueSource(booleans = {false, true})
    void strictComparesThemAsWrittenAndSaysSo(boolean materialized) throws Exception {
        JobResult job = run(WINDOWS, LINUX, "files: notes.csv, key: id, csv: {strict_line_endings: true}",
                settings(materialized));
        CheckResult diff = OnePassDatasets.rowDiff(job);
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.samples()).extracting(r -> r.key().get("id") + ":" + r.differing())
                .containsExactlyInAnyOrder("1:[note]", "3:[note]");
        assertThat(note(job).message()).endsWith("line breaks inside quoted values are compared as written "
                + "(csv.strict_line_endings: true)");
        assertThat(note(job).threshold()).isEqualTo("strict");
    }

    @Test
    void aChangedLineAndALoneCarriageReturnAreStillDifferences() throws Exception {
        // \r alone is no line ending of either platform: a value holding one is data
        String current = LINUX.replace("line two", "line 2").replace("a\n\nb", "a\r\rb");
        JobResult job = run(WINDOWS, current, "files: notes.csv, key: id", settings(false));
        CheckResult diff = OnePassDatasets.rowDiff(job);
        assertThat(diff.samples()).extracting(r -> r.key().get("id") + ":" + r.differing())
                .containsExactlyInAnyOrder("1:[note]", "3:[note]");
    }

    @Test
    void sidesThatBothEndLinesAlikeGetNoNote() throws Exception {
        JobResult job = run(WINDOWS, WINDOWS, "files: notes.csv, key: id", settings(false));
        assertThat(job.status()).isEqualTo(Status.PASS);
        assertThat(job.checks()).noneMatch(c -> c.subject().equals("line endings"));
    }

    /** A new run that wrote no file is reported as such: no note says its output "is not CSV". */
    @Test
    void aSideWithoutFilesGetsNoNote() throws Exception {
        JobResult job = run(WINDOWS, null, "files: notes.csv, key: id", settings(false));
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).extracting(CheckResult::message)
                .anyMatch(m -> m.startsWith("no new output matches the dataset's files"));
        assertThat(job.checks()).noneMatch(c -> c.subject().equals("line endings"));
    }

    @Test
    void aWindowsCsvAgainstTheNewPipelinesParquet() throws Exception {
        Files.createDirectories(tmp.resolve("new"));
        Path parquet = tmp.resolve("new/notes.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES (1, 'line one' || chr(10) || 'line two', 2.5), (2, 'plain', 3.0),"
                    + " (3, 'a' || chr(10) || chr(10) || 'b', 4.0)) t(id, note, amount)) TO '" + parquet
                    + "' (FORMAT parquet)");
        }
        JobResult job = run(WINDOWS, null, "legacy: {files: notes.csv}, new: {files: notes.parquet}, key: id",
                settings(false));
        assertThat(OnePassDatasets.rowDiff(job).status()).isEqualTo(Status.PASS);
        assertThat(note(job).message()).startsWith("legacy CSV lines end with \\r\\n, the new output is not CSV;");
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.ROW_DIFF).allMatch(c -> c.status() == Status.PASS);
    }
}
