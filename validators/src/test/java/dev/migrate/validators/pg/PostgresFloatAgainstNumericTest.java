package dev.migrate.validators.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.RunOverrides;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.SampleRow;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

    /** The same, with values past 38 digits (the engine copies that numeric column as its text): in place only. */
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
        Path f = tmp.resolve("out").resolve("decimals.parquet");
        Files.createDirectories(f.getParent());
        try (Connection p = DriverManager.getConnection(pg.server().url("old_wh"), "postgres", PostgresServer.PASSWORD);
                Statement ps = p.createStatement();
                ResultSet rows = ps.executeQuery("SELECT id, v FROM decimals");
                Connection d = DriverManager.getConnection("jdbc:duckdb:");
                Statement ds = d.createStatement()) {
            ds.execute("CREATE TABLE t (id INTEGER, v DOUBLE)");
            try (var insert = d.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                while (rows.next()) {
                    insert.setInt(1, rows.getInt(1));
                    insert.setDouble(2, rows.getDouble(2));
                    insert.executeUpdate();
                }
            }
            ds.execute("COPY t TO '" + f + "' (FORMAT parquet)");
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

    private static JobResult againstFile() {
        String yaml = """
                connections:
                  files: {type: directory, path: "%s"}
                  new: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                jobs:
                  - name: j
                    legacy: {connection: files}
                    new: {connection: new}
                    datasets: [{name: d, legacy: {files: decimals.parquet}, new: {table: decimals}, key: id}]
                """.formatted(tmp.resolve("out"), pg.server().url("new_wh"));
        return PostgresPair.validator().run(ConfigLoader.parse("v.yaml", yaml, Path.of(".")), RunOverrides.NONE)
                .jobs().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"decimals", "wide"})
    void inPlaceTheRowsThatDifferAreThoseOfDifferentDoubles(String table) {
        TreeSet<String> expected = differentDoubles(pairs(table));
        assertThat(expected).isNotEmpty().hasSizeLessThan(pairs(table).length);
        assertThat(differing(pg.run(pg.inPlace(table, table)))).isEqualTo(expected);
    }

    @Test
    void throughTheEngineTheRowsThatDifferAreThoseOfDifferentDoubles() {
        assertThat(differing(againstFile())).isEqualTo(differentDoubles(DECIMALS));
    }
}
