package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass path for CSV: the sample re-read stops once every sampled key is found, so rows are
 * shuffled here (sampled keys anywhere in the file). Checked against the materialized path, which an
 * ordered dataset takes.
 */
class CsvScanTest {
    @TempDir
    Path tmp;

    private static final String ROWS = OnePassDatasets.rows(5000);

    private void csv(String side, String query) throws Exception {
        OnePassDatasets.write(tmp, side, "csv", query);
    }

    private JobResult run(boolean ordered) throws Exception {
        return OnePassDatasets.run(tmp, "csv", ordered);
    }

    /** The same rows in an order unrelated to the key. */
    private static String shuffled(String rows) {
        return "SELECT * FROM (" + rows + ") ORDER BY hash(id)";
    }

    @Test
    void samplesAnywhereInTheFileAndTheSameResultsAsTheMaterializedPath() throws Exception {
        csv("legacy", shuffled(ROWS + " UNION ALL SELECT 'us', 90001, 1.0, 'only legacy'"));
        csv("new", shuffled("SELECT * REPLACE (CASE WHEN id = 10 THEN amount + 0.001 WHEN id IN (11, 4990) THEN amount + 1 "
                + "ELSE amount END AS amount, CASE WHEN id = 12 THEN 'changed' ELSE label END AS label) FROM (" + ROWS
                + ") WHERE id <> 13 UNION ALL SELECT 'eu', 90000, 2.0, 'only new'"));
        JobResult onePass = run(false);
        CheckResult diff = OnePassDatasets.rowDiff(onePass);
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference()))
                .containsExactly("missing=2", "extra=1", "differs=3");
        assertThat(diff.samples()).extracting(s -> s.kind() + ":" + s.key().get("id") + ":" + s.differing())
                .containsExactly("differs:12:[label]", "differs:4990:[amount]", "differs:11:[amount]",
                        "extra:90000:[]", "missing:13:[]", "missing:90001:[]"); // by kind, then key (region, id)
        assertThat(diff.samples().get(0).legacy()).containsEntry("label", "x12");
        assertThat(diff.samples().get(0).current()).containsEntry("label", "changed");

        JobResult materialized = run(true);
        List<CheckResult> expected = materialized.checks().stream().filter(c -> c.check() != Check.ORDER).toList();
        assertThat(onePass.checks())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aKeyTheNewOutputRepeatsIsAMismatchNamingTheFile() throws Exception {
        // a new pipeline writing rows twice fails the validation (and is recorded), it is not an input error
        csv("legacy", ROWS);
        csv("new", ROWS + " UNION ALL SELECT 'eu', 4, 6.0, 'x4'");
        for (boolean ordered : new boolean[] {false, true}) {
            CheckResult diff = OnePassDatasets.rowDiff(run(ordered));
            assertThat(diff.status()).isEqualTo(Status.FAIL);
            assertThat(diff.message()).contains("the new output repeats key (region=eu, id=4) 2 times")
                    .contains("t_20240301.csv");
        }
        csv("legacy", ROWS + " UNION ALL SELECT 'eu', 4, 6.0, 'x4'");
        csv("new", ROWS);
        assertThatThrownBy(() -> run(false)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("duplicate key in the legacy output of dataset 't': (region=eu, id=4) appears 2 times");
    }

    @Test
    void aSideOfSeveralFilesNamesTheOneWithoutRows() throws Exception {
        csv("legacy", ROWS);
        csv("new", ROWS);
        Path headerOnly = tmp.resolve("new").resolve("t_20240302.csv");
        java.nio.file.Files.writeString(headerOnly, "region,id,amount,label\n");
        assertThatThrownBy(() -> run(false)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("t_20240302.csv: the file has no data rows");
    }
}
