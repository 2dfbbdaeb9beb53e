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

    private void csv(String side, String query) throws Exception {
        Path f = tmp.resolve(side).resolve("t_20240301.csv");
        Files.createDirectories(f.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + query + ") TO '" + f + "' (FORMAT csv, HEADER)");
        }
    }

    private JobResult run(boolean ordered) throws Exception {
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
                        files: "t_*.csv"
                        key: [region, id]
                        tolerances: {amount: {absolute: 0.01}}
                        ordered: %s
                """.formatted(ordered));
        return new Validator(new EngineSettings(1, "256MB", null, 10)).run(ConfigLoader.load(cfg), RunOverrides.NONE)
                .jobs().get(0);
    }

    private static final String ROWS = "SELECT CASE WHEN range % 2 = 0 THEN 'eu' ELSE 'us' END AS region, range AS id, "
            + "range * 1.5 AS amount, 'x' || range AS label FROM range(5000)";

    /** The same rows in an order unrelated to the key. */
    private static String shuffled(String rows) {
        return "SELECT * FROM (" + rows + ") ORDER BY hash(id)";
    }

    private static CheckResult rowDiff(JobResult job) {
        return job.checks().stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
    }

    @Test
    void samplesAnywhereInTheFileAndTheSameResultsAsTheMaterializedPath() throws Exception {
        csv("legacy", shuffled(ROWS + " UNION ALL SELECT 'us', 90001, 1.0, 'only legacy'"));
        csv("new", shuffled("SELECT * REPLACE (CASE WHEN id = 10 THEN amount + 0.001 WHEN id IN (11, 4990) THEN amount + 1 "
                + "ELSE amount END AS amount, CASE WHEN id = 12 THEN 'changed' ELSE label END AS label) FROM (" + ROWS
                + ") WHERE id <> 13 UNION ALL SELECT 'eu', 90000, 2.0, 'only new'"));
        JobResult onePass = run(false);
        CheckResult diff = rowDiff(onePass);
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
    void duplicateKeysNameTheFile() throws Exception {
        csv("legacy", ROWS);
        csv("new", ROWS + " UNION ALL SELECT 'eu', 4, 6.0, 'x4'");
        assertThatThrownBy(() -> run(false)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("t_20240301.csv")
                .hasMessageContaining("duplicate key in the new output of dataset 't': (region=eu, id=4) appears 2 times");
    }
}
