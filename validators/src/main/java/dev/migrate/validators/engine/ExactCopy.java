package dev.migrate.validators.engine;

import dev.migrate.validators.engine.DatabaseCopy.CopiedColumn;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's {@code numeric} without precision (or wider than DuckDB's 38 digits) holds any exact decimal: copied as
 * a DOUBLE it kept 15 to 17 significant digits, so a sum of money written as {@code 0.30000000000000004} by a float
 * pipeline matched {@code 0.3}, and two 20-digit ids one apart were one value. The rule in
 * {@code database-copy-types.txt} names such a column {@value #SIZED}; before the copy its values' widest scale and
 * whole digits are read from the database, and it is copied as {@code DECIMAL(38, scale)} when they fit, else (more
 * than 38 digits, {@code NaN} or an infinity among them) as its text with trailing fraction zeros dropped, compared
 * exactly. What was chosen is recorded in the evidence ({@link CopiedColumn#note()}).
 */
final class ExactCopy {
    /** The type a rule gives a column whose DECIMAL is sized from its values. */
    static final String SIZED = "DECIMAL(38,?)";
    /** How a dry run, which reads no value, shows such a column. */
    static final String PLANNED = "DECIMAL(38, s), s the most fraction digits its values have (read before the copy), "
            + "or its text (trailing fraction zeros dropped) when they need more than 38 digits";
    private static final String TEXT_NOTE = "copied as its text";
    /** Facing a float the column is still a number, compared as doubles as in place (compare.CopiedDecimals). */
    private static final String FLOATS = "; facing a float it is compared as the double it spells, as any number "
            + "facing a float is";

    private ExactCopy() {
    }

    static boolean sizedByValues(String type) {
        return SIZED.equals(type);
    }

    /** Whether the column was copied as the text of exact decimals ({@link #text}). */
    static boolean isText(CopiedColumn c) {
        return c.type().equals(CopyTypes.TEXT) && c.note() != null && c.note().contains(TEXT_NOTE);
    }

    /** The columns with every {@link #SIZED} type chosen from the values of {@code db}: one aggregate query. */
    static List<CopiedColumn> sized(JdbcSide db, List<CopiedColumn> columns) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (sizedByValues(columns.get(i).type())) {
                String c = Sql.quote(columns.get(i).name());
                // scale() and the whole part's digits of the finite values; NaN and the infinities have no DECIMAL
                items.add("max(scale(" + c + ")) AS s" + i + ", max(length(trunc(abs(" + c + "))::text)) FILTER (WHERE "
                        + c + "::text NOT IN ('NaN', 'Infinity', '-Infinity')) AS w" + i + ", count(*) FILTER (WHERE "
                        + c + "::text IN ('NaN', 'Infinity', '-Infinity')) AS x" + i);
            }
        }
        if (items.isEmpty()) {
            return columns;
        }
        Map<String, Object> digits = db.query(Statement.of("copy: the digits of the numeric columns without "
                + "precision", "SELECT " + String.join(", ", items) + " FROM " + db.relation())).get(0);
        List<CopiedColumn> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            CopiedColumn c = columns.get(i);
            out.add(sizedByValues(c.type()) ? chosen(c, number(digits.get("s" + i)), number(digits.get("w" + i)),
                    number(digits.get("x" + i))) : c);
        }
        return out;
    }

    private static CopiedColumn chosen(CopiedColumn c, long scale, long whole, long special) {
        String what = "'" + c.name() + "' is " + c.sourceType() + " in the database, which holds any exact decimal: ";
        if (special > 0) {
            return new CopiedColumn(c.name(), c.sourceType(), CopyTypes.TEXT, what + TEXT_NOTE + " (trailing fraction "
                    + "zeros dropped) and compared exactly, as " + special + " value" + (special == 1 ? " is" : "s are")
                    + " NaN or an infinity, which no DECIMAL holds" + FLOATS);
        }
        if (scale + Math.max(whole, 1) > 38) {
            return new CopiedColumn(c.name(), c.sourceType(), CopyTypes.TEXT, what + TEXT_NOTE + " (trailing fraction "
                    + "zeros dropped) and compared exactly, as its values need " + whole + " digits before the point and "
                    + scale + " after it, past the 38 digits of the engine's DECIMAL" + FLOATS);
        }
        return new CopiedColumn(c.name(), c.sourceType(), "DECIMAL(38," + scale + ")", what + "copied as DECIMAL(38,"
                + scale + "), exact, as its values have at most " + scale + " fraction digits and " + whole
                + " before the point (not as DOUBLE, which keeps 15 to 17 significant digits)");
    }

    private static long number(Object v) {
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** The exact text of a decimal, trailing fraction zeros dropped ({@code 2.50} and {@code 2.5} are one value). */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(value).stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        } catch (NumberFormatException e) {
            return value; // NaN, Infinity
        }
    }
}
