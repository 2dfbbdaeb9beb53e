package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The row diff says in how many rows each column differs and what share of the paired rows that is (datacompy's
 * "# unequal" per column), counted exactly when the sample holds every differing row, and otherwise said to be the
 * sample's counts, with the option that makes them exact.
 */
class ColumnMismatchCountsTest {
    @TempDir
    Path tmp;

    /** 1000 rows; the new side changes a in every 10th row (100 rows) and b in every 50th (20 rows), one row missing. */
    private static final String LEGACY = "SELECT range AS id, range * 2 AS a, 'x' AS b, range % 7 AS c FROM range(1000)";
    private static final String CURRENT = "SELECT range AS id, range * 2 + CASE WHEN range % 10 = 0 THEN 1 ELSE 0 END "
            + "AS a, CASE WHEN range % 50 = 0 THEN 'y' ELSE 'x' END AS b, range % 7 AS c FROM range(1000) "
            + "WHERE range <> 999";

    private CheckResult rowDiff(String format, int sampleSize) throws Exception {
        OnePassDatasets.write(tmp, "old", format, LEGACY);
        OnePassDatasets.write(tmp, "new", format, CURRENT);
        Path cfg = OnePassDatasets.directoryPairConfig(tmp, "name: t, files: \"t_*." + format + "\", key: id");
        JobResult job = new Validator(new EngineSettings(1, "256MB", null, sampleSize))
                .run(ConfigLoader.load(cfg), RunOverrides.NONE).jobs().get(0);
        return OnePassDatasets.rowDiff(job);
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet", "json"})
    void eachColumnsDifferingRowsAndShareWhenTheSampleHoldsThemAll(String format) throws Exception {
        CheckResult diff = rowDiff(format, 200);
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.message()).isEqualTo("100 rows differ (a: 100 (10.01%), b: 20 (2.002%) of 999 paired rows), "
                + "1 missing from new, 0 extra in new; key id");
    }

    /** Parquet files of as many rows, read row beside row (the positional path): the same counts. */
    @Test
    void parquetFilesPairedByPositionCountTheSame() throws Exception {
        OnePassDatasets.write(tmp, "old", "parquet", LEGACY);
        OnePassDatasets.write(tmp, "new", "parquet", CURRENT.replace("WHERE range <> 999", ""));
        Path cfg = OnePassDatasets.directoryPairConfig(tmp, "name: t, files: \"t_*.parquet\", key: id");
        JobResult job = new Validator(new EngineSettings(1, "256MB", null, 500)).run(ConfigLoader.load(cfg),
                RunOverrides.NONE).jobs().get(0);
        assertThat(OnePassDatasets.rowDiff(job).message()).isEqualTo("100 rows differ (a: 100 (10%), b: 20 (2%) of "
                + "1000 paired rows), 0 missing from new, 0 extra in new; key id");
    }

    /**
     * JSON sides are loaded into tables, which hold every row: the counts are exact with any sample size, and a
     * toleranced column counts only the rows out of its tolerance.
     */
    @Test
    void materializedSidesCountEveryDifferingRow() throws Exception {
        OnePassDatasets.write(tmp, "old", "json", LEGACY.replace("range * 2 AS a", "range * 2 AS a, 1.0 AS f"));
        OnePassDatasets.write(tmp, "new", "json", CURRENT.replace("END AS a", "END AS a, CASE WHEN range < 30 THEN "
                + "1.004 WHEN range < 35 THEN 1.5 ELSE 1.0 END AS f"));
        Path cfg = OnePassDatasets.directoryPairConfig(tmp, "name: t, files: \"t_*.json\", key: id, "
                + "tolerances: {f: {absolute: 0.01}}");
        CheckResult diff = OnePassDatasets.rowDiff(OnePassDatasets.runConfig(cfg));
        assertThat(diff.samples()).hasSize(10);
        assertThat(diff.message()).isEqualTo("104 rows differ (a: 100 (10.01%), b: 20 (2.002%), f: 5 (0.5005%) of "
                + "999 paired rows), 1 missing from new, 0 extra in new; key id");
    }

