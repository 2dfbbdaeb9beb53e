package dev.migrate.validators.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.SampleRow;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A PostgreSQL {@code numeric} no engine DECIMAL holds (40 digits, 1e-40, NaN, the infinities) against a float column:
 * compared as doubles on both paths. In place PostgreSQL reads the numeric as its nearest double; through the embedded
 * engine the numeric is copied as the text of its exact decimals and the float side comes from a DuckDB or a SQLite
 * file. The engine compared that text exactly with the double's text, so {@code 0.1} against the exact value of the
 * double 0.1 passed in place and failed there. Each case runs both ways round (the float legacy, then new), and the
 * rows that differ are those whose values are different doubles as Java reads them, NaN equal to NaN.
 */
class PostgresWideNumbersAgainstFloatsPathsAgreeTest {
    /** 2^1024 - 2^970: half a unit past the greatest double, where IEEE 754 rounds to an infinity. */
    private static final BigInteger OVERFLOW = BigInteger.TWO.pow(1024).subtract(BigInteger.TWO.pow(970));

    /** Row {@code i}: the float side's value (a float8 literal), the numeric side's value (a numeric literal). */
    private static final String[][] CASES = {
        {"1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890"},
        {"1e39", "1000000000000000000000000000000000000001"}, // one apart, one double
        {"1.2345678901234567e39", "1234567890123456789012345678901234567890"}, // one ulp apart
        {"1e-40", "0.0000000000000000000000000000000000000001"},
        {"1e-40", "0.0000000000000000000000000000000000000002"},
        {"1.5", "1.50000000000000000000000000000000000000001"}, // beyond a double's precision
        {"1.5", "1.5000000000000002220446049250313080847263336181640625"}, // the next double's exact value
        {"0.1", "0.1000000000000000055511151231257827021181583404541015625"}, // the double 0.1's exact value
        {"NaN", "NaN"},
        {"NaN", "1.5"},
        {"Infinity", "Infinity"},
        {"-Infinity", "-Infinity"},
        {"Infinity", "-Infinity"},
        {"1.7976931348623157e308", "Infinity"},
        {"-0", "0"},
        // beyond a double's range: the infinity or zero IEEE 754 rounds to, on both paths
        {"Infinity", "1e400"},
        {"-Infinity", OVERFLOW.negate().toString()}, // the least magnitude that rounds to an infinity
        {"1.7976931348623157e308", OVERFLOW.subtract(BigInteger.ONE).toString()}, // one less: the greatest double
        {"0", "1e-400"},
        {"5e-324", "1e-323"},
        {null, null},
        {"7", null},
    };

    private static PostgresPair pg;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresPair.start();
        for (String database : List.of("old_wh", "new_wh")) {
            pg.server().execute(database, "CREATE TABLE floats (id int PRIMARY KEY, v double precision)",
                    "INSERT INTO floats VALUES " + rows(0, false),
                    // SQLite stores a REAL's NaN as NULL: the rows its file holds
                    "CREATE TABLE floats_without_nan (id int PRIMARY KEY, v double precision)",
                    "INSERT INTO floats_without_nan VALUES " + rows(0, true),
                    "CREATE TABLE numerics (id int PRIMARY KEY, v numeric)",
                    "INSERT INTO numerics VALUES " + rows(1, false));
        }
        for (String table : List.of("floats", "floats_without_nan")) {
            pg.copyRows("old_wh", "SELECT id, v FROM " + table, "jdbc:duckdb:" + tmp.resolve(table + ".duckdb"),
                    "CREATE TABLE floats (id INTEGER PRIMARY KEY, v DOUBLE)");
        }
        pg.copyRows("old_wh", "SELECT id, v FROM floats_without_nan", "jdbc:sqlite:" + tmp.resolve("floats.sqlite"),
                "CREATE TABLE floats (id INTEGER PRIMARY KEY, v REAL)");
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    /** The VALUES rows of side {@code side} of {@link #CASES}, NaN as NULL when {@code withoutNan}. */
    private static String rows(int side, boolean withoutNan) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < CASES.length; i++) {
            String v = CASES[i][side];
            boolean nan = "NaN".equals(v) && withoutNan;
            out.add("(" + i + ", " + (v == null || nan ? "NULL" : "'" + v + "'") + ")");
        }
        return String.join(", ", out);
    }

    /** Row {@code i}'s two values as Java reads them: the same double (NaN equal to NaN, -0 to 0), or not. */
    private static boolean sameDouble(int i, boolean withoutNan) {
        Double f = parse(CASES[i][0]);
        Double n = parse(CASES[i][1]);
        f = withoutNan && f != null && f.isNaN() ? null : f;
        if (f == null || n == null) {
            return f == n;
        }
        return f.isNaN() ? n.isNaN() : f.doubleValue() == n.doubleValue();
    }

    private static Double parse(String v) {
        if (v == null) {
            return null;
        }
        return v.matches("-?[0-9.]+") ? new BigDecimal(v).doubleValue() : Double.parseDouble(v);
    }

    /** Each check's verdict and what differs; samples by key and column (each engine spells doubles its own way). */
    private static List<String> verdicts(JobResult job) {
        return job.checks().stream().filter(c -> Set.of(Check.ROW_COUNT, Check.AGGREGATE, Check.ROW_DIFF)
                .contains(c.check())).map(PostgresWideNumbersAgainstFloatsPathsAgreeTest::verdict).sorted().toList();
    }

    private static String verdict(CheckResult c) {
        return c.check() + " " + c.subject() + " " + c.status() + " " + c.difference() + " " + c.samples().stream()
                .map(s -> s.key() + " " + s.differing()).sorted().toList();
    }

    private static TreeSet<Integer> differing(JobResult job) {
        TreeSet<Integer> out = new TreeSet<>();
        for (CheckResult c : job.checks()) {
            if (c.check() == Check.ROW_DIFF) {
                for (SampleRow s : c.samples()) {
                    out.add(Integer.valueOf(s.key().get("id")));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} file, the float side {1}")
    @CsvSource({"duckdb, legacy", "duckdb, new", "sqlite, legacy", "sqlite, new"})
    void inPlaceAndThroughTheEngineTheRowsOfDifferentDoublesDiffer(String engine, String floatSide) {
        boolean sqlite = engine.equals("sqlite");
        String floats = sqlite ? "floats_without_nan" : "floats";
        String file = sqlite ? "{type: jdbc, url: \"jdbc:sqlite:" + tmp.resolve("floats.sqlite") + "\"}"
                : "{type: duckdb, path: \"" + tmp.resolve(floats + ".duckdb") + "\"}";
        boolean floatsLegacy = floatSide.equals("legacy");
        JobResult inPlace = pg.run(floatsLegacy ? pg.inPlace(floats, "numerics") : pg.inPlace("numerics", floats));
        JobResult embedded = pg.run(floatsLegacy
                ? PostgresPair.config(file, "table: floats", pg.connection("new_wh"), "table: numerics")
                : PostgresPair.config(pg.connection("old_wh"), "table: numerics", file, "table: floats"));

        assertThat(verdicts(embedded)).isEqualTo(verdicts(inPlace));
        TreeSet<Integer> expected = new TreeSet<>();
        for (int i = 0; i < CASES.length; i++) {
            if (!sameDouble(i, sqlite)) {
                expected.add(i);
            }
        }
        assertThat(expected).isNotEmpty().hasSizeLessThan(CASES.length - 5); // some rows differ, not all
        assertThat(differing(inPlace)).isEqualTo(expected);
        assertThat(differing(embedded)).isEqualTo(expected);
    }
}
