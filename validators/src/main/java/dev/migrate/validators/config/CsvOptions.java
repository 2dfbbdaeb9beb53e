package dev.migrate.validators.config;

import java.util.List;
import java.util.Map;

/**
 * How CSV files of a dataset are read. Explicit, so that a malformed row is an error and not a guess.
 *
 * @param delimiter         the field separator; until the files are known, the default {@code ,} when the config
 *                          does not set one
 * @param quotedEmptyIsNull whether a quoted empty field ({@code ""}) reads as NULL, like an unquoted empty one. By
 *                          default it is the empty string: PostgreSQL's COPY, Spark and DuckDB write NULL as an empty
 *                          field and '' as {@code ""}, and reading both as NULL would hide a pipeline that now
 *                          writes '' where it wrote NULL. Python's csv module with QUOTE_ALL writes None as
 *                          {@code ""}: set it for such files.
 * @param decimal           the decimal separator of numbers: ',' for exports in the European style (3,75 with
 *                          ';' between fields), read as the numbers they are, not as text
 * @param delimiterSet      whether the config sets the delimiter; when it does not, the files' extension decides
 *                          ({@code .tsv} is read with tabs: see {@code engine.CsvDefaults})
 * @param strictLineEndings whether a line break inside a quoted value is compared as written. By default
 *                          {@code \r\n} is read as {@code \n}: a writer on Windows ends every line of the file, those
 *                          inside values too, with {@code \r\n}, and the same value written on Linux is no data change
 * @param lineBreakColumns  the text columns (as stored) whose {@code \r\n} the read turns into {@code \n} (and whose
 *                          backslash escapes it reads, see {@link #backslashEscapes()}): known once the files' columns
 *                          are, empty until then and with {@code strictLineEndings} (unless escapes are read)
 * @param columnTypes       the columns (as stored) read with a type of their own rather than the one DuckDB infers:
 *                          numbers too long for a DOUBLE read as DECIMAL or text ({@code engine.ExactNumbers}); known
 *                          once the values are, empty until then
 * @param epochColumns      the columns (as stored) of numbers counting time since the epoch, read as instants in
 *                          their unit ({@code epoch_columns} of a side; see {@link EpochUnit}); despite the record's
 *                          name, for files of any format
 * @param nullValues        the unquoted fields read as NULL: the empty one by default; PostgreSQL's COPY text format,
 *                          MySQL's OUTFILE and Hive's text tables write NULL as {@code \N}, where an empty field is
 *                          the empty string ({@code null_values})
 * @param thousands         the separator that groups the digits of numbers ({@code 1.234,50} with ',' as decimal),
 *                          or "" for none: an export for people (Excel, a German locale) groups them, and such
 *                          numbers were read as text ({@code thousands})
 * @param escapes           whether text values are read with the backslash escapes of PostgreSQL's COPY text format
 *                          ({@code escapes: copy}) or as written ({@code none}); null when the config does not say,
 *                          and then {@code \N} among the {@code nullValues} chooses them (see
 *                          {@link #backslashEscapes()})
 */
