package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.compare.Verdicts;
import dev.migrate.validators.config.Tolerance;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs as pandas 1.5 writes them (to_csv), a legacy job's and its rewrite's: the legacy file keeps pandas' default
 * index column (empty header), a float column with a NaN writes whole numbers as {@code 3.0} where the rewrite's
 * nullable Int64 writes {@code 3}, floats keep their repr ({@code 0.30000000000000004}, {@code 1e-05}), the rewrite
 * writes tz-aware UTC timestamps and a byte order mark ({@code encoding="utf-8-sig"}, for Excel). Only the index
 * column is a difference, and the failure says what it probably is; so do the indexes pandas' to_parquet and to_sql
 * store.
 */
class PandasOutputsTest {
    @TempDir
    Path tmp;

    private static final String LEGACY = ",order_id,qty,ratio,tiny,note,created\n"
            + "0,1,6.0,0.30000000000000004,0.0,\"line1\nline2\",2024-01-01 03:00:00\n"
            + "1,2,,0.3333333333333333,1e-05,,2024-01-01 03:01:00\n"
            + "2,3,3.0,0.6666666666666666,2e-05,ok,2024-01-01 03:02:00\n";
    private static final String CURRENT = "\uFEFForder_id,qty,ratio,tiny,note,created\n"
            + "1,6,0.30000000000000004,0.0,\"line1\nline2\",2024-01-01 03:00:00+00:00\n"
            + "2,,0.3333333333333333,1e-05,,2024-01-01 03:01:00+00:00\n"
            + "3,3,0.6666666666666666,2e-05,ok,2024-01-01 03:02:00+00:00\n";

