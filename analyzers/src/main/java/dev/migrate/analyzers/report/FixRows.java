package dev.migrate.analyzers.report;

import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.model.Applicability;
import dev.migrate.analyzers.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which {@code migrate rewrite} recipes act on the codes a scan found, one row per code, so every report
 * for people can say what to run next. Codes no recipe acts on (manual-only) have no row.
 */
record FixRows(String code, long findings, String fix, List<String> recipes) {
    static List<FixRows> of(Inventory inv, RuleRegistry rules) {
        Map<String, Long> counts = new TreeMap<>();
        inv.findings().forEach(f -> counts.merge(f.code(), 1L, Long::sum));
        List<FixRows> out = new ArrayList<>();
        counts.forEach((code, n) -> rules.find(code).filter(r -> !r.fixedBy().isEmpty()).ifPresent(r -> out.add(
                new FixRows(code, n, r.applicability() == Applicability.MANUAL ? "partly (a person finishes)"
                        : Reports.label(r.applicability()).replace('_', ' '), r.fixedBy()))));
        return out;
    }

    /** How to review a fix before applying it, said the same way in every report. */
    static final String HOW = "Run `migrate rewrite PATH --dry-run --recipe NAME` (or a composite that includes it) "
            + "to review a fix before applying it.";
}
