package dev.migrate.analyzers.model;

import java.util.Objects;

/**
 * One detected construct that matters for the migration. {@code code} is the stable rule code
 * (for example {@code PF201}); severity, applicability and documentation live on the rule.
 *
 * @param jobId the job this finding belongs to, or null when it concerns the estate as a whole
 */
public record Finding(String code, Severity severity, Applicability applicability, String message,
                      SourceRef where, String jobId) implements Comparable<Finding> {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(applicability, "applicability");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(where, "where");
    }

    /** Findings sort by place, then code, so that reports do not depend on scan order. */
    @Override
    public int compareTo(Finding o) {
        int c = where.compareTo(o.where);
        if (c != 0) {
            return c;
        }
        c = code.compareTo(o.code);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
