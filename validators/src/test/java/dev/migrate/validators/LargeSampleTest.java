package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.SampleRow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --sample-size} of hundreds of thousands: the sampled keys go to a table the re-read joins, so tens of
 * thousands of differing rows are all sampled (once they were bound one by one, and the re-read never ended).
 */
class LargeSampleTest {
    @TempDir
    Path tmp;

    private static final int SAMPLE_SIZE = 300_000;
    private static final int ROWS = 60_000;
    /** Every third row's label changed; ids 100 to 199 missing; 50 ids past the end extra. */
    private static final String CHANGED = "SELECT region, id, amount, CASE WHEN id % 3 = 0 THEN 'y' || id ELSE label END "
            + "AS label FROM (" + OnePassDatasets.rows(ROWS) + ") WHERE id NOT BETWEEN 100 AND 199 UNION ALL SELECT "
            + "region, id, amount, label FROM (" + OnePassDatasets.rows(ROWS + 50) + ") WHERE id >= " + ROWS;
    private static final int DIFFERS = (ROWS + 2) / 3 - 33; // ids 102, 105, ..., 198 are missing, not differing

    private JobResult run(String format, EngineSettings settings) throws Exception {
        return new Validator(settings).run(OnePassDatasets.config(tmp, format, false, "[region, id]"), RunOverrides.NONE)
                .jobs().get(0);
    }

    private void assertEverySampled(String format, EngineSettings settings) throws Exception {
        CheckResult diff = OnePassDatasets.rowDiff(run(format, settings));
        assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference())).as(format)
                .containsExactly("missing=100", "extra=50", "differs=" + DIFFERS);
        List<SampleRow> samples = diff.samples();
        assertThat(samples).as(format).hasSize(100 + 50 + DIFFERS);
        assertThat(samples.stream().filter(s -> "differs".equals(s.kind())))
                .allSatisfy(s -> {
                    assertThat(s.differing()).containsExactly("label");
                    String id = s.key().get("id");
                    assertThat(s.legacy().get("label")).isEqualTo("x" + id);
                    assertThat(s.current().get("label")).isEqualTo("y" + id);
                });
        assertThat(samples.stream().filter(s -> "missing".equals(s.kind())))
                .allSatisfy(s -> assertThat(s.legacy().get("label")).isEqualTo("x" + s.key().get("id")));
        assertThat(samples.stream().filter(s -> "extra".equals(s.kind())))
                .allSatisfy(s -> assertThat(s.current().get("label")).isEqualTo("x" + s.key().get("id")));
    }

    private void write(String format) throws Exception {
        OnePassDatasets.write(tmp, "legacy", format, OnePassDatasets.rows(ROWS));
        OnePassDatasets.write(tmp, "new", format, CHANGED);
    }

    @Test
    void parquetOnEveryPath() throws Exception {
        write("parquet");
        EngineSettings one = new EngineSettings(1, "512MB", null, SAMPLE_SIZE);
        assertEverySampled("parquet", one);
        assertEverySampled("parquet", new EngineSettings(3, "512MB", null, SAMPLE_SIZE));
        assertEverySampled("parquet", one.materializing());
    }

    @Test
    void csvOnEveryPath() throws Exception {
        write("csv");
        EngineSettings one = new EngineSettings(1, "512MB", null, SAMPLE_SIZE);
        assertEverySampled("csv", one);
        assertEverySampled("csv", one.materializing());
    }

    /** {@code --dry-run} prints the statements that run: the keys' table and the joins that read it. */
    @Test
    void dryRunShowsTheJoin() throws Exception {
        write("csv");
        List<PlannedStatement> plan = new Validator(new EngineSettings(3, "512MB", null, SAMPLE_SIZE))
                .dryRun(OnePassDatasets.config(tmp, "csv", false, "[region, id]"), RunOverrides.NONE);
        assertThat(plan).filteredOn(p -> p.statement().purpose().startsWith("sample"))
                .extracting(p -> p.statement().purpose() + ": " + p.statement().sql().contains("SEMI JOIN"))
                .containsExactly("sample keys: false", "sample rows (legacy): true", "sample rows (new): true");
    }
}
