package dev.migrate.validators.config;

/** How CSV files of a dataset are read. Explicit, so that a malformed row is an error and not a guess. */
public record CsvOptions(char delimiter, char quote, boolean header, String encoding) {
    public static final CsvOptions DEFAULT = new CsvOptions(',', '"', true, "utf-8");
}
