package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass path with one or two engine threads reads each side on one thread (with two, both sides at
 * once, on two connections) and pairs rows by position when it can; with more threads it reads each side in
 * parallel and joins. Every way gives the results of the materialized path.
 */
class FileOrderScanTest {
    @TempDir
    Path tmp;

    private static final String ROWS = "SELECT range AS id, range * 1.5 AS amount, 'x' || range AS label FROM range(3000)";
    private static final String CHANGED = "SELECT * REPLACE (CASE WHEN id = 10 THEN amount + 0.001 WHEN id IN (11, 2990) "
            + "THEN amount + 1 ELSE amount END AS amount, CASE WHEN id = 12 THEN 'changed' ELSE label END AS label) FROM ("
            + ROWS + ")";

    private JobResult run(String format, int threads, boolean ordered) throws Exception {
        return OnePassDatasets.run(tmp, format, ordered, "id", threads);
    }

    /** Every thread count gives the materialized path's results (but the order check, which only it runs). */
    private CheckResult sameEveryWay(String format) throws Exception {
        List<CheckResult> expected = run(format, 2, true).checks().stream().filter(c -> c.check() != Check.ORDER).toList();
        for (int threads : List.of(1, 2, 3)) {
            assertThat(run(format, threads, false).checks()).as(threads + " threads").containsExactlyInAnyOrderElementsOf(
                    expected);
        }
        return OnePassDatasets.rowDiff(run(format, 2, false));
    }

    @Test
    void parquetInKeyOrder() throws Exception {
        OnePassDatasets.write(tmp, "legacy", "parquet", ROWS);
        OnePassDatasets.write(tmp, "new", "parquet", CHANGED);
        CheckResult diff = sameEveryWay("parquet");
        assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference()))
                .containsExactly("missing=0", "extra=0", "differs=3");
        assertThat(diff.samples()).extracting(s -> s.key().get("id") + ":" + s.differing())
                .containsExactly("11:[amount]", "12:[label]", "2990:[amount]");
    }

    @Test
    void csvInAnotherOrderWithAMissingKey() throws Exception {
        OnePassDatasets.write(tmp, "legacy", "csv", ROWS);
        OnePassDatasets.write(tmp, "new", "csv", "SELECT * FROM (" + CHANGED + ") WHERE id <> 13 ORDER BY hash(id)");
        CheckResult diff = sameEveryWay("csv");
        assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference()))
                .containsExactly("missing=1", "extra=0", "differs=3");
    }

    @Test
    void sidesOfSeveralFilesInEitherOrder() throws Exception {
        // The files of a side are read in the order of their names: here first in key order, then not.
        for (String first : List.of("id < 1500", "id >= 1500")) {
            String second = "NOT (" + first + ")";
            OnePassDatasets.write(tmp, "legacy", "t_20240301.parquet", "parquet", ROWS + " WHERE " + first);
            OnePassDatasets.write(tmp, "legacy", "t_20240302.parquet", "parquet", ROWS + " WHERE " + second);
            OnePassDatasets.write(tmp, "new", "t_20240301.parquet", "parquet", "SELECT * FROM (" + CHANGED + ") WHERE "
                    + first);
            OnePassDatasets.write(tmp, "new", "t_20240302.parquet", "parquet", "SELECT * FROM (" + CHANGED + ") WHERE "
                    + second);
            CheckResult diff = sameEveryWay("parquet");
            assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference())).as(first)
                    .containsExactly("missing=0", "extra=0", "differs=3");
        }
    }

    @Test
    void matchingSidesPass() throws Exception {
        OnePassDatasets.write(tmp, "legacy", "parquet", ROWS);
        OnePassDatasets.write(tmp, "new", "parquet", ROWS);
        assertThat(sameEveryWay("parquet").message()).isEqualTo("all 3000 rows match by key (id)");
    }

    @Test
    void theDryRunShowsPairingByPositionBeforeTheJoinItFallsBackTo() throws Exception {
        OnePassDatasets.write(tmp, "legacy", "parquet", ROWS);
        OnePassDatasets.write(tmp, "new", "parquet", CHANGED);
        List<String> twoThreads = OnePassDatasets.plan(tmp, "parquet", "id", 2).stream()
                .map(p -> p.statement().purpose()).toList();
        assertThat(twoThreads).containsSubsequence("keys in file order", "row diff (file order)", "row diff");
        assertThat(OnePassDatasets.plan(tmp, "parquet", "id", 3).stream().map(p -> p.statement().purpose()))
                .contains("row diff").doesNotContain("keys in file order", "row diff (file order)");
    }

    @Test
    void aFailureOnEitherSideIsReportedWhileTheOtherIsReadBesideIt() throws Exception {
        OnePassDatasets.write(tmp, "legacy", "parquet", ROWS);
        OnePassDatasets.write(tmp, "new", "parquet", ROWS + " LIMIT 0");
        assertThatThrownBy(() -> run("parquet", 2, false)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("new").hasMessageContaining("t_20240301.parquet: the file has no data rows");
        // Both sides fail: the legacy side's failure is the one reported, as when the sides are read in turn.
        OnePassDatasets.write(tmp, "legacy", "parquet", ROWS + " LIMIT 0");
        assertThatThrownBy(() -> run("parquet", 2, false)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("legacy");
    }
}
