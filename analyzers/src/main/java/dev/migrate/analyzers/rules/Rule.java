package dev.migrate.analyzers.rules;

import dev.migrate.analyzers.model.Applicability;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Severity;
import dev.migrate.analyzers.model.SourceRef;
import java.util.List;
import java.util.Objects;

/**
 * One finding rule: a stable code, a title naming the pattern detected (never the fix), its severity and
 * fix applicability, the recipes that fix it (or, for a manual rule, do the mechanical part), and its
 * documentation, written once here and rendered to {@code docs/rules/CODE.md}.
 */
public record Rule(String code, String title, Severity severity, Applicability applicability, List<String> fixedBy,
        RuleDoc doc) {
    public Rule {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(applicability, "applicability");
        fixedBy = List.copyOf(fixedBy);
        Objects.requireNonNull(doc, "doc");
    }

    public Rule(String code, String title, Severity severity, Applicability applicability, RuleDoc doc) {
        this(code, title, severity, applicability, List.of(), doc);
    }

    /** The family is the code without its trailing digits: {@code PF2} for {@code PF201}, {@code K8S} for {@code K8S001}. */
    public String family() {
        return familyOf(code);
    }

    static String familyOf(String code) {
        // Families are PF1xx/PF2xx (the hundreds digit is part of the family) and XXX0xx for the rest.
        if (code.startsWith("PF") && code.length() >= 3) {
            return code.substring(0, 3);
        }
        return code.replaceAll("\\d{3}$", "");
    }

    /** A finding of this rule; severity and applicability always come from the rule. */
    public Finding finding(String message, SourceRef where, String jobId) {
        return new Finding(code, severity, applicability, message, where, jobId);
    }
}
