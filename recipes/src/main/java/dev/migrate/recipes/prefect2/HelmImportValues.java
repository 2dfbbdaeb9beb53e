package dev.migrate.recipes.prefect2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.openrewrite.yaml.tree.Yaml;

/**
 * A dependency's {@code import-values} on the agent subchart: in an item {@code {child: agent.config, parent: x}} the
 * child is a path of the subchart's own values, which becomes the worker chart's ({@code worker.config}), and a parent
 * under the subchart's key in the umbrella chart's values moves with that key. A plain string item imports the
 * subchart's {@code exports}, which the agent chart had none of and the worker chart has none of: it stays.
 */
final class HelmImportValues {
    private HelmImportValues() {
    }

    static Yaml.Sequence toWorker(Yaml.Sequence imports, Map<String, String> keys) {
        List<Yaml.Sequence.Entry> out = new ArrayList<>();
        for (Yaml.Sequence.Entry item : imports.getEntries()) {
            if (item.getBlock() instanceof Yaml.Mapping m) {
                Yaml.Mapping moved = renamed(renamed(m, "child", HelmValuePaths::workerPath), "parent",
                        p -> HelmValuePaths.subchartPath(p, keys));
                item = moved == m ? item : item.withBlock(moved);
            }
            out.add(item);
        }
        return imports.withEntries(out);
    }

    /** {@code m} with the scalar value of {@code key} renamed when {@code rename} gives a new path for it. */
    private static Yaml.Mapping renamed(Yaml.Mapping m, String key, UnaryOperator<String> rename) {
        List<Yaml.Mapping.Entry> out = new ArrayList<>();
        boolean changed = false;
        for (Yaml.Mapping.Entry e : m.getEntries()) {
            if (key.equals(e.getKey().getValue()) && e.getValue() instanceof Yaml.Scalar s) {
                String path = rename.apply(s.getValue());
                if (path != null && !path.equals(s.getValue())) {
                    e = e.withValue(s.withValue(path));
                    changed = true;
                }
            }
            out.add(e);
        }
        return changed ? m.withEntries(out) : m;
    }
}
