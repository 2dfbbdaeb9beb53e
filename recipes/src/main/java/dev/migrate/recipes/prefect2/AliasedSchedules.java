package dev.migrate.recipes.prefect2;

import java.util.HashSet;
import java.util.Set;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The anchors a prefect.yaml's 2.x {@code schedule: *name} entries refer to: a schedule shared through
 * {@code definitions:} is a Prefect 2 schedule wherever it is defined, since only Prefect 2 read {@code schedule:}.
 */
final class AliasedSchedules {
    private AliasedSchedules() {
    }

    static Set<String> anchorsOf(Yaml.Document document) {
        Set<String> anchors = new HashSet<>();
        new YamlIsoVisitor<Set<String>>() {
            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, Set<String> found) {
                if ("schedule".equals(entry.getKey().getValue()) && entry.getValue() instanceof Yaml.Alias alias) {
                    found.add(alias.getAnchor().getKey());
                }
                return super.visitMappingEntry(entry, found);
            }
        }.visit(document, anchors);
        return anchors;
    }
}
