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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-pass Parquet path: tolerances, duplicate keys and empty files, as on the materialized path. */
class ParquetScanTest {
    @TempDir
    Path tmp;

    private void parquet(String side, String query) throws Exception {
        Path f = tmp.resolve(side).resolve("t_20240301.parquet");
        Files.createDirectories(f.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + query + ") TO '" + f + "' (FORMAT parquet)");
        }
    }

    private JobResult run() throws Exception {
        Path cfg = Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  a: {type: directory, path: legacy}
                  b: {type: directory, path: new}
                jobs:
                  - name: j
                    legacy: {connection: a}
                    new: {connection: b}
                    datasets:
                      - name: t
                        files: "t_*.parquet"
                        key: [region, id]
                        tolerances: {amount: {absolute: 0.01}}
                """);
        return new Validator(new EngineSettings(1, "256MB", null, 10)).run(ConfigLoader.load(cfg), RunOverrides.NONE)
                .jobs().get(0);
    }

    private static final String ROWS = "SELECT CASE WHEN range % 2 = 0 THEN 'eu' ELSE 'us' END AS region, range AS id, "
            + "range * 1.5 AS amount, 'x' || range AS label FROM range(1000)";

    @Test
    void tolerancesAndCompositeKeysOnTheOnePassPath() throws Exception {
        parquet("legacy", ROWS);
        parquet("new", "SELECT * REPLACE (CASE WHEN id = 10 THEN amount + 0.001 WHEN id = 11 THEN amount + 1 "
                + "ELSE amount END AS amount, CASE WHEN id = 12 THEN 'changed' ELSE label END AS label) FROM (" + ROWS
                + ") WHERE id <> 13");
        JobResult job = run();
        CheckResult diff = job.checks().stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.legacyValue()).isEqualTo("missing=1");
        assertThat(diff.difference()).isEqualTo("differs=2");
        assertThat(diff.samples()).extracting(s -> s.key().get("id") + ":" + s.differing())
                .containsExactly("12:[label]", "11:[amount]", "13:[]"); // by kind, then key (region, id)
    }

    @Test
    void duplicateKeysAreBadInput() throws Exception {
        parquet("legacy", ROWS);
        parquet("new", ROWS + " UNION ALL SELECT 'eu', 4, 6.0, 'x4'");
        assertThatThrownBy(this::run).isInstanceOf(BadInputException.class)
                .hasMessageContaining("duplicate key in the new output of dataset 't': (region=eu, id=4) appears 2 times");
    }

    @Test
    void aFileWithoutRowsIsBadInput() throws Exception {
        parquet("legacy", ROWS);
        parquet("new", ROWS + " LIMIT 0");
        assertThatThrownBy(this::run).isInstanceOf(BadInputException.class)
                .hasMessageContaining("t_20240301.parquet: the file has no data rows");
    }
}
