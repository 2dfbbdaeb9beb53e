package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV written with another delimiter than the configured one is bad input whose message names the file, the
 * delimiter it looks written with and the key to set; before, a ';' export read with ',' was one column, and the
 * error was that the key was not in the output, or that a row had more fields than the header.
 */
class CsvDelimiterCheckTest {
    @TempDir
    Path tmp;

    private JobResult run(String file, String legacy, String current, String csv) throws Exception {
        Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(tmp.resolve("new"));
        Files.writeString(tmp.resolve("old").resolve(file), legacy);
        Files.writeString(tmp.resolve("new").resolve(file), current);
        Path cfg = OnePassDatasets.directoryPairConfig(tmp, "name: orders, files: \"%s\", key: id%s".formatted(file, csv));
        return new Validator(new EngineSettings(1, "256MB", null, 10)).run(ConfigLoader.load(cfg), RunOverrides.NONE)
                .jobs().get(0);
    }

    @Test
    void aSemicolonExportReadWithTheDefaultDelimiterNamesTheDelimiterAndTheKey() {
        String rows = "id;name;amount\n1;Anna;2,5\n2;Bob;3\n";
        assertThatThrownBy(() -> run("orders.csv", rows, rows, ""))
                .isInstanceOf(BadInputException.class)
                .hasMessage(tmp.resolve("old/orders.csv") + ":1: the header reads as one column, \"id;name;amount\", "
                        + "with the delimiter ','; the file looks ';'-delimited (3 columns on each of the first 3 lines)."
                        + " Set csv.delimiter: \";\" for this dataset (both sides look written so)"
                        + " (jobs[0].datasets[0], dataset 'orders')");
        assertThatThrownBy(() -> run("orders.csv", rows, rows.replace(';', ','), ""))
                .hasMessageContaining("Set csv.delimiter: \";\" for this dataset, or legacy: {csv: {delimiter: \";\"}}"
                        + " for the legacy side only");
    }

    @Test
    void theDelimiterItNamesIsTheOneThatReadsTheFiles() throws Exception {
        String rows = "id;name;amount\n1;Anna;2,5\n2;Bob;3\n";
        JobResult job = run("orders.csv", rows, rows, ", csv: {delimiter: \";\", decimal: \",\"}");
        assertThat(job.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aTabSeparatedFileAndOneSideAlone() {
        String comma = "id,name\n1,Anna\n";
        String tabs = "id\tname\n1\tAnna\n";
        assertThatThrownBy(() -> run("orders.txt", comma, tabs, ""))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(tmp.resolve("new/orders.txt") + ":1: ")
                .hasMessageContaining("looks tab-delimited (2 columns on each of the first 2 lines)")
                .hasMessageContaining("Set csv.delimiter: \"\\t\" for this dataset, or new: {csv: {delimiter:"
                        + " \"\\t\"}} for the new side only");
    }

    @Test
    void aTsvFileWrittenWithCommasSaysTheTabCameFromItsName() {
        String comma = "id,name\n1,Anna\n";
        String tabs = "id\tname\n1\tAnna\n";
        assertThatThrownBy(() -> run("orders.tsv", comma, tabs, ""))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(tmp.resolve("old/orders.tsv") + ":1: the header reads as one column, "
                        + "\"id,name\", with the delimiter tab (the default for .tsv files); the file looks ','-delimited")
                .hasMessageContaining("Set csv.delimiter: \",\" for this dataset, or legacy: {csv: {delimiter:"
                        + " \",\"}} for the legacy side only");
    }

    @Test
    void aRaggedExportStillGetsTheHint() {
        // a row with more fields than the header is the engine's to report once the delimiter is right
        String rows = "id;name;note\n1;Anna;x\n2;Bob;\"a\";\"b\"\n";
        assertThatThrownBy(() -> run("orders.csv", rows, rows, ""))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("looks ';'-delimited (3 columns in the header, and each of the next 2 lines splits"
                        + " too)");
    }

    @Test
    void aFileOfOneColumnWhoseValuesHoldSemicolonsIsReadAsWritten() throws Exception {
        // the header does not split: nothing says the delimiter is wrong
        String rows = "id\n1;2\n3;4\n";
        JobResult job = run("orders.csv", rows, rows, "");
        assertThat(job.status()).isEqualTo(Status.PASS);
        // nor does a header that splits while a row does not split at all
        String ragged = "id;name\n1;Anna\n2\n";
        assertThatThrownBy(() -> run("orders.csv", ragged, ragged, "")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("column 'id' is not in the legacy output").hasMessageNotContaining("delimited");
    }
}
