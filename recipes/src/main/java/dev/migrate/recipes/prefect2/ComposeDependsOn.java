package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.internal.YamlSnippets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrewrite.Cursor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * A compose service's {@code depends_on}, read and written in its long form ({@code NAME: {condition: ...}}), which
 * alone can say "start after that one-shot service completed": the short list only waits for a start.
 */
final class ComposeDependsOn {
    static final String STARTED = "service_started";
    static final String HEALTHY = "service_healthy";
    static final String COMPLETED = "service_completed_successfully";

    private ComposeDependsOn() {
    }

    /**
     * The services {@code body} depends on, each with the fields of its long form as written ({@code condition:
     * service_healthy}, {@code required: false}); a short-form entry has none, which compose reads as
     * {@code service_started}. Empty when there is no {@code depends_on} or it is neither a list nor a mapping.
     */
    static Map<String, List<String>> read(Yaml.Mapping body, Cursor cursor) {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        Yaml.Mapping.Entry field = field(body);
        if (field == null) {
            return deps;
        }
        if (field.getValue() instanceof Yaml.Sequence seq) {
            for (Yaml.Sequence.Entry item : seq.getEntries()) {
                if (item.getBlock() instanceof Yaml.Scalar s) {
                    deps.put(s.getValue(), new ArrayList<>());
                }
            }
        } else if (field.getValue() instanceof Yaml.Mapping map) {
            for (Yaml.Mapping.Entry dep : map.getEntries()) {
                List<String> fields = new ArrayList<>();
                if (dep.getValue() instanceof Yaml.Mapping attrs) {
                    attrs.getEntries().forEach(a -> fields.add(a.withPrefix("").print(cursor).strip()));
                }
                deps.put(dep.getKey().getValue(), fields);
            }
        }
        return deps;
    }

    /** The same dependencies with {@code service} (added at the end when missing) waiting for {@code condition}. */
    static Map<String, List<String>> withCondition(Map<String, List<String>> deps, String service, String condition) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        deps.forEach((name, fields) -> out.put(name, new ArrayList<>(fields)));
        List<String> fields = out.computeIfAbsent(service, k -> new ArrayList<>());
        fields.removeIf(f -> f.startsWith("condition:"));
        fields.add(0, "condition: " + condition);
        return out;
    }

    /**
     * The text of a long-form {@code depends_on} value (starting with its newline), its services at
     * {@code indent}, their fields one {@code step} deeper; a short-form entry gets {@code condition: service_started},
     * what compose read it as.
     */
    static String longForm(Map<String, List<String>> deps, String indent, String step) {
        StringBuilder text = new StringBuilder();
        deps.forEach((name, fields) -> {
            text.append('\n').append(indent).append(name).append(':');
            List<String> written = fields.isEmpty() ? List.of("condition: " + STARTED) : fields;
            written.forEach(f -> text.append('\n').append(indent).append(step).append(f));
        });
        return text.toString();
    }

    /**
     * The service {@code body} also waiting for {@code service} to complete successfully: a block mapping gets the
     * entry appended as it is written; a list (short form) or a flow mapping becomes the long form, every entry
     * and its condition kept; a service without {@code depends_on} gets one after its last field.
     *
     * @param fieldIndent the indentation of the service's fields
     * @param step        one level of the file's indentation
     */
    static Yaml.Mapping dependOn(Yaml.Mapping body, String service, String fieldIndent, String step, Cursor cursor) {
        Yaml.Mapping.Entry field = field(body);
        List<Yaml.Mapping.Entry> fields = new ArrayList<>(body.getEntries());
        if (field != null && field.getValue() instanceof Yaml.Mapping map && map.getOpeningBracePrefix() == null
                && !map.getEntries().isEmpty()) {
            String prefix = map.getEntries().get(0).getPrefix();
            String depIndent = prefix.substring(prefix.lastIndexOf('\n') + 1);
            Map<String, List<String>> added = new LinkedHashMap<>();
            added.put(service, List.of("condition: " + COMPLETED));
            String valueText = field.getValue().print(cursor) + longForm(added, depIndent, step);
            fields.set(fields.indexOf(field), YamlSnippets.parseEntry(field.getKey().getValue(), valueText)
                    .withPrefix(field.getPrefix()));
            return body.withEntries(fields);
        }
        Map<String, List<String>> deps = withCondition(read(body, cursor), service, COMPLETED);
        Yaml.Mapping.Entry written = YamlSnippets.parseEntry("depends_on", longForm(deps, fieldIndent + step, step));
        if (field != null) {
            fields.set(fields.indexOf(field), written.withPrefix(field.getPrefix()));
        } else {
            fields.add(insertAt(fields, cursor), written.withPrefix("\n" + fieldIndent));
        }
        return body.withEntries(fields);
    }

    /**
     * Where a new field goes: after the last field that does not end with its line break. A block scalar
     * ({@code command: >}) holds the break that ends it, so a field written after it would start a line too late,
     * and the text after the service would lose its line break.
     */
    private static int insertAt(List<Yaml.Mapping.Entry> fields, Cursor cursor) {
        for (int i = fields.size(); i > 0; i--) {
            if (!fields.get(i - 1).print(cursor).endsWith("\n")) {
                return i;
            }
        }
        return 0;
    }

    private static Yaml.Mapping.Entry field(Yaml.Mapping body) {
        return body.getEntries().stream().filter(e -> "depends_on".equals(e.getKey().getValue())).findFirst().orElse(null);
    }
}
