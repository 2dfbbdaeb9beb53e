package dev.migrate.validators.config;

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
 */
public record CsvOptions(char delimiter, char quote, boolean header, String encoding, boolean quotedEmptyIsNull,
        char decimal, boolean delimiterSet) {
    public static final CsvOptions DEFAULT = new CsvOptions(',', '"', true, "utf-8", false, '.', false);

    /** Options whose delimiter is set. */
    public CsvOptions(char delimiter, char quote, boolean header, String encoding) {
        this(delimiter, quote, header, encoding, false, '.', true);
    }

    /** The same options, read with {@code delimiter}, which the files' extension chose. */
    public CsvOptions withDefaultDelimiter(char defaultDelimiter) {
        return new CsvOptions(defaultDelimiter, quote, header, encoding, quotedEmptyIsNull, decimal, false);
    }

    /** The same options for a copy of the files in {@code newEncoding}. */
    public CsvOptions withEncoding(String newEncoding) {
        return new CsvOptions(delimiter, quote, header, newEncoding, quotedEmptyIsNull, decimal, delimiterSet);
    }
}