    /**
     * More differing rows than the sample holds: the files are read once more to count every pair, on each path
     * (streamed CSV, row beside row Parquet, loaded JSON), so the counts do not depend on the sample size.
     */
    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet", "json"})
    void aSampleSmallerThanTheDifferencesStillCountsEveryRow(String format) throws Exception {
        CheckResult diff = rowDiff(format, 10);
        assertThat(diff.message()).isEqualTo("100 rows differ (a: 100 (10.01%), b: 20 (2.002%) of 999 paired rows), "
                + "1 missing from new, 0 extra in new; key id");
        assertThat(diff.samples()).hasSize(10);
    }

    /** The no-false-alarm case: equal outputs say nothing of columns. */
    @Test
    void equalOutputsMatchAsBefore() throws Exception {
        OnePassDatasets.write(tmp, "old", "csv", LEGACY);
        OnePassDatasets.write(tmp, "new", "csv", LEGACY);
        Path cfg = OnePassDatasets.directoryPairConfig(tmp, "name: t, files: \"t_*.csv\", key: id");
        CheckResult diff = OnePassDatasets.rowDiff(OnePassDatasets.runConfig(cfg));
        assertThat(diff.status()).isEqualTo(Status.PASS);
        assertThat(diff.message()).isEqualTo("all 1000 rows match by key (id)");
    }

    @Test
    void sqliteTablesCountTheirColumnsToo() throws Exception {
        Files.createDirectories(tmp.resolve("dbs"));
        for (String[] db : new String[][] {{"old.db", "2.5"}, {"new.db", "2.75"}}) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("dbs").resolve(db[0]));
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, amount REAL, region TEXT)");
                s.execute("INSERT INTO t VALUES (1, 1.5, 'eu'), (2, " + db[1] + ", 'us'), (3, 3.5, 'eu'), (4, 4.5, 'us')");
            }
        }
        Path cfg = Files.writeString(tmp.resolve("dbs/v.yaml"), """
                connections:
                  old: {type: jdbc, url: "jdbc:sqlite:old.db"}
                  new: {type: jdbc, url: "jdbc:sqlite:new.db"}
                jobs:
                  - name: j
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets: [{name: t, table: t, key: id}]
                """);
        assertThat(OnePassDatasets.rowDiff(OnePassDatasets.runConfig(cfg)).message()).startsWith(
                "1 row differs (amount: 1 (25%) of 4 paired rows), 0 missing from new, 0 extra in new; key id");
    }

    /** SQLite's rows are all compared in Java, column by column: the counts are exact with any sample size. */
    @Test
    void sqliteCountsAreExactBeyondTheSample() throws Exception {
        Files.createDirectories(tmp.resolve("dbs"));
        for (String db : new String[] {"old.db", "new.db"}) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("dbs").resolve(db));
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT)");
                s.execute("WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 999) INSERT INTO t "
                        + "SELECT i, i * 2" + (db.equals("new.db") ? " + (i % 10 = 0)" : "") + ", CASE WHEN "
                        + (db.equals("new.db") ? "i % 50 = 0" : "0") + " THEN 'y' ELSE 'x' END FROM r");
            }
        }
        Path cfg = Files.writeString(tmp.resolve("dbs/v.yaml"), """
                connections:
                  old: {type: jdbc, url: "jdbc:sqlite:old.db"}
                  new: {type: jdbc, url: "jdbc:sqlite:new.db"}
                jobs:
                  - name: j
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets: [{name: t, table: t, key: id}]
                """);
        CheckResult diff = OnePassDatasets.rowDiff(OnePassDatasets.runConfig(cfg));
        assertThat(diff.samples()).hasSize(10);
        assertThat(diff.message()).startsWith("100 rows differ (a: 100 (10%), b: 20 (2%) of 1000 paired rows), 0 "
                + "missing from new, 0 extra in new; key id");
    }
}
