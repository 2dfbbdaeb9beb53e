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

    /**
     * A finding of a rule that fixes its other cases, for a case no recipe fixes (a person must choose): its
     * applicability is manual, so the scan never promises the rewrite an edit it will not make.
     */
    public static Finding manual(String code, String message, SourceRef where, String jobId) {
        Finding f = of(code, message, where, jobId);
        return new Finding(f.code(), f.severity(), dev.migrate.analyzers.model.Applicability.MANUAL, f.message(),
                f.where(), f.jobId());
    }
}
