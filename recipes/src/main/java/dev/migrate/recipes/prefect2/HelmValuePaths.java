package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.PrefectRenames;
import java.util.List;
import java.util.Map;

/**
 * Dotted values paths of the removed {@code prefect-agent} chart ({@code agent.serverApiConfig.apiUrl}) as the
 * {@code prefect-worker} chart reads them ({@code worker.selfHostedServerApiConfig.apiUrl}), from the catalogue's
 * {@code helm-value} renames; and paths of an umbrella chart's values that start with the agent subchart's key.
 * Used where values are named by path rather than written as a mapping: Argo CD parameters, Flux {@code targetPath},
 * a dependency's {@code condition} and {@code import-values}, and the {@code index .Values "..."} of templates.
 */
final class HelmValuePaths {
    private HelmValuePaths() {
    }

    /**
     * The worker chart's path for an agent chart path ({@code agent} or {@code agent.…}); null for any other path.
     * The longest renamed prefix in the data wins ({@code agent.serverApiConfig} over {@code agent}); what follows
     * it is kept. A bare {@code agent.…} path the data does not name is the same path under {@code worker}.
     */
    static String workerPath(String agentPath) {
        if (!agentPath.equals("agent") && !agentPath.startsWith("agent.")) {
            return null;
        }
        String best = null;
        String bestNew = null;
        for (PrefectRenames r : PrefectRenames.ofKind("helm-value")) {
            String old = r.old();
            if (old.startsWith("agent.") && !old.contains(":") && !r.replacement().contains(":")
                    && (agentPath.equals(old) || agentPath.startsWith(old + "."))
                    && (best == null || old.length() > best.length())) {
                best = old;
                bestNew = r.replacement();
            }
        }
        return best == null ? "worker" + agentPath.substring("agent".length()) : bestNew + agentPath.substring(best.length());
    }

    /** The new value of the worker chart's {@code path: value}, from renames written as {@code path: value}; or null. */
    static String workerValue(String workerPath, String value) {
        for (PrefectRenames r : PrefectRenames.ofKind("helm-value")) {
            if (r.old().equals(workerPath + ": " + value) && r.replacement().startsWith(workerPath + ": ")) {
                return r.replacement().substring(workerPath.length() + 2);
            }
        }
        return null;
    }

    /**
     * An umbrella chart's values path that starts with an agent subchart's key ({@code keys}: old key to new key,
     * the same for an alias), with the key renamed and the subchart's own path moved by {@link #workerPath}; null when
     * the path is not under any of those keys or nothing changes.
     */
    static String subchartPath(String path, Map<String, String> keys) {
        for (Map.Entry<String, String> k : keys.entrySet()) {
            if (path.equals(k.getKey()) || path.startsWith(k.getKey() + ".")) {
                String rest = path.substring(k.getKey().length());
                String inner = rest.isEmpty() ? null : workerPath(rest.substring(1));
                String out = k.getValue() + (inner == null ? rest : "." + inner);
                return out.equals(path) ? null : out;
            }
        }
        return null;
    }

    /**
     * {@link #subchartPath} on a path given as its segments (the string arguments of {@code index .Values "a" "b"}),
     * or null when it changes nothing or would change the number of segments (which the template could not take).
     */
    static List<String> subchartSegments(List<String> segments, Map<String, String> keys) {
        if (segments.stream().anyMatch(s -> s.contains(".") || s.isEmpty())) {
            return null;
        }
        String renamed = subchartPath(String.join(".", segments), keys);
        if (renamed == null) {
            return null;
        }
        List<String> out = List.of(renamed.split("\\.", -1));
        return out.size() == segments.size() ? out : null;
    }

    /**
     * The renames a person moving agent values by hand needs, for notes: keys the worker chart calls otherwise and
     * values it reads otherwise ({@code (`serverApiConfig` is `selfHostedServerApiConfig`, ...)}).
     */
    static String describeRenames() {
        List<String> out = new java.util.ArrayList<>();
        for (PrefectRenames r : PrefectRenames.ofKind("helm-value")) {
            String old = r.old();
            if (old.startsWith("agent.") && !old.contains(":") && !r.replacement().equals("worker" + old.substring(5))) {
                out.add("`" + old.substring(old.lastIndexOf('.') + 1) + "` is `"
                        + r.replacement().substring(r.replacement().lastIndexOf('.') + 1) + "`");
            } else if (old.startsWith("worker.apiConfig: ") && r.replacement().startsWith("worker.apiConfig: ")) {
                out.add("`" + old.substring("worker.".length()) + "` is `" + r.replacement().substring("worker.apiConfig: ".length()) + "`");
            }
        }
        return "(" + String.join(", ", out) + ")";
    }
}