public record CsvOptions(char delimiter, char quote, boolean header, String encoding, boolean quotedEmptyIsNull,
        char decimal, boolean delimiterSet, boolean strictLineEndings, List<String> lineBreakColumns,
        Map<String, String> columnTypes, Map<String, EpochUnit> epochColumns, List<String> nullValues,
        String thousands, Escapes escapes) {
    /** The empty field, the only text read as NULL unless {@code null_values} says otherwise. */
    public static final List<String> EMPTY_IS_NULL = List.of("");

    public static final CsvOptions DEFAULT = new CsvOptions(',', '"', true, "utf-8", false, '.', false, false,
            List.of());

    public CsvOptions {
        lineBreakColumns = List.copyOf(lineBreakColumns);
        columnTypes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(columnTypes));
        epochColumns = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(epochColumns));
        nullValues = List.copyOf(nullValues);
    }

    public CsvOptions(char delimiter, char quote, boolean header, String encoding, boolean quotedEmptyIsNull,
            char decimal, boolean delimiterSet, boolean strictLineEndings, List<String> lineBreakColumns,
            Map<String, String> columnTypes, Map<String, EpochUnit> epochColumns, List<String> nullValues,
            String thousands) {
        this(delimiter, quote, header, encoding, quotedEmptyIsNull, decimal, delimiterSet, strictLineEndings,
                lineBreakColumns, columnTypes, epochColumns, nullValues, thousands, null);
    }

    public CsvOptions(char delimiter, char quote, boolean header, String encoding, boolean quotedEmptyIsNull,
            char decimal, boolean delimiterSet, boolean strictLineEndings, List<String> lineBreakColumns,
            Map<String, String> columnTypes, Map<String, EpochUnit> epochColumns) {
        this(delimiter, quote, header, encoding, quotedEmptyIsNull, decimal, delimiterSet, strictLineEndings,
                lineBreakColumns, columnTypes, epochColumns, EMPTY_IS_NULL, "");
    }

    public CsvOptions(char delimiter, char quote, boolean header, String encoding, boolean quotedEmptyIsNull,
            char decimal, boolean delimiterSet, boolean strictLineEndings, List<String> lineBreakColumns,
            Map<String, String> columnTypes) {
        this(delimiter, quote, header, encoding, quotedEmptyIsNull, decimal, delimiterSet, strictLineEndings,
                lineBreakColumns, columnTypes, Map.of());
    }

    public CsvOptions(char delimiter, char quote, boolean header, String encoding, boolean quotedEmptyIsNull,
            char decimal, boolean delimiterSet, boolean strictLineEndings, List<String> lineBreakColumns) {
        this(delimiter, quote, header, encoding, quotedEmptyIsNull, decimal, delimiterSet, strictLineEndings,
                lineBreakColumns, Map.of());
    }

    /** Options whose delimiter is set. */
    public CsvOptions(char delimiter, char quote, boolean header, String encoding) {
        this(delimiter, quote, header, encoding, false, '.', true, false, List.of());
    }

    /** The same options, read with {@code delimiter}, which the files' extension chose. */
    public CsvOptions withDefaultDelimiter(char defaultDelimiter) {
        return new CsvOptions(defaultDelimiter, quote, header, encoding, quotedEmptyIsNull, decimal, false,
                strictLineEndings, lineBreakColumns, columnTypes, epochColumns, nullValues, thousands, escapes);
    }

    /** The same options for a copy of the files in {@code newEncoding}. */
    public CsvOptions withEncoding(String newEncoding) {
        return new CsvOptions(delimiter, quote, header, newEncoding, quotedEmptyIsNull, decimal, delimiterSet,
                strictLineEndings, lineBreakColumns, columnTypes, epochColumns, nullValues, thousands, escapes);
    }

    /**
     * The same options, reading the line breaks of {@code textColumns} as {@code \n} unless they are strict, and their
     * backslash escapes when the files have them ({@link #backslashEscapes()}).
     */
    public CsvOptions withLineBreakColumns(List<String> textColumns) {
        return new CsvOptions(delimiter, quote, header, encoding, quotedEmptyIsNull, decimal, delimiterSet,
                strictLineEndings, strictLineEndings && !backslashEscapes() ? List.of() : textColumns, columnTypes,
                epochColumns, nullValues, thousands, escapes);
    }

    /**
     * Whether text values are read with the backslash escapes of PostgreSQL's COPY text format (and MySQL's
     * {@code INTO OUTFILE}): {@code \\} for a backslash, {@code \t}, {@code \n}, {@code \r} (and {@code \b},
     * {@code \f}, {@code \v}) for those characters, a backslash before any other character for that character.
     * {@code escapes} says so when the config sets it. Otherwise {@code \N} among the null values chooses them, as
     * the writers of {@code \N} that escape (COPY, OUTFILE) are the common ones, and without the escapes read back
     * every value holding a tab, a line break or a backslash would differ from the same value in a table or a CSV.
     * Hive's and Spark's text exports write {@code \N} too but escape nothing: {@code escapes: none} reads their
     * {@code C:\new} as written.
     */
    public boolean backslashEscapes() {
        return escapes == null ? nullValues.contains("\\N") : escapes == Escapes.COPY;
    }

    /** How backslashes in text values are read: {@code csv.escapes}. */
    public enum Escapes {
        /** PostgreSQL COPY text (and MySQL OUTFILE): {@code \\}, {@code \t}, {@code \n}, ... are read back. */
        COPY,
        /** Read as written: Hive and Spark text exports, which write {@code \N} but escape nothing. */
        NONE;

        /** The config's spelling. */
        public String spelled() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The same options, reading the columns of {@code types} (stored name to DuckDB type) with those types. */
    public CsvOptions withColumnTypes(Map<String, String> types) {
        return new CsvOptions(delimiter, quote, header, encoding, quotedEmptyIsNull, decimal, delimiterSet,
                strictLineEndings, lineBreakColumns, types, epochColumns, nullValues, thousands, escapes);
    }

    /** The same options, reading the columns of {@code units} (stored name to unit) as instants. */
    public CsvOptions withEpochColumns(Map<String, EpochUnit> units) {
        return new CsvOptions(delimiter, quote, header, encoding, quotedEmptyIsNull, decimal, delimiterSet,
                strictLineEndings, lineBreakColumns, columnTypes, units, nullValues, thousands, escapes);
    }

    /** The same options, reading the unquoted fields {@code values} as NULL. */
    public CsvOptions withNullValues(List<String> values) {
        return new CsvOptions(delimiter, quote, header, encoding, quotedEmptyIsNull, decimal, delimiterSet,
                strictLineEndings, lineBreakColumns, columnTypes, epochColumns, values, thousands, escapes);
    }
}
