package dev.migrate.validators.engine;

import dev.migrate.validators.config.CsvOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a side's CSV files end their lines, from the first line of its first file: {@code \r\n} for a writer on
 * Windows (Python's csv module and Excel everywhere), {@code \n} for most others. The same writer ends the lines
 * inside quoted values alike, which is why the read compares them as {@code \n} unless strict.
 */
public final class LineEndings {
    private static final int SAMPLE_BYTES = 64 * 1024;

    private LineEndings() {
    }

    /** {@code "\r\n"} or {@code "\n"}, or empty when the side is not CSV files or its first line has no end. */
    public static Optional<String> of(List<Path> files, CsvOptions csv) {
        if (files == null || files.isEmpty() || FileLoader.formatOf(files) != FileFormat.CSV) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = CsvDiagnoser.open(files.get(0))) {
            bytes = in.readNBytes(SAMPLE_BYTES);
        } catch (IOException e) {
            return Optional.empty(); // the engine's read reports an unreadable file with its own message
        }
        String text = new String(bytes, CsvDiagnoser.charset(csv));
        int end = text.indexOf('\n');
        if (end < 0) {
            return Optional.empty();
        }
        return Optional.of(end > 0 && text.charAt(end - 1) == '\r' ? "\r\n" : "\n");
    }
}
