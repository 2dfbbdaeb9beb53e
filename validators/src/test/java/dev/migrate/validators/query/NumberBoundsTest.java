package dev.migrate.validators.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Text facing numbers is bounded in the embedded engine by the numbers it spells, exactly ({@link Dialect#numberOrNull},
 * {@link Dialect#numberBound}): the engine's order of the texts is the order of their values as {@link BigDecimal}s,
 * for edge texts (zeros, signs, exponents, leading and trailing zeros, numbers that differ only past the 17th digit,
 * a hundred digits) and for random ones, and the least and greatest are spelt as the numbers' one text.
 */
class NumberBoundsTest {
    private static final List<String> EDGES = List.of("0", "-0.0", "+0", "0.000", ".5", "-.5", "0.05", "0.5", "5e-1",
            "-0.05", "1", "1.0", "-1", "-1.5", "-1.51", "-1.49", "1.5", "1.51", "9.99", "10", "-10", "99", "100",
            "1e3", "-1E3", "007", "-007.100", "12345678901234567891", "12345678901234567892", "12345678901234567890.5",
            "-12345678901234567893.25", "-12345678901234567893.26", "0.000000000000000000017",
            "0.000000000000000000013", "-0.000000000000000000013", "1" + "0".repeat(99), "9".repeat(100),
            "-" + "9".repeat(100), " 2.50 ", "n/a", "NaN", "");

    private static List<String> ordered(Connection c, List<String> texts) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE t (x VARCHAR)");
            try (var insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                for (String t : texts) {
                    insert.setString(1, t);
                    insert.executeUpdate();
                }
            }
            List<String> out = new ArrayList<>();
            String n = Dialect.DUCKDB.numberOrNull("x");
            try (ResultSet rs = s.executeQuery("SELECT x FROM t WHERE " + n + " IS NOT NULL ORDER BY struct_extract("
                    + n + ", 'k'), x")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static List<String> byValue(List<String> texts) {
        return texts.stream().filter(t -> t.strip().matches("[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?"))
                .sorted(Comparator.comparing((String t) -> new BigDecimal(t.strip())).thenComparing(t -> t)).toList();
    }

    @Test
    void edgeTextsSortAsTheirNumbers() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            List<String> engine = ordered(c, EDGES);
            assertThat(engine).isEqualTo(byValue(EDGES));
        }
    }

    @Test
    void randomTextsSortAsTheirNumbers() throws Exception {
        Random r = new Random(17);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder(r.nextBoolean() ? "-" : "");
            int whole = r.nextInt(25);
            for (int d = 0; d < whole; d++) {
                b.append((char) ('0' + r.nextInt(10)));
            }
            if (whole == 0 || r.nextBoolean()) {
                b.append('.');
                int fraction = 1 + r.nextInt(25);
                for (int d = 0; d < fraction; d++) {
                    b.append((char) ('0' + r.nextInt(r.nextInt(4) == 0 ? 1 : 10)));
                }
            }
            texts.add(b.toString());
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            // equal numbers (1.0 and 1.00) tie on the key and then sort by text, as byValue breaks the tie
            assertThat(ordered(c, texts)).isEqualTo(byValue(texts));
        }
    }

    @Test
    void theBoundsAreTheNumbersOneText() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String n = Dialect.DUCKDB.numberOrNull("x");
            try (ResultSet rs = s.executeQuery("SELECT " + Dialect.DUCKDB.numberBound("min(" + n + ")") + ", "
                    + Dialect.DUCKDB.numberBound("max(" + n + ")") + " FROM (VALUES ('12345678901234567891.50'), "
                    + "('12345678901234567892'), ('-12345678901234567893.250'), ('-12345678901234567893.2'), ('n/a'))"
                    + " v(x)")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("-12345678901234567893.25");
                assertThat(rs.getString(2)).isEqualTo("12345678901234567892");
            }
        }
    }
}
