package dev.migrate.recipes.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Prefect 2 infrastructure overrides applied to job variables the way 2.x applied them to an infrastructure
 * block: a key is a dot-delimited path into the block's fields, so {@code env.EXTRA_PIP_PACKAGES} set one
 * variable inside {@code env} and kept the others, while {@code env} alone replaced the whole mapping
 * (2.20 {@code prefect/agent.py} and {@code prefect/workers/block.py}: {@code override.split(".")}).
 * Prefect 3 job variables have no such paths: a key is a variable name, so the path must become nesting.
 */
public final class InfraOverrides {
    private InfraOverrides() {
    }

    /**
     * Applies {@code overrides} in order to {@code jobVariables}, nesting dotted keys; maps met on the way are
     * copied, never changed in place. Returns the keys that could not be applied (a path through a value that
     * is not a mapping); those are left out.
     */
    public static List<String> apply(Map<String, Object> jobVariables, Map<String, ?> overrides) {
        return apply(jobVariables, overrides, value -> null);
    }

    /**
     * As {@link #apply(Map, Map)}, but a path through a value that is not a mapping goes into the mapping
     * {@code open} makes of that value (null refuses the key): Python code can lay new entries over a dict
     * held in a variable, {@code {**env, "B": "2"}}, where YAML has no such form.
     */
    @SuppressWarnings("unchecked")
    public static List<String> apply(Map<String, Object> jobVariables, Map<String, ?> overrides,
                                     Function<Object, Map<String, Object>> open) {
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, ?> o : overrides.entrySet()) {
            String[] path = o.getKey().split("\\.", -1);
            Map<String, Object> at = jobVariables;
            boolean ok = true;
            for (int i = 0; i < path.length - 1 && ok; i++) {
                Object inner = at.get(path[i]);
                if (inner == null) {
                    Map<String, Object> created = new LinkedHashMap<>();
                    at.put(path[i], created);
                    at = created;
                } else if (inner instanceof Map<?, ?> m) {
                    Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
                    at.put(path[i], copy);
                    at = copy;
                } else {
                    Map<String, Object> opened = open.apply(inner);
                    ok = opened != null;
                    if (ok) {
                        at.put(path[i], opened);
                        at = opened;
                    }
                }
            }
            if (ok) {
                at.put(path[path.length - 1], o.getValue());
            } else {
                refused.add(o.getKey());
            }
        }
        return refused;
    }

    /** Whether an override key is a path into a field rather than the field itself. */
    public static boolean isPath(String key) {
        return key.indexOf('.') > 0;
    }
}
