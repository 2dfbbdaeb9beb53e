package dev.migrate.analyzers.rules;

import dev.migrate.analyzers.model.Applicability;
import dev.migrate.analyzers.model.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * All finding rules, loaded from the YAML files named in {@code rules/index.txt} (one family per file).
 * The format is described in {@code docs/rules/README.md}. Loading fails loudly on any missing key,
 * unknown severity or duplicate code, because a bad rule file is a build defect.
 */
public final class RuleRegistry {
    static final String BASE = "/dev/migrate/analyzers/rules/";
    private static final List<String> KEYS = List.of("code", "title", "severity", "applicability",
            "what", "why", "example", "instead", "fix_safety");
    /** Keys a rule may leave out. */
    private static final List<String> OPTIONAL_KEYS = List.of("fixed_by");

    private final Map<String, Rule> byCode;

    RuleRegistry(Collection<Rule> rules) {
        Map<String, Rule> m = new TreeMap<>();
        for (Rule r : rules) {
            if (m.put(r.code(), r) != null) {
                throw new RuleLoadException("rule " + r.code() + " is defined twice; give each rule its own code");
            }
        }
        byCode = Collections.unmodifiableMap(m);
    }

    /** The rules shipped with migrate, loaded once on first use. */
    public static RuleRegistry standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final RuleRegistry STANDARD = load(BASE);
    }

    static RuleRegistry load(String base) {
        List<Rule> rules = new ArrayList<>();
        for (String file : readIndex(base)) {
            rules.addAll(parseFile(base + file, read(base + file)));
        }
        return new RuleRegistry(rules);
    }

    private static List<String> readIndex(String base) {
        List<String> files = new ArrayList<>();
        for (String line : read(base + "index.txt").split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                files.add(l);
            }
        }
        return files;
    }

    private static String read(String resource) {
        try (InputStream in = RuleRegistry.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RuleLoadException("rule resource " + resource + " is missing; check rules/index.txt");
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                StringBuilder sb = new StringBuilder();
                r.lines().forEach(l -> sb.append(l).append('\n'));
                return sb.toString();
            }
        } catch (IOException e) {
            throw new RuleLoadException("cannot read rule resource " + resource + ": " + e.getMessage(), e);
        }
    }

    static List<Rule> parseFile(String name, String yaml) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(doc instanceof List<?> list)) {
            throw new RuleLoadException(name + ": expected a YAML list of rules");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = name + ": [" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new RuleLoadException(where + ": expected a mapping with keys " + KEYS);
            }
            for (String k : KEYS) {
                Object v = entry.get(k);
                if (v == null || v.toString().isBlank()) {
                    throw new RuleLoadException(where + "." + k + ": missing; every rule needs " + KEYS);
                }
            }
            for (Object k : entry.keySet()) {
                if (!KEYS.contains(String.valueOf(k)) && !OPTIONAL_KEYS.contains(String.valueOf(k))) {
                    throw new RuleLoadException(where + "." + k + ": unknown key; allowed keys are " + KEYS
                            + " and " + OPTIONAL_KEYS);
                }
            }
            String code = text(entry, "code");
            if (!code.matches("[A-Z][A-Z0-9]*\\d{3}")) {
                throw new RuleLoadException(where + ".code: '" + code + "' is not a code like PF201 or K8S001");
            }
            Applicability applicability =
                    enumOf(Applicability.class, text(entry, "applicability"), where + ".applicability");
            List<String> fixedBy = recipeNames(entry.get("fixed_by"), where + ".fixed_by");
            // A rule that promises a fix must say which recipe gives it; the CLI's tests check the names exist.
            if (applicability != Applicability.MANUAL && fixedBy.isEmpty()) {
                throw new RuleLoadException(where + ".fixed_by: missing; a " + applicability
                        + " rule must name the recipes that fix it (or be MANUAL)");
            }
            rules.add(new Rule(code, text(entry, "title"),
                    enumOf(Severity.class, text(entry, "severity"), where + ".severity"),
                    applicability, fixedBy,
                    new RuleDoc(text(entry, "what"), text(entry, "why"), text(entry, "example"),
                            text(entry, "instead"), text(entry, "fix_safety"))));
        }
        return rules;
    }

    private static List<String> recipeNames(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> names)) {
            throw new RuleLoadException(where + ": expected a list of recipe names, such as [dev.migrate.recipes.x.Y]");
        }
        List<String> out = new ArrayList<>();
        for (Object n : names) {
            String name = String.valueOf(n).strip();
            if (!name.matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*\\.[A-Z][A-Za-z0-9]*")) {
                throw new RuleLoadException(where + ": '" + name + "' is not a recipe name like dev.migrate.recipes.x.Y");
            }
            out.add(name);
        }
        return out;
    }

    private static String text(Map<?, ?> entry, String key) {
        return entry.get(key).toString().strip();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleLoadException(where + ": '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()), e);
        }
    }

    public Collection<Rule> all() {
        return byCode.values();
    }

    public Optional<Rule> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The rule of a code the program itself uses; a missing one is a bug, not user error. */
    public Rule get(String code) {
        Rule r = byCode.get(code);
        if (r == null) {
            throw new IllegalStateException("rule " + code + " is used but not defined in any rules/*.yaml");
        }
        return r;
    }

    /** Family prefixes (PF1, PF2, CFG, JAV, K8S, ...), sorted. */
    public Set<String> families() {
        Set<String> s = new TreeSet<>();
        byCode.values().forEach(r -> s.add(r.family()));
        return s;
    }

    /**
     * The codes named by a selector list: each entry is a full code ({@code PF201}), a family
     * ({@code PF2}, {@code K8S}) or any code prefix ({@code PF}, {@code JAV01}); {@code ALL} selects every rule.
     *
     * @throws UnknownRuleException naming the entry and listing the families
     */
    public Set<String> resolve(Collection<String> selectors) {
        Set<String> codes = new TreeSet<>();
        for (String raw : selectors) {
            String sel = raw.strip().toUpperCase(Locale.ROOT);
            if (sel.isEmpty()) {
                continue;
            }
            int before = codes.size();
            boolean matched = false;
            for (String code : byCode.keySet()) {
                if (sel.equals("ALL") || code.startsWith(sel)) {
                    codes.add(code);
                    matched = true;
                }
            }
            if (!matched && codes.size() == before) {
                throw new UnknownRuleException("unknown rule code or family '" + raw.strip()
                        + "'; known families: " + String.join(", ", families())
                        + " (or a full code such as PF201, or ALL)");
            }
        }
        return codes;
    }
}
