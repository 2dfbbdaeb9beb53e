package dev.migrate.validators.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text facing numbers of 20 and more digits (amounts a legacy export wrote as text, the rewrite's {@code numeric}) is
 * bounded exactly on every path: in place (PostgreSQL's numeric), the legacy rows as a Parquet file of text against
 * the table copied into the embedded engine (the loaded sides' aggregates), and that file against the table exported
 * as a Parquet {@code DECIMAL(38,4)} (the one-pass scans' aggregates). The engine bounded such text as a DOUBLE, which
 * keeps 15 to 17 significant digits: a maximum that changed in its 20th digit went unseen, and the evidence showed
 * {@code 1.2345678901234568e+19}.
 */
class PostgresLongNumbersPathsAgreeTest {
    private static PostgresPair pg;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresPair.start();
        pg.legacy("CREATE TABLE amounts (id int PRIMARY KEY, amount text)",
                "INSERT INTO amounts VALUES (1, '12345678901234567891'), (2, '-12345678901234567893.25'), "
                        + "(3, '12345678901234567890.5'), (4, '0.0017'), (5, '-0.0013'), (6, '7'), (7, '-0.0'), "
                        + "(8, NULL), (9, '-12345678901234567893.2')");
        pg.current("CREATE TABLE amounts (id int PRIMARY KEY, amount numeric)",
                "INSERT INTO amounts VALUES (1, 12345678901234567891), (2, -12345678901234567893.25), "
                        + "(3, 12345678901234567890.50), (4, 0.0017), (5, -0.00130), (6, 7.0), (7, 0), (8, NULL), "
                        + "(9, -12345678901234567893.2)",
                "CREATE TABLE changed_amounts (id int PRIMARY KEY, amount numeric)",
                "INSERT INTO changed_amounts SELECT * FROM amounts",
                // the greatest and the least change only past the 17th digit
                "UPDATE changed_amounts SET amount = 12345678901234567899 WHERE id = 1",
                "UPDATE changed_amounts SET amount = -12345678901234567893.26 WHERE id = 2");
        export("old_wh", "amounts", "legacy_amounts", "VARCHAR");
        export("new_wh", "amounts", "new_amounts", "DECIMAL(38,4)");
        export("new_wh", "changed_amounts", "new_changed_amounts", "DECIMAL(38,4)");
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    /** A table's rows, read as text and stored as {@code type}, to {@code out/<file>.parquet}. */
    private static void export(String database, String table, String file, String type) throws Exception {
        pg.exportParquet(database, "SELECT id, amount::text AS amount FROM " + table, "id INTEGER, amount VARCHAR",
                "SELECT id, CAST(amount AS " + type + ") AS amount FROM t", tmp.resolve("out").resolve(file + ".parquet"));
    }

    private static JobResult run(String newConnection, String newSource) {
        String files = PostgresPair.directory(tmp.resolve("out"));
        return pg.run(PostgresPair.config(files, "files: legacy_amounts.parquet",
                newConnection.equals("db") ? pg.connection("new_wh") : files, newSource));
    }

    /** Each check's verdict, counts and bounds (hash aggregates, each engine's own, left out). */
    private static List<String> verdicts(JobResult job) {
        return job.checks().stream().filter(c -> Set.of(Check.ROW_COUNT, Check.AGGREGATE, Check.ROW_DIFF)
                .contains(c.check())).map(PostgresLongNumbersPathsAgreeTest::verdict).sorted().toList();
    }

    private static String verdict(CheckResult c) {
        return c.check() + " " + c.subject() + " " + c.status() + " " + c.difference() + " "
                + bounds(c.legacyValue()) + " " + bounds(c.newValue());
    }

    private static String bounds(String value) {
        return value == null ? "" : value.replaceAll(";? ?hash=[0-9-]+", "");
    }

    @ParameterizedTest
    @CsvSource({"amounts, PASS", "changed_amounts, FAIL"})
    void everyPathBoundsTheNumbersExactly(String table, String rows) throws Exception {
        pg.legacy("DROP TABLE IF EXISTS legacy_copy",
                "CREATE TABLE legacy_copy AS SELECT * FROM amounts");
        JobResult inPlace = pg.run(pg.inPlace("legacy_copy", table));
        JobResult loaded = run("db", "table: " + table);
        JobResult scanned = run("files", "files: new_" + table + ".parquet");

        assertThat(verdicts(loaded)).isEqualTo(verdicts(inPlace));
        assertThat(verdicts(scanned)).isEqualTo(verdicts(inPlace));
        assertThat(verdicts(inPlace)).anySatisfy(v -> assertThat(v).startsWith("ROW_DIFF rows " + rows));
        if (rows.equals("FAIL")) {
            assertThat(verdicts(inPlace)).contains("AGGREGATE amount INFO min, max, hash "
                    + "min=-12345678901234567893.25; max=12345678901234567891 "
                    + "min=-12345678901234567893.26; max=12345678901234567899");
        }
    }
}
