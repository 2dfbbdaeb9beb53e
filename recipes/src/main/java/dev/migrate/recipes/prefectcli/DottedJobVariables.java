package dev.migrate.recipes.prefectcli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.recipes.internal.InfraOverrides;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --override env.X=v} flags of a 2.x {@code prefect deployment build}, once mapped to
 * {@code --job-variable env.X=v}. 2.x read the key as a path into the infrastructure block (set {@code X} inside
 * {@code env}); 3.x {@code prefect deploy} splits {@code key=value} at the first {@code =} and keeps the key as
 * written, so the flag would set a variable literally named {@code env.X}. A value without {@code =} is read as
 * a JSON object instead (3.8.3 {@code prefect/cli/deploy/_config.py}, {@code _extract_variable}), and objects of
 * several flags are merged key by key at the top only: all paths under one variable go into one object.
 */
final class DottedJobVariables {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DottedJobVariables() {
    }

    /**
     * Rewrites the dotted {@code --job-variable} values of {@code flags} in place; notes say what was done.
     * Returns true when an override was dropped and a person must write it into prefect.yaml.
     */
    static boolean nest(List<String> flags, List<String> notes) {
        Map<String, List<Integer>> byVariable = new LinkedHashMap<>();
        Map<String, String> dotted = new LinkedHashMap<>();
        for (int i = 0; i < flags.size(); i++) {
            String value = JobVariableFlags.valueAt(flags, i);
            if (value == null) {
                continue;
            }
            int eq = value.indexOf('=');
            String key = eq < 0 ? value : value.substring(0, eq);
            if (eq > 0 && InfraOverrides.isPath(key)) {
                byVariable.computeIfAbsent(key.substring(0, key.indexOf('.')), k -> new ArrayList<>()).add(i);
                dotted.put(key, value.substring(eq + 1));
            }
        }
        if (byVariable.isEmpty()) {
            return false;
        }
        boolean dropped = false;
        List<Integer> remove = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> v : byVariable.entrySet()) {
            Map<String, String> paths = new LinkedHashMap<>();
            dotted.forEach((k, val) -> {
                if (k.startsWith(v.getKey() + ".")) {
                    paths.put(k, val);
                }
            });
            Map<String, Object> nested = new LinkedHashMap<>();
            InfraOverrides.apply(nested, paths);
            String json = json(nested);
            String written = String.join(" ", paths.keySet());
            List<Integer> at = v.getValue();
            if (json.indexOf('=') >= 0 || hasPlain(flags, v.getKey())) {
                // `prefect deploy` would split the JSON at its `=`, or the plain variable would replace the object
                notes.add("dropped the overrides of " + written + ": `prefect deploy --job-variable` cannot set one "
                        + "key inside `" + v.getKey() + "` here; write it under work_pool.job_variables in "
                        + "prefect.yaml by hand: " + v.getKey() + ": " + json(nested.get(v.getKey())));
                remove.addAll(at);
                dropped = true;
            } else {
                JobVariableFlags.setValue(flags, at.get(0), json);
                remove.addAll(at.subList(1, at.size()));
                notes.add("the overrides of " + written + " set keys inside the job variable `" + v.getKey()
                        + "`, which replaces the work pool's default `" + v.getKey() + "` as a whole; add the "
                        + "pool's entries to it if the runs need them");
            }
        }
        remove.sort(null);
        JobVariableFlags.remove(flags, remove);
        return dropped;
    }

    private static boolean hasPlain(List<String> flags, String variable) {
        for (int i = 0; i < flags.size(); i++) {
            String v = JobVariableFlags.valueAt(flags, i);
            if (v != null && (v.startsWith(variable + "=") || v.equals(variable))) {
                return true;
            }
        }
        return false;
    }
    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
