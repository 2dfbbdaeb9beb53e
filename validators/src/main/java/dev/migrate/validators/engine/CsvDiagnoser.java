package dev.migrate.validators.engine;

import dev.migrate.validators.config.CsvOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Finds the first problem in a CSV file and says where it is ({@code file:line}). It runs only after
 * the engine refused a file, so the fast path never pays for a second read.
 */
public final class CsvDiagnoser {
    private CsvDiagnoser() {
    }

    public static Optional<String> diagnose(Path file, CsvOptions options) {
        try {
            Optional<String> encoding = firstUndecodableLine(file, options);
            if (encoding.isPresent()) {
                return encoding;
            }
            Optional<String> malformed = firstMalformedRecord(file, options);
            return malformed.isPresent() ? malformed : firstOtherLineEnding(file, options);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return FileFormat.isGzip(file) ? new GZIPInputStream(in, 1 << 16) : in;
    }

    static Charset charset(CsvOptions o) {
        return switch (o.encoding()) {
            case "latin-1" -> StandardCharsets.ISO_8859_1;
            case "utf-16" -> StandardCharsets.UTF_16;
            case "windows-1252" -> Charset.forName("windows-1252");
            default -> StandardCharsets.UTF_8;
        };
    }

    /** Decodes line by line with a strict decoder; UTF-16 is decoded whole by the record pass instead. */
    private static Optional<String> firstUndecodableLine(Path file, CsvOptions o) throws IOException {
        if (!"utf-8".equals(o.encoding())) {
            return Optional.empty();
        }
        try (InputStream in = open(file)) {
            byte[] head = in.readNBytes(2);
            if (head.length == 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE
                    || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)) {
                // Excel's "Unicode text" and PowerShell's default: no 8-bit guess (windows-1252, latin-1) reads it
                return Optional.of(file + ":1:1: the file starts with a UTF-16 byte order mark (0x"
                        + String.format("%02X%02X", head[0], head[1]) + "): it is UTF-16, not UTF-8; set csv.encoding: "
                        + "utf-16 for this side of the dataset, or re-export the file as UTF-8");
            }
        }
        try (InputStream in = open(file)) {
            return StrictDecoding.decode(in, StandardCharsets.UTF_8, text -> { })
                    .map(p -> StrictDecoding.where(file, p, "UTF-8") + " (an export in windows-1252 or latin-1, or "
                            + "mixed encodings?); re-export the file as UTF-8, or set csv.encoding (windows-1252, "
                            + "latin-1, utf-16) for this dataset");
        }
    }

    /** Where a quote opens: line and column, from 1. */
    record Position(long line, long column) {
    }

