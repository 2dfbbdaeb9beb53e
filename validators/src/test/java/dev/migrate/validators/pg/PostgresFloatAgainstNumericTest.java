package dev.migrate.validators.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.SampleRow;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A float column on one side and a {@code numeric} on the other is compared as doubles: two values are the same
 * exactly when they are the same double. Edge values: decimals of 17 significant digits that name the same double as
 * a shorter one, doubles one unit in the last place apart (which 15 significant digits cannot tell apart), integers
 * past 2^53, the least subnormal, the greatest double, negative zero. Checked in place and with the float side as a
 * Parquet file against the table copied into the embedded engine, against Java's own reading of each pair.
 */
class PostgresFloatAgainstNumericTest {
    private static PostgresPair pg;

    @TempDir
    static Path tmp;

    /**
     * Legacy float8 text, new numeric text: values whose numeric column the engine copies as {@code DECIMAL(38, s)}
     * (at most 17 fraction digits and 21 whole digits).
     */
    private static final String[][] DECIMALS = {
        {"0.1", "0.1"},
        {"0.1", "0.10000000000000001"},
        {"1.0000000000000002", "1"},
        {"1.0000000000000002", "1.0000000000000002"},
        {"0.30000000000000004", "0.3"},
        {"100.00000000000001", "100"},
        {"100.00000000000001", "100.00000000000001"},
        {"123456789012345680", "123456789012345678"},
        {"9007199254740992", "9007199254740993"},
        {"9007199254740994", "9007199254740993"},
        {"-0", "0"},
        {"12345.678901234567", "12345.678901234567"},
        {"12345.678901234567", "12345.6789012346"},
        {"0.000001", "0.000001"},
        {"1e20", "100000000000000000000"},
        {"0.12345678901234568", "0.12345678901234567"},
        {"99999999999999.98", "99999999999999.984"},
    };

    /** The same, with values past 38 digits (the engine copies that numeric column as its text). */
    private static final String[][] WIDE = {
        {"0.1", "0.1000000000000000055511151231257827"},
        {"4.9e-324", "4.9406564584124654e-324"},
        {"1.7976931348623157e308", "1.7976931348623157e308"},
        {"2.2250738585072014e-308", "2.2250738585072014e-308"},
        {"1e23", "100000000000000000000000"},
        {"1e23", "99999999999999991611392"},
        {"1e23", "99999999999999991611391"},
        {"1e23", "100000000000000008388608"},
        {"4.9e-324", "1e-323"},
        {"-0", "0.0000000000000000000000000000000000000001"},
    };

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresPair.start();
        for (String table : List.of("decimals", "wide")) {
            String[][] pairs = pairs(table);
            List<String> legacy = new ArrayList<>();
            List<String> current = new ArrayList<>();
            for (int i = 0; i < pairs.length; i++) {
                legacy.add("(" + i + ", '" + pairs[i][0] + "')");
                current.add("(" + i + ", " + pairs[i][1] + ")");
            }
            pg.legacy("CREATE TABLE " + table + " (id int PRIMARY KEY, v double precision)",
                    "INSERT INTO " + table + " VALUES " + String.join(", ", legacy));
            pg.current("CREATE TABLE " + table + " (id int PRIMARY KEY, v numeric)",
                    "INSERT INTO " + table + " VALUES " + String.join(", ", current));
        }
        for (String table : List.of("decimals", "wide")) {
            pg.exportParquet("old_wh", "SELECT id, v FROM " + table, "id INTEGER, v DOUBLE", "SELECT * FROM t",
                    tmp.resolve("out").resolve(table + ".parquet"));
        }
    }

    private static String[][] pairs(String table) {
        return table.equals("decimals") ? DECIMALS : WIDE;
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    /** The rows whose two values are different doubles, as Java reads them. */
    private static TreeSet<String> differentDoubles(String[][] pairs) {
        TreeSet<String> out = new TreeSet<>();
        for (int i = 0; i < pairs.length; i++) {
            double l = Double.parseDouble(pairs[i][0]);
            double n = new BigDecimal(pairs[i][1]).doubleValue();
            if (l != n) {
                out.add(String.valueOf(i));
            }
        }
        return out;
    }

    private static TreeSet<String> differing(JobResult job) {
        CheckResult diff = job.checks().stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
        TreeSet<String> out = new TreeSet<>();
        for (SampleRow s : diff.samples()) {
            out.add(s.key().get("id"));
        }
        return out;
    }

    private static JobResult againstFile(String table) {
        return pg.run(pg.againstFile(tmp.resolve("out"), table + ".parquet", table));
    }

    @ParameterizedTest
    @ValueSource(strings = {"decimals", "wide"})
    void inPlaceTheRowsThatDifferAreThoseOfDifferentDoubles(String table) {
        TreeSet<String> expected = differentDoubles(pairs(table));
        assertThat(expected).isNotEmpty().hasSizeLessThan(pairs(table).length);
        assertThat(differing(pg.run(pg.inPlace(table, table)))).isEqualTo(expected);
    }

    /** The wide numerics are copied as the text of their exact decimals, read as doubles facing the floats. */
    @ParameterizedTest
    @ValueSource(strings = {"decimals", "wide"})
    void throughTheEngineTheRowsThatDifferAreThoseOfDifferentDoubles(String table) {
        assertThat(differing(againstFile(table))).isEqualTo(differentDoubles(pairs(table)));
    }
}