    private JobResult run(String current, String settings) throws Exception {
        Files.createDirectories(tmp.resolve("legacy"));
        Files.createDirectories(tmp.resolve("new"));
        Files.writeString(tmp.resolve("legacy/orders_20240101T0300Z.csv"), LEGACY);
        Files.write(tmp.resolve("new/orders_2024-01-01_03-00-00.csv"), current.getBytes(StandardCharsets.UTF_8));
        return OnePassDatasets.runConfig(Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  a: {type: directory, path: legacy}
                  b: {type: directory, path: new}
                jobs:
                  - name: j
                    legacy: {connection: a, run: "2024-01-01T03:00:00Z"}
                    new: {connection: b, run: "2024-01-01T03:00:00Z"}
                    run_window: PT1H
                    datasets:
                      - name: orders
                        files: "orders_*.csv"
                        key: order_id
                """ + settings));
    }

    private static List<CheckResult> failures(JobResult job) {
        return job.checks().stream().filter(c -> c.status() == Status.FAIL).toList();
    }

    @Test
    void theIndexColumnIsTheOnlyDifferenceAndIsNamedAsSuch() throws Exception {
        JobResult job = run(CURRENT, "");
        assertThat(failures(job)).singleElement().satisfies(c -> assertThat(c.message()).isEqualTo("missing column: "
                + "'column0' (BIGINT) is in the legacy output but not in the new one; 'column0' is the name the engine "
                + "gives a CSV column whose header is empty, such as the index pandas' to_csv writes unless "
                + "index=False: if it is that, add it to ignore_columns"));
    }

    /** The no-false-alarm case: with the index ignored, every representation difference above compares equal. */
    @Test
    void withTheIndexIgnoredThePandasRepresentationsMatch() throws Exception {
        JobResult job = run(CURRENT, "        ignore_columns: [column0]\n");
        assertThat(failures(job)).isEmpty();
        assertThat(OnePassDatasets.rowDiff(job).message()).isEqualTo("all 3 rows match by key (order_id)");

        JobResult changed = run(CURRENT.replace("0.6666666666666666", "0.6666666666666667"),
                "        ignore_columns: [column0]\n");
        assertThat(OnePassDatasets.rowDiff(changed).samples()).singleElement()
                .satisfies(s -> assertThat(s.differing()).containsExactly("ratio"));
    }

    /** pandas' to_parquet of a filtered DataFrame stores its index as __index_level_0__; the rewrite's does not. */
    @Test
    void theParquetIndexOfAFilteredDataFrameIsNamedAsSuch() throws Exception {
        OnePassDatasets.write(tmp, "old", "parquet", "SELECT range * 3 AS __index_level_0__, range AS id FROM range(5)");
        OnePassDatasets.write(tmp, "new", "parquet", "SELECT range AS id FROM range(5)");
        Path cfg = OnePassDatasets.directoryPairConfig(tmp, "name: t, files: \"t_*.parquet\", key: id");
        assertThat(failures(OnePassDatasets.runConfig(cfg))).singleElement().satisfies(c -> assertThat(c.message())
                .endsWith("; '__index_level_0__' is the index pandas' to_parquet stores when it is not a plain range "
                        + "(after a filter, sort or concat) unless index=False: if it is that, add it to ignore_columns"));
    }

    /** pandas' to_sql (index=True, the default) into SQLite: an "index" column and its index ix_orders_index. */
    @Test
    void theSqlIndexColumnOfToSqlIsNamedAsSuch() throws Exception {
        Files.createDirectories(tmp.resolve("dbs"));
        String[][] dbs = {{"old.db", "CREATE TABLE \"orders\" (\n\"index\" INTEGER,\n  \"id\" INTEGER,\n  \"amount\" REAL\n)",
                "INSERT INTO orders VALUES (0, 1, 0.30000000000000004), (1, 2, 1.5)"},
                {"new.db", "CREATE TABLE orders (id INTEGER PRIMARY KEY, amount REAL)",
                        "INSERT INTO orders VALUES (1, 0.30000000000000004), (2, 1.5)"}};
        for (String[] db : dbs) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                    + tmp.resolve("dbs").resolve(db[0])); java.sql.Statement st = c.createStatement()) {
                st.execute(db[1]);
                st.execute(db[2]);
                if (db[0].equals("old.db")) {
                    st.execute("CREATE INDEX ix_orders_index ON orders (\"index\")");
                }
            }
        }
        String cfg = """
                connections:
                  old: {type: jdbc, url: "jdbc:sqlite:old.db"}
                  new: {type: jdbc, url: "jdbc:sqlite:new.db"}
                jobs:
                  - name: j
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets: [{name: orders, table: orders, key: id%s}]
                """;
        JobResult job = OnePassDatasets.runConfig(Files.writeString(tmp.resolve("dbs/v.yaml"), cfg.formatted("")));
        assertThat(failures(job)).singleElement().satisfies(c -> assertThat(c.message()).isEqualTo("missing column: "
                + "'index' (INTEGER) is in the legacy output but not in the new one; 'index' is the name of the column "
                + "pandas' to_sql writes for the DataFrame's index unless index=False: if it is that, add it to "
                + "ignore_columns"));
        JobResult ignored = OnePassDatasets.runConfig(Files.writeString(tmp.resolve("dbs/v.yaml"),
                cfg.formatted(", ignore_columns: [index]")));
        assertThat(failures(ignored)).isEmpty();
    }

    @Test
    void aRowCountOffByOneInMillionsShowsItsPercentage() {
        assertThat(Verdicts.rowCount("t", 3_000_000, 2_999_999, Tolerance.EXACT).message())
                .isEqualTo("row counts differ: 3000000 legacy vs 2999999 new (-0.000033%)");
        assertThat(Verdicts.rowCount("t", 2000, 1500, Tolerance.EXACT).message())
                .isEqualTo("row counts differ: 2000 legacy vs 1500 new (-25.0000%)");
        assertThat(Verdicts.rowCount("t", 3, 4, Tolerance.EXACT).message())
                .isEqualTo("row counts differ: 3 legacy vs 4 new (+33.3333%)");
    }
}
