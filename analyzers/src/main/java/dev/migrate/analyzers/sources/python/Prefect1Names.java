package dev.migrate.analyzers.sources.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the scan knows of Prefect 1's Python API beyond its module surface, read from the data the Prefect 1 recipes
 * convert with ({@code prefect1/*.yaml} in these resources), so scan and rewrite name the same things: the
 * {@code @task} options Prefect 3 rejects, the task library and client with their Prefect 3 replacements, the
 * context keys with their {@code prefect.runtime} form, and the state predicates Prefect 3 renamed.
 */
final class Prefect1Names {
    /** A task library entry: what to use instead, whether {@code migrate rewrite} converts it, and without --unsafe-fixes. */
    record Library(String prefix, String instead, boolean converted, boolean safe) {
    }

    private static final Prefect1Names INSTANCE = new Prefect1Names();

    /** Prefect 1 {@code @task} option -> what Prefect 3 takes instead (a keyword, or advice when there is none). */
    private final Map<String, String> taskOptions = new LinkedHashMap<>();
    private final Set<String> prefect3TaskOptions = new LinkedHashSet<>();
    private final Map<String, Library> library = new LinkedHashMap<>();
    private final Map<String, String> predicates = new LinkedHashMap<>();
    /** Signals the rewrite leaves to a person (no Prefect 3 form), with what to do instead. */
    private final Map<String, String> manualSignals = new LinkedHashMap<>();
    /** Prefect 1 context key -> the Prefect 3 expression that reads it ({@code runtime.} is {@code prefect.runtime}). */
    private final Map<String, String> contextKeys = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    private Prefect1Names() {
        Map<String, Object> args = load("task-arguments.yaml");
        ((Map<String, String>) args.get("rename")).forEach((k, v) -> taskOptions.put(k, "Prefect 3's @task takes " + v + "="));
        ((Map<String, String>) args.get("seconds")).forEach((k, v) -> taskOptions.put(k, "Prefect 3's @task takes " + v
                + "= (in seconds)"));
        ((List<String>) args.get("remove")).forEach(k -> taskOptions.put(k, "Prefect 3's @task has no " + k + ": drop it"));
        ((Map<String, String>) args.get("manual")).forEach(taskOptions::putIfAbsent);
        ((List<String>) args.get("converted_elsewhere")).forEach(k -> taskOptions.put(k, "Prefect 3's @task has no " + k
                + (k.startsWith("cache") ? ": use cache_key_fn= and cache_expiration=" : ": use state hooks (on_failure=[...], on_completion=[...])")));
        contextKeys.putAll(load("context.yaml"));
        prefect3TaskOptions.addAll((List<String>) args.get("prefect3_options"));
        Map<String, Map<String, Object>> lib = load("task-library.yaml");
        lib.forEach((k, v) -> library.put(k, new Library(k, (String) v.get("instead"),
                Boolean.TRUE.equals(v.get("converted")), Boolean.TRUE.equals(v.get("safe")))));
        Map<String, Object> signals = load("signals.yaml");
        predicates.putAll((Map<String, String>) signals.get("predicates"));
        manualSignals.putAll((Map<String, String>) signals.get("manual"));
    }

    static Prefect1Names get() {
        return INSTANCE;
    }

    /** What Prefect 3's {@code @task} does instead of a Prefect 1 option it rejects, when {@code keyword} is one. */
    Optional<String> taskOption(String keyword) {
        return prefect3TaskOptions.contains(keyword) ? Optional.empty() : Optional.ofNullable(taskOptions.get(keyword));
    }

    /** The task library or client entry a qualified name falls under (longest prefix at a dot). */
    Optional<Library> library(String qualified) {
        for (String q = qualified; !q.isEmpty(); q = q.contains(".") ? q.substring(0, q.lastIndexOf('.')) : "") {
            Library l = library.get(q);
            if (l != null) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * What a person does instead of a Prefect 1 signal ({@code SKIP}) that has no Prefect 3 form, so the rewrite
     * only marks it; empty for one the rewrite converts ({@code FAIL}, {@code SUCCESS}).
     */
    Optional<String> manualSignal(String signal) {
        return Optional.ofNullable(manualSignals.get(signal));
    }

    /** The Prefect 3 expression for a Prefect 1 context key ({@code today}), when it has one. */
    Optional<String> contextKey(String key) {
        return Optional.ofNullable(contextKeys.get(key));
    }

    /** Prefect 3's name for a Prefect 1 state predicate ({@code is_successful} -> {@code is_completed}). */
    Optional<String> predicate(String method) {
        return Optional.ofNullable(predicates.get(method));
    }

    @SuppressWarnings("unchecked")
    static <T> Map<String, T> load(String name) {
        try (InputStream in = Prefect1Names.class.getResourceAsStream("/dev/migrate/analyzers/prefect1/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource prefect1/" + name);
            }
            return (Map<String, T>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
