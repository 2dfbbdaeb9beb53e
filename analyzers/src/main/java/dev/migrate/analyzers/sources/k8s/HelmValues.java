package dev.migrate.analyzers.sources.k8s;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A chart's default values ({@code values.yaml}), and the template actions that only read them: in
 * {@code schedule: {{ .Values.sync.schedule | quote }}} the schedule is known without rendering the chart.
 * Actions that do more (helpers, conditions, lookups) stay unknown.
 */
final class HelmValues {
    /** {@code {{ .Values.a.b }}}, optionally {@code | quote}, {@code | squote}, {@code | default "x"}, with trim markers. */
    private static final Pattern VALUE_ACTION = Pattern.compile(
            "\\{\\{-?\\s*\\.Values((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)((?:\\s*\\|\\s*(?:quote|squote|default\\s+\"[^\"]*\"))*)\\s*-?}}");
    private static final Pattern DEFAULT = Pattern.compile("default\\s+\"([^\"]*)\"");

    private final Map<String, Object> values;

    private HelmValues(Map<String, Object> values) {
        this.values = values;
    }

    /** The values of a values.yaml text; empty values when it does not parse as a mapping. */
    @SuppressWarnings("unchecked")
    static HelmValues parse(String text) {
        try {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return new HelmValues(doc instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
        } catch (YAMLException e) {
            return new HelmValues(Map.of());
        }
    }

    /**
     * The chart directory of a template path, with its slash ({@code chart/} for {@code chart/templates/cron.yaml},
     * the nearest one for a subchart's template), or null when the path is not a chart template.
     */
    static String chartOf(String templatePath) {
        if (templatePath.startsWith("templates/")) {
            return "";
        }
        int i = templatePath.lastIndexOf("/templates/");
        return i < 0 ? null : templatePath.substring(0, i + 1);
    }

    /**
     * {@code template} with every value-only action replaced by its value (quoted as the action asks); the
     * {@code .Values} paths it used go into {@code used}, each with the value it read.
     */
    String render(String template, Map<String, String> used) {
        Matcher m = VALUE_ACTION.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String path = m.group(1).substring(1);
            String pipes = m.group(2);
            Matcher d = DEFAULT.matcher(pipes);
            Optional<String> value = lookup(path).or(() -> d.find() ? Optional.of(d.group(1)) : Optional.empty());
            if (value.isEmpty()) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            used.put(".Values." + path, value.get());
            String shown = pipes.contains("squote") ? "'" + value.get().replace("'", "''") + "'"
                    : pipes.contains("quote") ? "\"" + value.get().replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                    : value.get();
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A scalar at a dotted path; empty for a missing key, null, or a mapping or list. */
    private Optional<String> lookup(String dotted) {
        Object at = values;
        for (String key : dotted.split("\\.")) {
            if (!(at instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            at = map.get(key);
        }
        return at == null || at instanceof Map || at instanceof List ? Optional.empty() : Optional.of(String.valueOf(at));
    }
}
