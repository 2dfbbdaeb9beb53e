package dev.migrate.validators.compare;

import dev.migrate.validators.compare.DatasetPlan.Compared;
import dev.migrate.validators.config.CsvOptions;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.config.SourceSpec;
import dev.migrate.validators.engine.FileFormat;
import dev.migrate.validators.query.Column;
import dev.migrate.validators.query.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How each column of a plan is read and compared, in words: what a dry run shows next to its statements, so that a
 * reader sees before any data is read which columns pair under which names and types, which are read as booleans
 * from spelled values, as JSON values, as moments from epoch numbers, and which will be compared as text.
 */
public final class ColumnReadings {
    /** The purpose of the planned entry that holds the notes (SQL comments, no statement). */
    public static final String PURPOSE = "column mapping and type reading";

    private ColumnReadings() {
    }

    /**
     * @param instants columns a SQLite pair reads as moments in one spelling ({@code SqliteInstant}), or none
     */
    public static Statement of(DatasetPlan plan, Set<String> instants) {
        DatasetConfig ds = plan.config();
        List<String> lines = new ArrayList<>();
        for (Compared c : plan.all()) {
            String types = sameName(c.legacy(), c.current()) ? c.legacy().type()
                    : "legacy " + c.legacy().type() + ", new " + c.current().type();
            String role = plan.keys().contains(c) ? "key; " : "";
            String tolerance = c.tolerance() == null || c.tolerance().isExact() ? ""
                    : "; within the tolerance " + c.tolerance();
            lines.add(plan.label(c.name()) + ": " + role + types + "; " + how(c, instants.contains(c.name()))
                    + tolerance);
        }
        for (String side : List.of("legacy", "new")) {
            CsvOptions csv = ds.csv(side);
            csv.epochColumns().forEach((column, unit) -> lines.add(column + " (" + side + "): epoch "
                    + unit.name().toLowerCase(Locale.ROOT) + " read as TIMESTAMP WITH TIME ZONE (epoch_columns)"));
            csv.columnTypes().forEach((column, type) -> lines.add(column + " (" + side + "): read as " + type
                    + " instead of the type the engine infers, to match the other side"));
            escapes(ds, side).ifPresent(lines::add);
        }
        plan.missing().forEach(c -> lines.add(c.name() + ": only in legacy (" + c.type() + ")"));
        plan.added().forEach(c -> lines.add(c.name() + ": only in new (" + c.type() + ")"));
        ds.ignoreColumns().forEach(c -> lines.add(c + ": ignored (ignore_columns)"));
        return Statement.of(PURPOSE, String.join("\n", lines.stream().map(l -> "-- " + l).toList()));
    }

    /**
     * How a CSV side's backslashes are read, when that is a choice: COPY's escapes read back (set, or chosen by
     * {@code \N} among the null values), or read as written because the config says so.
     */
    private static java.util.Optional<String> escapes(DatasetConfig ds, String side) {
        SourceSpec source = "legacy".equals(side) ? ds.legacy() : ds.current();
        CsvOptions csv = ds.csv(side);
        if (!(source instanceof SourceSpec.Files f) || FileFormat.of(java.nio.file.Path.of(f.glob().replace('*', '_')))
                .orElse(null) != FileFormat.CSV || csv.escapes() == null && !csv.backslashEscapes()) {
            return java.util.Optional.empty();
        }
        String why = csv.escapes() != null ? "csv.escapes: " + csv.escapes().spelled()
                : "csv.escapes not set: chosen by \\N in null_values; escapes: none reads them as written";
        return java.util.Optional.of("text values (" + side + "): " + (csv.backslashEscapes()
                ? "backslash escapes read back as PostgreSQL's COPY text writes them (\\\\ a backslash, \\t a tab, "
                        + "\\n a line break, a backslash before any other character that character)"
                : "backslashes read as written") + " (" + why + ")");
    }

    private static boolean sameName(Column legacy, Column current) {
        return legacy.type().equalsIgnoreCase(current.type());
    }

    private static String how(Compared c, boolean instant) {
        if (instant) {
            return "read as moments (ISO text, epoch numbers and Julian days in one UTC spelling)";
        }
        if (c.booleans() != null && c.booleans().againstNumbers()) {
            return "read as boolean: the " + c.booleans().side() + " values spell only " + c.booleans().pair()
                    + " and the other side's only 1/0";
        }
        if (c.booleans() != null) {
            return "the " + c.booleans().side() + " values read as boolean from the spellings " + c.booleans().yes()
                    + "/" + c.booleans().no();
        }
        if (c.spelledSide() != null) {
            return "the " + c.spelledSide() + " values may spell booleans: their distinct values are read first and, "
                    + "when one pair of boolean-spellings.txt spells most of them, compared as booleans (else as text)";
        }
        if (c.textFlagSide() != null) {
            return "the " + c.textFlagSide() + " text and the other side's whole numbers may both be flags: their "
                    + "distinct values are read first and, when the text holds exactly one pair of "
                    + "boolean-spellings.txt (Y/N, t/f, ...) and the numbers only 1 and 0, both are compared as booleans "
                    + "(else as text)";
        }
        // PostgreSQL names its types in lower case; the embedded engine's JSON (a copy) is upper case
        if (c.json() && c.legacy().type().matches("jsonb?") && c.current().type().matches("jsonb?")) {
            return "compared as JSON values, as jsonb reads them (key order and whitespace aside)";
        }
        if (c.json()) {
            return "compared as JSON values in one canonical form (keys sorted, numbers normalised, no whitespace, "
                    + "null members as absent)";
        }
        if (c.unboundedDecimals()) {
            return "compared as exact decimals, trailing fraction zeros aside (2.50 is 2.5)";
        }
        if (c.durations()) {
            return "text read as the interval it spells (in the engine's spelling), else compared as written";
        }
        if (c.numbers()) {
            return "text read as the number it spells (trailing fraction zeros aside), else compared as written";
        }
        if (c.moments()) {
            return "text read as the moment it spells where it is an ISO date or timestamp, else compared as written";
        }
        if (c.exact() != null) {
            return "compared as exact decimals (scale " + c.exact().scale() + ")";
        }
        if (c.widened()) {
            return c.integral() ? "compared as exact integers" : c.numeric() ? "compared as doubles"
                    : "compared as instants";
        }
        return c.asText() ? "compared as text" : "compared as stored";
    }
}
