package dev.migrate.validators.engine;

import dev.migrate.validators.BadInputException;
import dev.migrate.validators.config.CsvOptions;
import dev.migrate.validators.config.DatasetConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The delimiter of a side whose config sets none, from its files' extension: {@code .tsv} and {@code .tab} files are
 * tab-separated and {@code .psv} files pipe-separated by their very name, so a config that had to say so again
 * would only be a way to get it wrong. Any other CSV ({@code .csv}, {@code .txt}) is read with {@code ,}. A
 * delimiter the config sets always wins, and {@link CsvDelimiterCheck} still tells a file written with another.
 */
public final class CsvDefaults {
    /** Extensions (after a compression suffix) whose name says the delimiter. */
    private static final Map<String, Character> BY_EXTENSION = Map.of("tsv", '\t', "tab", '\t', "psv", '|');

    private CsvDefaults() {
    }

    /** {@code ds} with each files side read with its extension's delimiter, unless its config sets one. */
    public static DatasetConfig resolve(DatasetConfig ds, List<Path> legacyFiles, List<Path> newFiles) {
        return ds.withCsv(forSide(ds.csv("legacy"), legacyFiles, "legacy"), forSide(ds.csv("new"), newFiles, "new"));
    }

    private static CsvOptions forSide(CsvOptions csv, List<Path> files, String side) {
        if (csv.delimiterSet() || files == null || files.isEmpty()) {
            return csv;
        }
        Map<String, Character> byExtension = new TreeMap<>();
        for (Path f : files) {
            if (FileFormat.of(f).orElse(null) == FileFormat.CSV) {
                String ext = extension(f);
                byExtension.put(ext, BY_EXTENSION.getOrDefault(ext, ','));
            }
        }
        if (byExtension.isEmpty()) {
            return csv; // not CSV files: the format check names them
        }
        if (byExtension.values().stream().distinct().count() > 1) {
            throw new BadInputException("the " + side + " side's files are " + String.join(" and ", byExtension.keySet()
                    .stream().map(e -> "." + e + " (" + shown(byExtension.get(e)) + ")").toList()) + " files, which "
                    + "are read with different delimiters (" + files.get(0) + ", ...); set csv.delimiter for the "
                    + "dataset, or narrow its files glob to one kind");
        }
        char delimiter = byExtension.values().iterator().next();
        if (delimiter == csv.decimal()) {
            throw new BadInputException(files.get(0) + ": the " + side + " side's ." + byExtension.keySet().iterator()
                    .next() + " files are read with " + shown(delimiter) + ", which csv.decimal also names; set "
                    + "csv.delimiter to the delimiter they are written with (\";\"), or decimal: \".\"");
        }
        return csv.withDefaultDelimiter(delimiter);
    }

    /** The extension that gave {@code csv} its delimiter, when the config does not set it and it is not ','. */
    static Optional<String> defaultedBy(Path file, CsvOptions csv) {
        String ext = extension(file);
        return !csv.delimiterSet() && BY_EXTENSION.containsKey(ext) ? Optional.of("." + ext) : Optional.empty();
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|gzip|zst|zstd)$", "");
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    static String shown(char c) {
        return c == '\t' ? "tab" : "'" + c + "'";
    }
}
