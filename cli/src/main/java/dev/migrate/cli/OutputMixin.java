package dev.migrate.cli;

import dev.migrate.rewriters.io.AtomicFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --format} and {@code --output}, shared by report-writing commands. Files are written to a temporary
 * sibling and moved into place, so a failed run never leaves a half-written report behind.
 */
public final class OutputMixin {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    /** Writes with {@code body} to the output file, or to {@code out} when no file was given. */
    void write(PrintWriter out, ReportBody body) throws IOException {
        if (output == null) {
            body.write(out);
            out.flush();
            return;
        }
        Path target = OutputPaths.inExistingDirectory("--output", output);
        java.io.StringWriter text = new java.io.StringWriter();
        body.write(text);
        AtomicFiles.write(target, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a report to a writer. */
    @FunctionalInterface
    interface ReportBody {
        void write(Writer w) throws IOException;
    }
}
