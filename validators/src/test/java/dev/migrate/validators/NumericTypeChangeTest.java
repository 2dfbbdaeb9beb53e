package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A new pipeline that writes an integer column as floats (pandas does, once the column holds a NULL: 3750
 * becomes 3750.0) wrote the same numbers: they compare as numbers, not as differing text, on every engine path.
 */
class NumericTypeChangeTest {
    @TempDir
    Path tmp;

    private static final String ROWS = "SELECT *, CAST(id * 10 AS BIGINT) AS mass FROM (" + OnePassDatasets.rows(200) + ")";

    private static String asDouble(String changedIds) {
        return "SELECT * REPLACE (CAST(mass AS DOUBLE) + CASE WHEN id IN (" + changedIds + ") THEN 1 ELSE 0 END AS mass)"
                + " FROM (" + ROWS + ")";
    }

    private JobResult run(String format, boolean ordered, String current) throws Exception {
        return OnePassDatasets.compare(tmp, format, ordered, ROWS, current);
    }

    @ParameterizedTest
    @CsvSource({"csv, false", "csv, true", "parquet, false", "parquet, true"})
    void sameNumbersOfAnotherTypeMatch(String format, boolean ordered) throws Exception {
        JobResult job = run(format, ordered, asDouble("-1"));
        // a typed format's schema changed (a reader of the file sees it), but no value did
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL)
                .allMatch(c -> format.equals("parquet") && c.check() == Check.SCHEMA && c.subject().equals("mass"));
        CheckResult type = job.checks().stream().filter(c -> c.check() == Check.SCHEMA && c.subject().equals("mass"))
                .findFirst().orElseThrow();
        // a CSV column of decimals beside integers is read as an exact DECIMAL (ExactNumbers): a double would round
        // integers past 2^53 into equality
        assertThat(type.message()).contains("BIGINT in legacy and " + (format.equals("csv") ? "DECIMAL(38,0)" : "DOUBLE")
                + " in new").doesNotContain("as text");
        assertThat(type.status()).isEqualTo(format.equals("csv") ? Status.INFO : Status.FAIL);
    }

    @ParameterizedTest
    @CsvSource({"csv, false", "csv, true", "parquet, false", "parquet, true"})
    void aChangedNumberIsStillADifference(String format, boolean ordered) throws Exception {
        JobResult job = run(format, ordered, asDouble("7, 150"));
        CheckResult diff = OnePassDatasets.rowDiff(job);
        assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference()))
                .containsExactly("missing=0", "extra=0", "differs=2");
        assertThat(diff.samples()).extracting(s -> s.key().get("id") + ":" + s.differing())
                .containsExactlyInAnyOrder("7:[mass]", "150:[mass]");
    }

    @ParameterizedTest
    @CsvSource({"csv, false", "parquet, false", "parquet, true"})
    void aRowDifferingElsewhereDoesNotNameTheRetypedColumn(String format, boolean ordered) throws Exception {
        JobResult job = run(format, ordered, "SELECT * REPLACE (CASE WHEN id = 9 THEN 'changed' ELSE label END AS label) "
                + "FROM (" + asDouble("-1") + ")");
        assertThat(OnePassDatasets.rowDiff(job).samples()).extracting(s -> s.key().get("id") + ":" + s.differing())
                .containsExactly("9:[label]");
    }

    /**
     * INTEGER to BIGINT is a widening: the values compare as numbers (exactly, as HUGEINT), with the sum a number
     * column has, not as text, whose bounds would be those of strings ('10' below '9').
     */
    @ParameterizedTest
    @CsvSource({"parquet, false", "parquet, true"})
    void aWidenedIntegerComparesAsANumber(String format, boolean ordered) throws Exception {
        String legacy = "SELECT * REPLACE (CAST(mass AS INTEGER) AS mass) FROM (" + ROWS + ")";
        JobResult job = run(format, ordered, legacy, ROWS);
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA && c.subject().equals("mass"))
                .singleElement().satisfies(c -> assertThat(c.message()).contains("type widened"));
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.AGGREGATE && c.subject().equals("mass"))
                .singleElement().satisfies(c -> assertThat(c.message()).contains("sum"));

        String changed = "SELECT * REPLACE (CASE WHEN id = 42 THEN mass + 1 ELSE mass END AS mass) FROM (" + ROWS + ")";
        CheckResult diff = OnePassDatasets.rowDiff(run(format, ordered, legacy, changed));
        assertThat(diff.samples()).extracting(s -> s.key().get("id") + ":" + s.differing()).containsExactly("42:[mass]");
    }

    private JobResult run(String format, boolean ordered, String legacy, String current) throws Exception {
        return OnePassDatasets.compare(tmp, format, ordered, legacy, current);
    }
}