    /**
     * The line and column (in characters) of the quote that opens the field never closed, reading on from line
     * {@code line}, where its record starts: a record may hold closed multi-line fields before the open one.
     */
    static Optional<Position> openingQuote(Path file, CsvOptions o, long line) {
        try (Reader r = new java.io.BufferedReader(new InputStreamReader(open(file), charset(o)))) {
            long at = 1;
            long column = 0;
            boolean fieldStart = true;
            boolean quoted = false;
            boolean closedQuote = false; // a quote inside a quoted field: closes it, unless the next one doubles it
            Position open = null;
            int c;
            int previous = -1;
            while ((c = r.read()) != -1) {
                if (c == '\n' && previous == '\r') {
                    previous = c;
                    continue; // \r\n is one line break, counted at the \r
                }
                previous = c;
                boolean lineBreak = c == '\n' || c == '\r';
                column++;
                if (at >= line && !(at == 1 && column == 1 && c == '\uFEFF')) {
                    if (quoted) {
                        if (c == o.quote()) {
                            closedQuote = !closedQuote;
                        } else if (closedQuote) {
                            quoted = false;
                            closedQuote = false;
                        }
                    }
                    if (!quoted) {
                        if (fieldStart && c == o.quote()) {
                            quoted = true;
                            open = new Position(at, column);
                        }
                        fieldStart = c == o.delimiter() || lineBreak;
                    }
                }
                if (lineBreak) {
                    at++;
                    column = 0;
                }
            }
            return quoted && !closedQuote ? Optional.ofNullable(open) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * The first line that ends otherwise than the first line does ({@code \r\n} against {@code \n} or {@code \r}),
     * outside quoted fields: DuckDB reads one line ending per file and cannot even sniff a file that mixes them, as a
     * script does that writes its header by hand ({@code f.write("id,name\n")}) before a {@code csv.writer}'s rows
     * (which end in {@code \r\n}). Line breaks inside quoted values are data, whatever they are.
     */
    static Optional<String> firstOtherLineEnding(Path file, CsvOptions o) {
        if (o.backslashEscapes()) {
            return Optional.empty(); // an escaped quote would be taken for the end of a quoted field here
        }
        try (Reader r = new java.io.BufferedReader(new InputStreamReader(open(file), charset(o)))) {
            String first = null;
            long firstLine = 0;
            long line = 1;
            boolean quoted = false;
            int c = r.read();
            while (c != -1) {
                int next = r.read();
                if (c == o.quote()) {
                    quoted = !quoted; // a doubled quote inside a quoted field toggles twice
                } else if (c == '\r' || c == '\n') {
                    String ending = c == '\r' && next == '\n' ? "\r\n" : c == '\r' ? "\r" : "\n";
                    if (ending.length() == 2) {
                        next = r.read();
                    }
                    if (!quoted) {
                        if (first == null) {
                            first = ending;
                            firstLine = line;
                        } else if (!first.equals(ending)) {
                            return Optional.of(file + ":" + line + ": this line ends with " + shown(ending)
                                    + " where line " + firstLine + " ends with " + shown(first) + ": the file mixes "
                                    + "line endings, which the engine cannot read (a header written by hand before a csv.writer's rows, "
                                    + "which end in \\r\\n?); have the pipeline end every line alike (csv.writer(f, "
                                    + "lineterminator=\"\\n\") for \\n), or convert the file (dos2unix)");
                        }
                    }
                    line++;
                }
                c = next;
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * When line {@code line} holds a backslash before a quote: the writer escaped quotes with a backslash (Spark's CSV
     * writer and MySQL's {@code INTO OUTFILE} by default), where CSV doubles them, so the quote ends the field early.
     */
    private static String backslashQuoteHint(Path file, CsvOptions o, long line) {
        try (java.io.BufferedReader r = new java.io.BufferedReader(new InputStreamReader(open(file), charset(o)))) {
            String text = null;
            for (long at = 1; at <= line; at++) {
                text = r.readLine();
                if (text == null) {
                    return "";
                }
            }
            return text != null && text.contains("\\" + o.quote()) ? "; the row escapes a quote with a backslash (\\"
                    + o.quote() + "), which CSV reads as the end of the field: a quote inside a quoted value is doubled ("
                    + o.quote() + o.quote() + "); have the writer double quotes (Spark: option(\"escape\", \"\\\"\"), "
                    + "Python's csv module: doublequote=True)" : "";
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static String shown(String ending) {
        return ending.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static Optional<String> firstMalformedRecord(Path file, CsvOptions o) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(o.delimiter()).setQuote(o.quote()).get();
        try (Reader r = new InputStreamReader(open(file), charset(o)); CSVParser parser = CSVParser.parse(r, format)) {
            Iterator<CSVRecord> it = parser.iterator();
            int expected = -1;
            long startLine = 1;
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    rec = it.next();
                } catch (UncheckedIOException e) {
                    long from = startLine;
                    Optional<Position> open = openingQuote(file, o, startLine);
                    return Optional.of(file + open.map(p -> ":" + p.line() + ":" + p.column()).orElse(":" + from)
                            + ": a quoted field is never closed (unbalanced " + o.quote() + "); fix the quoting of "
                            + "that row" + backslashQuoteHint(file, o, open.map(Position::line).orElse(from)));
                }
                if (expected < 0) {
                    expected = rec.size();
                } else if (rec.size() != expected && !(rec.size() == 1 && rec.get(0).isEmpty())) {
                    return Optional.of(file + ":" + startLine + ": row has " + rec.size() + " fields but the "
                            + (o.header() ? "header" : "first row") + " has " + expected
                            + "; fix the row (unquoted delimiter?) or the header");
                }
                startLine = parser.getCurrentLineNumber() + 1;
            }
        }
    }
}
