package dev.migrate.validators.sink;

import dev.migrate.validators.result.ValidationReport;
import java.io.PrintWriter;

/** Renders a report in one format. Every sink renders the same fixed result schema. */
public interface ResultSink {
    void write(ValidationReport report, PrintWriter out);
}
