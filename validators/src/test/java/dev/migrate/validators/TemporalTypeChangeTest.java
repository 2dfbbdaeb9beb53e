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
 * A new pipeline writing zoned timestamps (2024-03-01T03:00:00+01:00) where the legacy one wrote naive UTC ones,
 * or midnight timestamps where it wrote dates, wrote the same moments: compared as instants, naive ones read
 * as UTC (as in output paths), not as text differing by a zone suffix.
 */
class TemporalTypeChangeTest {
    @TempDir
    Path tmp;

    private static final String ROWS = "SELECT *, TIMESTAMP '2024-03-01 02:00:00' + id * INTERVAL 1 HOUR AS seen, "
            + "DATE '2024-03-01' + CAST(id % 30 AS INTEGER) AS day FROM (" + OnePassDatasets.rows(100) + ")";

    /**
     * seen with a zone: in CSV as Paris local time with its offset (03:00:00+01:00 for 02:00 UTC), in Parquet as a
     * TIMESTAMPTZ; day as a midnight TIMESTAMP; the ids in {@code moved} an hour later.
     */
    private static String retyped(String format, String moved) {
        String at = "seen + CASE WHEN id IN (" + moved + ") THEN INTERVAL 1 HOUR ELSE INTERVAL 0 HOUR END";
        String zoned = format.equals("csv")
                ? "strftime(" + at + " + INTERVAL 1 HOUR, '%Y-%m-%dT%H:%M:%S') || '+01:00'"
                : "timezone('UTC', " + at + ")";
        return "SELECT * REPLACE (" + zoned + " AS seen, CAST(day AS TIMESTAMP) AS day) FROM (" + ROWS + ")";
    }

    private JobResult run(String format, boolean ordered, String current) throws Exception {
        return OnePassDatasets.compare(tmp, format, ordered, ROWS, current);
    }

    @ParameterizedTest
    @CsvSource({"csv, false", "csv, true", "parquet, false", "parquet, true"})
    void sameMomentsOfAnotherTypeMatch(String format, boolean ordered) throws Exception {
        JobResult job = run(format, ordered, retyped(format, "-1"));
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL)
                .allMatch(c -> format.equals("parquet") && c.check() == Check.SCHEMA);
        assertThat(OnePassDatasets.rowDiff(job).status()).isEqualTo(Status.PASS);
        if (format.equals("csv")) {
            assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA && c.subject().equals("seen"))
                    .extracting(CheckResult::message).singleElement().asString()
                    .contains("values compared as instants, naive ones read as UTC");
        }
    }

    @ParameterizedTest
    @CsvSource({"csv, false", "parquet, false", "parquet, true"})
    void aMovedMomentIsStillADifference(String format, boolean ordered) throws Exception {
        CheckResult diff = OnePassDatasets.rowDiff(run(format, ordered, retyped(format, "7, 42")));
        assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference()))
                .containsExactly("missing=0", "extra=0", "differs=2");
        assertThat(diff.samples()).extracting(s -> s.key().get("id") + ":" + s.differing())
                .containsExactlyInAnyOrder("7:[seen]", "42:[seen]");
    }
}
