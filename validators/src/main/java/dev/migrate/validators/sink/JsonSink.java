package dev.migrate.validators.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.migrate.validators.result.ValidationReport;
import java.io.PrintWriter;

/** JSON following validation-result.schema.json (schema_version 1). */
public final class JsonSink implements ResultSink {
    @Override
    public void write(ValidationReport report, PrintWriter out) {
        try {
            out.println(ReportJson.MAPPER.writeValueAsString(ReportJson.report(report)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the report as JSON", e);
        }
    }
}
