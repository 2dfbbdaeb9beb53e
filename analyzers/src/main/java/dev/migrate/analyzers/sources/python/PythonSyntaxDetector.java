package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.rewriters.python.Diagnostic;

/**
 * CFG003 for a Python file with a syntax error among those the job detectors read (Prefect, scheduler libraries,
 * sleep loops): the detectors see only what parsed, so its jobs may be missing from the inventory, and
 * `migrate rewrite` leaves it unchanged.
 */
public final class PythonSyntaxDetector extends PythonDetector {
    public PythonSyntaxDetector() {
        super("python-syntax", null, "prefect", "apscheduler", "beat_schedule", "BEAT_SCHEDULE", "CronTab", "schedule",
                "sleep(");
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        if (m.syntaxErrors().isEmpty()) {
            return;
        }
        Diagnostic d = m.syntaxErrors().get(0);
        sink.finding(Findings.of("CFG003", "Python syntax error: " + d.message() + "; jobs in this file may be missing "
                + "from the inventory and `migrate rewrite` leaves it unchanged (check it with python3 -m py_compile)",
                SourceRef.at(m.file().path(), d.line(), d.column()), null));
    }
}
