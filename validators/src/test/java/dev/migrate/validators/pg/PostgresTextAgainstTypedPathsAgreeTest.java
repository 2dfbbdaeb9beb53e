package dev.migrate.validators.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.SampleRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text facing an interval or a number is read by one definition on both paths: two PostgreSQL tables compared in
 * place (the server's SQL) and the legacy table's rows exported to a Parquet file of text columns compared with the
 * typed table (copied into the embedded engine, DuckDB's SQL) give the same verdicts, row counts, bounds and differing
 * rows, edge texts included (no field, a field twice, eleven-digit days, ISO 8601, an exponent no number holds, two
 * thousand digits).
 */
class PostgresTextAgainstTypedPathsAgreeTest {
    private static PostgresPair pg;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresPair.start();
        pg.legacy("CREATE TABLE waits (id int PRIMARY KEY, wait text)",
                "INSERT INTO waits VALUES (1, '1 mon 2 days'), (2, '-1 days +02:00:00'), (3, '10 days'), "
                        + "(4, ' 2 days '), (5, '1 year 2 mons 3 days 04:05:06.5'), (6, '@ 1 day ago'), "
                        + "(7, '+3 DAYS'), (8, NULL)",
                "CREATE TABLE odd_waits (id int PRIMARY KEY, wait text)",
                "INSERT INTO odd_waits VALUES (1, 'ago'), (2, '@'), (3, '1 day 1 day'), (4, '99999999999 days'), "
                        + "(5, 'P1D'), (6, ''), (7, 'n/a'), (8, '1-2')",
                "CREATE TABLE amounts (id int PRIMARY KEY, amount text)",
                "INSERT INTO amounts VALUES (1, '2.50'), (2, '10'), (3, ' 3.0 '), (4, '1e3'), (5, NULL), "
                        + "(6, '-0.0'), (7, '.5'), (8, '1.50e-2'), (9, '+007')",
                "CREATE TABLE odd_amounts (id int PRIMARY KEY, amount text)",
                "INSERT INTO odd_amounts VALUES (1, 'n/a'), (2, '1,5'), (3, '1e99999'), (4, repeat('9', 2000)), "
                        + "(5, ''), (6, 'NaN')");
        pg.current("CREATE TABLE waits (id int PRIMARY KEY, wait interval)",
                "INSERT INTO waits VALUES (1, '1 month 2 days'), (2, '-1 days 2 hours'), (3, '10 days'), "
                        + "(4, '2 days'), (5, '1 year 2 months 3 days 4 hours 5 minutes 6.5 seconds'), "
                        + "(6, '-1 day'), (7, '3 days'), (8, NULL)",
                "CREATE TABLE changed_waits (id int PRIMARY KEY, wait interval)",
                "INSERT INTO changed_waits SELECT * FROM waits",
                "UPDATE changed_waits SET wait = '48:00:00' WHERE id = 4",
                "UPDATE changed_waits SET wait = '1 day' WHERE id = 6",
                "CREATE TABLE odd_waits (id int PRIMARY KEY, wait interval)",
                "INSERT INTO odd_waits SELECT g, interval '1 day' FROM generate_series(1, 8) g",
                "CREATE TABLE amounts (id int PRIMARY KEY, amount numeric)",
                "INSERT INTO amounts VALUES (1, 2.5), (2, 10.00), (3, 3), (4, 1000), (5, NULL), (6, 0), (7, 0.5), "
                        + "(8, 0.015), (9, 7)",
                "CREATE TABLE changed_amounts (id int PRIMARY KEY, amount numeric)",
                "INSERT INTO changed_amounts SELECT * FROM amounts",
                "UPDATE changed_amounts SET amount = 10.01 WHERE id = 2",
                "UPDATE changed_amounts SET amount = 4000 WHERE id = 4",
                "CREATE TABLE odd_amounts (id int PRIMARY KEY, amount numeric)",
                "INSERT INTO odd_amounts SELECT g, 1.5 FROM generate_series(1, 6) g");
        for (String table : List.of("waits", "odd_waits", "amounts", "odd_amounts")) {
            export(table);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    /** The legacy table's rows as text, as the legacy job's export wrote them, to {@code out/<table>.parquet}. */
    private static void export(String table) throws Exception {
        String column = table.endsWith("waits") ? "wait" : "amount";
        pg.exportParquet("old_wh", "SELECT id, " + column + " FROM " + table, "id INTEGER, " + column + " VARCHAR",
                "SELECT * FROM t", tmp.resolve("out").resolve(table + ".parquet"));
    }

    private static JobResult againstFile(String legacyTable, String newTable) {
        return pg.run(pg.againstFile(tmp.resolve("out"), legacyTable + ".parquet", newTable));
    }

    /** What a person reads off a run: each check's verdict and counts, and which rows and columns differ. */
    private static List<String> verdicts(JobResult job) {
        return job.checks().stream().filter(c -> Set.of(Check.ROW_COUNT, Check.AGGREGATE, Check.ROW_DIFF)
                .contains(c.check())).map(PostgresTextAgainstTypedPathsAgreeTest::verdict).sorted().toList();
    }

    private static String verdict(CheckResult c) {
        // bounds are spelt in each engine's style (1 mon, 1 month), so an aggregate says only whether it matched
        String values = c.check() == Check.AGGREGATE ? "" : " " + c.legacyValue() + " " + c.newValue();
        return c.check() + " " + c.subject() + " " + c.status() + " " + c.difference() + values + " "
                + c.samples().stream().map(PostgresTextAgainstTypedPathsAgreeTest::sample).sorted().toList();
    }

    private static String sample(SampleRow s) {
        return s.key() + " " + s.differing();
    }

    @ParameterizedTest
    @CsvSource({"waits, waits, PASS", "waits, changed_waits, FAIL", "odd_waits, odd_waits, FAIL",
            "amounts, amounts, PASS", "amounts, changed_amounts, FAIL", "odd_amounts, odd_amounts, FAIL"})
    void inPlaceAndFileAgainstTableGiveTheSameVerdicts(String legacy, String current, String rows) {
        JobResult inPlace = pg.run(pg.inPlace(legacy, current));
        JobResult copied = againstFile(legacy, current);

        assertThat(verdicts(copied)).isEqualTo(verdicts(inPlace));
        assertThat(verdicts(inPlace)).anySatisfy(v -> assertThat(v).startsWith("ROW_DIFF rows " + rows));
    }
}
