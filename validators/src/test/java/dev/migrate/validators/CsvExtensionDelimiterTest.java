package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A side whose config sets no delimiter reads {@code .tsv} and {@code .tab} files with tabs and {@code .psv} files
 * with pipes, as their names say; before, a {@code .tsv} dataset needed {@code delimiter: "\t"} written out, and
 * without it every file was bad input. A delimiter the config sets still wins.
 */
class CsvExtensionDelimiterTest {
    @TempDir
    Path tmp;

    private JobResult run(String legacyFile, String legacy, String newFile, String current, String extra)
            throws Exception {
        Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(tmp.resolve("new"));
        Files.writeString(tmp.resolve("old").resolve(legacyFile), legacy);
        if (current != null) {
            Files.writeString(tmp.resolve("new").resolve(newFile), current);
        }
        Path cfg = OnePassDatasets.directoryPairConfig(tmp, "name: orders, legacy: {files: \"%s\"}, new: {files: \"%s\"}, key: id%s"
                .formatted(legacyFile, newFile, extra));
        return new Validator(new EngineSettings(1, "256MB", null, 10)).run(ConfigLoader.load(cfg), RunOverrides.NONE)
                .jobs().get(0);
    }

    private static CheckResult rowDiff(JobResult job) {
        return job.checks().stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
    }

    @Test
    void tabSeparatedFilesNeedNoDelimiter() throws Exception {
        String rows = "id\tname\tnote\n1\tAnna\t\"a, b\"\n2\tBob\tc\n";
        assertThat(run("orders.tsv", rows, "orders.tsv", rows, "").status()).isEqualTo(Status.PASS);
        assertThat(run("orders.tab", rows, "orders.tab", rows, "").status()).isEqualTo(Status.PASS);
        JobResult changed = run("orders.tsv", rows, "orders.tsv", rows.replace("Bob", "Rob"), "");
        assertThat(rowDiff(changed).samples()).extracting(r -> r.differing().toString()).containsExactly("[name]");
    }

    @Test
    void theExtensionIsReadUnderACompressionSuffix() throws Exception {
        String rows = "id\tname\n1\tAnna\n";
        Files.createDirectories(tmp.resolve("new"));
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(tmp.resolve("new/orders.tsv.gz")))) {
            out.write(rows.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(run("orders.tsv", rows, "orders.tsv.gz", null, "").status()).isEqualTo(Status.PASS);
    }

    @Test
    void eachSideTakesItsOwnFilesDelimiter() throws Exception {
        // a legacy TSV export and the new pipeline's CSV and PSV of the same rows
        String tabs = "id\tamount\n1\t2.5\n2\t3\n";
        assertThat(run("orders.tsv", tabs, "orders.csv", "id,amount\n1,2.5\n2,3\n", "").status())
                .isEqualTo(Status.PASS);
        Files.delete(tmp.resolve("new/orders.csv"));
        assertThat(run("orders.tsv", tabs, "orders.psv", "id|amount\n1|2.5\n2|3\n", "").status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void aDelimiterTheConfigSetsWins() throws Exception {
        String comma = "id,name\n1,Anna\n";
        assertThat(run("orders.tsv", comma, "orders.tsv", comma, ", csv: {delimiter: \",\"}").status())
                .isEqualTo(Status.PASS);
        // set for one side only: the other keeps its files' default
        assertThat(run("orders.tsv", comma, "orders.tsv", "id\tname\n1\tAnna\n",
                ", legacy: {files: \"orders.tsv\", csv: {delimiter: \",\"}}").status()).isEqualTo(Status.PASS);
    }

    @Test
    void decimalCommasInATsvNeedNoDelimiterEither() throws Exception {
        JobResult job = run("orders.tsv", "id\tamount\n1\t2,5\n", "orders.csv", "id,amount\n1,2.50\n",
                ", legacy: {files: \"orders.tsv\", csv: {decimal: \",\"}}");
        assertThat(job.status()).isEqualTo(Status.PASS);
        // a CSV's default ',' cannot also be its decimal separator: the message says which key to set
        assertThatThrownBy(() -> run("orders.csv", "id;amount\n1;2,5\n", "orders.csv", "id,amount\n1,2.50\n",
                ", legacy: {files: \"orders.csv\", csv: {decimal: \",\"}}"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(tmp.resolve("old/orders.csv") + ": the legacy side's .csv files are read with "
                        + "',', which csv.decimal also names; set csv.delimiter")
                .hasMessageContaining("jobs[0].datasets[0]");
    }

    @Test
    void oneSideMixingTsvAndCsvFilesIsBadInput() throws Exception {
        Files.createDirectories(tmp.resolve("old"));
        Files.writeString(tmp.resolve("old/orders_b.csv"), "id,name\n2,Bob\n");
        assertThatThrownBy(() -> run("orders_a.tsv", "id\tname\n1\tAnna\n", "orders.csv", "id,name\n1,Anna\n2,Bob\n",
                ", legacy: {files: \"orders_*\"}"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("the legacy side's files are .csv (',') and .tsv (tab) files, which are read with "
                        + "different delimiters");
    }
}
