package dev.migrate.analyzers.sources;

import dev.migrate.analyzers.model.Applicability;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Severity;
import dev.migrate.analyzers.model.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The rules of one detector family, read from a YAML resource under {@code dev/migrate/analyzers/rules/}, so
 * that a finding's severity and applicability come from the one place its documentation is written.
 */
public final class SourceRules {
    /** One rule as written in the YAML file. */
    public record Rule(String code, String title, Severity severity, Applicability applicability, String doc) {
    }

    private final Map<String, Rule> rules;

    private SourceRules(Map<String, Rule> rules) {
        this.rules = rules;
    }

    public static SourceRules load(String resourceName) {
        String path = "/dev/migrate/analyzers/rules/" + resourceName;
        try (InputStream in = SourceRules.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("rule file missing from the build: " + path);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Rule> rules = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) root.get("rules");
            for (Map<String, Object> r : list) {
                Rule rule = new Rule((String) r.get("code"), (String) r.get("title"),
                        Severity.valueOf((String) r.get("severity")), Applicability.valueOf((String) r.get("applicability")),
                        ((String) r.get("doc")).strip());
                rules.put(rule.code(), rule);
            }
            return new SourceRules(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Rule> all() {
        return rules;
    }

    public Finding finding(String code, String message, SourceRef where, String jobId) {
        Rule rule = rules.get(code);
        if (rule == null) {
            throw new IllegalArgumentException("no rule " + code + " in the rule file");
        }
        return new Finding(code, rule.severity(), rule.applicability(), message, where, jobId);
    }
}
