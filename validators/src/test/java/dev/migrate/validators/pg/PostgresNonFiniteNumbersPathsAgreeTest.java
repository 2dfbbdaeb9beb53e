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
 * A float column's NaN and infinities against the text a legacy export wrote for them ({@code NaN}, {@code nan},
 * {@code Infinity}, {@code -inf}): the same values, on both paths. In place, PostgreSQL writes a float8's NaN as
 * {@code NaN}; through the embedded engine (the legacy rows as a Parquet file of text, the typed table copied into
 * DuckDB) a DOUBLE's NaN is {@code nan}, so the in-place run passed and the engine's run reported every NaN as
 * differing. NaN equals NaN for a migration comparison, as both engines' own equality has it.
 */
class PostgresNonFiniteNumbersPathsAgreeTest {
    private static PostgresPair pg;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresPair.start();
        pg.legacy("CREATE TABLE readings (id int PRIMARY KEY, reading text)",
                "INSERT INTO readings VALUES (1, 'NaN'), (2, 'nan'), (3, 'Infinity'), (4, '-inf'), (5, '1.5'), "
                        + "(6, NULL), (7, ' NaN '), (8, '+INF'), (9, '-0.0'), (10, ' 2.50 ')",
                "CREATE TABLE odd_readings (id int PRIMARY KEY, reading text)",
                "INSERT INTO odd_readings VALUES (1, '-NaN'), (2, 'NaNa'), (3, 'infinite'), (4, 'n/a')");
        pg.current("CREATE TABLE readings (id int PRIMARY KEY, reading double precision)",
                "INSERT INTO readings VALUES (1, 'NaN'), (2, 'NaN'), (3, 'Infinity'), (4, '-Infinity'), (5, 1.5), "
                        + "(6, NULL), (7, 'NaN'), (8, 'Infinity'), (9, 0), (10, 2.5)",
                "CREATE TABLE changed_readings (id int PRIMARY KEY, reading double precision)",
                "INSERT INTO changed_readings SELECT * FROM readings",
                "UPDATE changed_readings SET reading = 1.5 WHERE id = 1",
                "UPDATE changed_readings SET reading = 'NaN' WHERE id = 5",
                "UPDATE changed_readings SET reading = '-Infinity' WHERE id = 3",
                "UPDATE changed_readings SET reading = 2.6 WHERE id = 10",
                "CREATE TABLE odd_readings (id int PRIMARY KEY, reading double precision)",
                "INSERT INTO odd_readings SELECT g, 'NaN' FROM generate_series(1, 4) g");
        for (String table : List.of("readings", "odd_readings")) {
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
        pg.exportParquet("old_wh", "SELECT id, reading FROM " + table, "id INTEGER, reading VARCHAR", "SELECT * FROM t",
                tmp.resolve("out").resolve(table + ".parquet"));
    }

    private static JobResult againstFile(String legacyTable, String newTable) {
        return pg.run(pg.againstFile(tmp.resolve("out"), legacyTable + ".parquet", newTable));
    }

    /** Each check's verdict and counts, and which rows and columns differ with the values compared. */
    private static List<String> verdicts(JobResult job) {
        return job.checks().stream().filter(c -> Set.of(Check.ROW_COUNT, Check.AGGREGATE, Check.ROW_DIFF)
                .contains(c.check())).map(PostgresNonFiniteNumbersPathsAgreeTest::verdict).sorted().toList();
    }

    private static String verdict(CheckResult c) {
        // hash aggregates are each engine's own hash, so an aggregate says only whether it matched
        String values = c.check() == Check.AGGREGATE ? "" : " " + c.legacyValue() + " " + c.newValue();
        return c.check() + " " + c.subject() + " " + c.status() + " " + c.difference() + values + " " + c.samples().stream().map(PostgresNonFiniteNumbersPathsAgreeTest::sample)
                        .sorted().toList();
    }

    private static String sample(SampleRow s) {
        // as compared (' NaN ' is NaN), with the stored text where it reads otherwise: alike on both paths
        return s.key() + " " + s.differing() + " " + s.legacy().get("reading") + " " + s.current().get("reading")
                + " " + s.legacyRaw() + " " + s.currentRaw();
    }

    @ParameterizedTest
    @CsvSource({"readings, readings, PASS, ", "readings, changed_readings, FAIL, differs=4",
            "odd_readings, odd_readings, FAIL, differs=4"})
    void inPlaceAndFileAgainstTableGiveTheSameVerdicts(String legacy, String current, String rows, String differs) {
        JobResult inPlace = pg.run(pg.inPlace(legacy, current));
        JobResult copied = againstFile(legacy, current);

        assertThat(verdicts(copied)).isEqualTo(verdicts(inPlace));
        assertThat(verdicts(inPlace)).anySatisfy(v -> assertThat(v).startsWith("ROW_DIFF rows " + rows + " "
                + (differs == null ? "differs=0" : differs)));
        if (current.equals("changed_readings")) {
            assertThat(verdicts(inPlace)).anySatisfy(v -> assertThat(v).contains("{id=10} [reading] 2.5 2.6 "
                    + "{reading= 2.50 } {}"));
        }
    }
}
