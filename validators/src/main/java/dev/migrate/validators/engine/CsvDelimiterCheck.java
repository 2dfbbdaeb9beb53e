package dev.migrate.validators.engine;

import dev.migrate.validators.BadInputException;
import dev.migrate.validators.config.CsvOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Tells a file written with another delimiter than the one configured before the engine reads it. A {@code ;}
 * export (the usual European one) read with {@code ,} is one column named {@code id;name;amount}: the key is then
 * "not in the output", or the engine stops at the first decimal comma, and neither error says why. When the first
 * line is one field with the configured delimiter and another common delimiter splits it, and each of the next lines,
 * into two fields or more, the file is bad input whose message names that delimiter and the key to set. The delimiter is not switched silently: a config says how a file is read.
 */
public final class CsvDelimiterCheck {
    /** Delimiters writers use, in the order a tie is decided. */
    private static final char[] CANDIDATES = {';', '\t', '|', ','};
    /** Only the start of the file is read: enough lines to see a consistent split. */
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_LINES = 20;

    private CsvDelimiterCheck() {
    }

    /**
     * Throws when the first CSV file of a side (either list may be null: a side that is not files) looks written
     * with another delimiter than its side's options say. The message suggests the dataset's key when both sides
     * look written with that delimiter, else the side's own.
     */
    public static void check(List<Path> legacyFiles, CsvOptions legacyCsv, List<Path> newFiles, CsvOptions newCsv) {
        Optional<Found> legacy = found(legacyFiles, legacyCsv);
        Optional<Found> current = found(newFiles, newCsv);
        boolean both = legacy.isPresent() && current.isPresent()
                && legacy.get().delimiter() == current.get().delimiter();
        legacy.ifPresent(f -> fail(legacyFiles.get(0), legacyCsv, f, both ? null : "legacy"));
        current.ifPresent(f -> fail(newFiles.get(0), newCsv, f, "new"));
    }

    private static Optional<Found> found(List<Path> files, CsvOptions options) {
        if (files == null || files.isEmpty() || FileLoader.formatOf(files) != FileFormat.CSV) {
            return Optional.empty();
        }
        return likelyDelimiter(files.get(0), options);
    }

    /** @param side the side whose own key to suggest, or null when the dataset's fits both */
    private static void fail(Path file, CsvOptions options, Found found, String side) {
        String key = yaml(found.delimiter());
        throw new BadInputException(file + ":1: the header reads as one column, \"" + found.header()
                + "\", with the delimiter " + shown(options.delimiter()) + CsvDefaults.defaultedBy(file, options)
                        .map(ext -> " (the default for " + ext + " files)").orElse("") + "; the file looks "
                + shown(found.delimiter()) + "-delimited (" + found.evidence() + "). Set csv.delimiter: " + key
                + (side == null ? " for this dataset (both sides look written so)" : " for this dataset, or " + side
                        + ": {csv: {delimiter: " + key + "}} for the " + side + " side only"));
    }

    /** What another delimiter makes of the first lines. */
    record Found(char delimiter, int columns, int lines, String header, boolean even) {
        String evidence() {
            return even ? columns + " columns on each of the first " + lines + (lines == 1 ? " line" : " lines")
                    : columns + " columns in the header, and each of the next " + (lines - 1) + " lines splits too";
        }
    }

    static Optional<Found> likelyDelimiter(Path file, CsvOptions options) {
        String sample;
        try {
            sample = sample(file, options);
        } catch (IOException e) {
            return Optional.empty(); // the engine's read reports an unreadable file with its own message
        }
        List<CSVRecord> configured = records(sample, options.delimiter(), options.quote());
        if (configured.isEmpty() || configured.get(0).size() != 1 || configured.get(0).get(0).isEmpty()) {
            return Optional.empty();
        }
        Found best = null;
        for (char c : CANDIDATES) {
            if (c == options.delimiter() || c == options.quote()) {
                continue;
            }
            List<CSVRecord> split = records(sample, c, options.quote());
            int columns = split.isEmpty() ? 0 : split.get(0).size();
            // every line splits; a ragged row (more fields than the header) is the engine's to report, later
            boolean splits = columns >= 2 && split.stream().allMatch(r -> r.size() >= 2);
            if (splits && (best == null || columns > best.columns())) {
                best = new Found(c, columns, split.size(), configured.get(0).get(0),
                        split.stream().allMatch(r -> r.size() == columns));
            }
        }
        return Optional.ofNullable(best);
    }

    /** The first lines, whole, decoded as configured; a byte order mark is dropped, as the engine drops it. */
    private static String sample(Path file, CsvOptions options) throws IOException {
        byte[] bytes;
        try (InputStream in = CsvDiagnoser.open(file)) {
            bytes = in.readNBytes(SAMPLE_BYTES);
        }
        String text = new String(bytes, CsvDiagnoser.charset(options));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int end = bytes.length < SAMPLE_BYTES ? text.length() : text.lastIndexOf('\n') + 1;
        List<String> lines = new ArrayList<>(text.substring(0, end).lines().limit(SAMPLE_LINES + 1L).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    /** The records of {@code text}, or none when it does not parse (an unbalanced quote under this delimiter). */
    private static List<CSVRecord> records(String text, char delimiter, char quote) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote(quote).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            return parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            return List.of();
        }
    }

    private static String shown(char c) {
        return CsvDefaults.shown(c);
    }

    private static String yaml(char c) {
        return c == '\t' ? "\"\\t\"" : "\"" + c + "\"";
    }
}
