package dev.migrate.analyzers.report;

import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.Inventory;
import java.io.IOException;
import java.io.Writer;

/** Renders an inventory in one format. Writers receive an already redacted inventory (see {@link Reports}). */
public interface ReportWriter {
    void write(Inventory inventory, RuleRegistry rules, Writer out) throws IOException;
}
