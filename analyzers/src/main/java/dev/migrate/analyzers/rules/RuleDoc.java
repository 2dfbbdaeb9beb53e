package dev.migrate.analyzers.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fixed documentation sections of a rule. Every section is required. */
public record RuleDoc(String what, String why, String example, String instead, String fixSafety) {
    /** Section headings in the order docs are rendered, keyed by their name in the rule YAML. */
    public Map<String, String> sections() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("What it does", what);
        m.put("Why it matters", why);
        m.put("Example", example);
        m.put("Use instead", instead);
        m.put("Fix safety", fixSafety);
        return m;
    }
}
