package dev.migrate.analyzers.rules;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.SourceRef;

/** Creates findings of the standard rules, so detectors never restate a rule's severity or fix safety. */
public final class Findings {
    private Findings() {
    }

    public static Finding of(String code, String message, SourceRef where, String jobId) {
        return RuleRegistry.standard().get(code).finding(message, where, jobId);
    }
}
