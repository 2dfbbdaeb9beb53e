package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.python.PyLiterals;
import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a Prefect 1 task's {@code cache_for} and {@code cache_validator} become, written out for a person when the
 * recipe leaves them (from {@code prefect1-cache-validators.yaml}): Prefect 3 has no validators, only a cache key
 * function or policy next to {@code cache_expiration}.
 */
public final class CacheValidators {
    private static final String MODULE = "prefect.engine.cache_validators.";
    private static final String DEFAULT = "duration_only";

    private record Form(String why, String fix, String prefect3, List<String> prefect3Imports, String prefect2,
                        List<String> prefect2Imports, String prefect2Fix) {
    }

    /**
     * What a task sets instead of its validator.
     *
     * @param option  the keyword argument to add ({@code cache_policy=INPUTS}), "" for none at all
     * @param imports what it needs, as {@code module.name}
     * @param safety  {@code safe}, {@code unsafe} or {@code manual}: how the recipe may write it
     * @param why     what the Prefect 1 validator did
     */
    public record Fix(String option, List<String> imports, String safety, String why) {
    }

    private static final Map<String, Form> FORMS = load();

    private CacheValidators() {
    }

    /** The fix of the task's {@code cache_validator} (Prefect 1's default when none); empty for one this table lacks. */
    public static Optional<Fix> fix(CallView call, String taskName, Imports imports, boolean prefect2) {
        Node value = call.keyword("cache_validator").map(v -> Expressions.unwrap(v.value())).orElse(null);
        String name = value == null ? DEFAULT : imports.qualifiedName(value).filter(q -> q.startsWith(MODULE))
                .map(q -> q.substring(MODULE.length())).orElse("");
        Form form = FORMS.get(name);
        String keys = value != null && value.kind() == NodeKind.CALL ? validateOn(new CallView(value)) : null;
        if (form == null || name.startsWith("partial_") && keys == null) {
            return Optional.empty();
        }
        String k = keys == null ? "" : keys;
        String option = (prefect2 ? form.prefect2() : form.prefect3()).replace("{task}", PyValues.quoted(taskName))
                .replace("{keys}", k);
        String safety = prefect2 && form.prefect2Fix() != null ? form.prefect2Fix() : form.fix();
        return Optional.of(new Fix(option, prefect2 ? form.prefect2Imports() : form.prefect3Imports(), safety,
                form.why().replace("{keys}", k)));
    }

    /**
     * "write `cache_expiration=..., cache_key_fn=...` (from m import n) instead: why", or, for a validator this
     * table does not know, what the key function must do.
     */
    public static String instead(CallView call, String taskName, Imports imports, boolean prefect2) {
        String expiration = call.keyword("cache_for").map(a -> "cache_expiration=" + a.value().print().strip()).orElse(null);
        Optional<Fix> fix = fix(call, taskName, imports, prefect2);
        if (fix.isEmpty()) {
            return "Prefect " + (prefect2 ? 2 : 3) + " has no cache validators: write "
                    + (expiration != null ? "`" + expiration + "` and " : "") + "a cache_key_fn=fn(context, parameters) "
                    + "returning equal keys exactly when `" + call.keyword("cache_validator")
                    .map(v -> v.value().print().strip()).orElse("") + "` accepted the cached result";
        }
        if (fix.get().option().isEmpty()) {
            return "delete cache_for and cache_validator: Prefect " + (prefect2 ? 2 : 3) + " caches only tasks that set "
                    + "cache_key_fn (" + fix.get().why() + ")";
        }
        List<String> options = new ArrayList<>();
        if (expiration != null) {
            options.add(expiration);
        }
        options.add(fix.get().option());
        List<String> from = new ArrayList<>();
        for (String qualified : fix.get().imports()) {
            from.add("from " + module(qualified) + " import " + simpleName(qualified));
        }
        return "write `" + String.join(", ", options) + "` instead" + (from.isEmpty() ? "" : " (" + String.join("; ", from)
                + ")") + ": " + fix.get().why() + persistenceOff(call, prefect2).map(p -> "; and " + p).orElse("");
    }

    /** {@code prefect.cache_policies} of {@code prefect.cache_policies.INPUTS}. */
    public static String module(String qualified) {
        return qualified.substring(0, qualified.lastIndexOf('.'));
    }

    /** {@code INPUTS} of {@code prefect.cache_policies.INPUTS}. */
    public static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    /**
     * What to do when the task keeps {@code persist_result=False} (was {@code checkpoint=False}): Prefect 3 ignores
     * the cache of a task whose results it does not persist. Empty when the task does not say so.
     */
    public static Optional<String> persistenceOff(CallView call, boolean prefect2) {
        boolean off = false;
        for (String k : List.of("checkpoint", "persist_result")) {
            off |= call.keyword(k).filter(a -> a.value().print().strip().equals("False")).isPresent();
        }
        return off && !prefect2 ? Optional.of("drop persist_result=False (was checkpoint=False): Prefect 3 caches "
                + "only results it persists") : Optional.empty();
    }

    /** The literal validate_on list of {@code partial_*_only(...)}, as Python text; null when it is not a literal. */
    private static String validateOn(CallView call) {
        Optional<Argument> keys = call.keyword("validate_on").or(() -> call.positional(0));
        return keys.filter(k -> PyLiterals.value(k.value()).filter(v -> v instanceof List<?>).isPresent())
                .map(k -> k.value().print().strip()).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Form> load() {
        try (InputStream in = CacheValidators.class.getResourceAsStream("/dev/migrate/recipes/prefect1-cache-validators.yaml")) {
            Map<String, Map<String, Object>> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Form> out = new LinkedHashMap<>();
            root.forEach((name, f) -> out.put(name, new Form((String) f.get("why"), (String) f.get("fix"),
                    (String) f.get("prefect3"), (List<String>) f.getOrDefault("prefect3_imports", List.of()),
                    (String) f.get("prefect2"), (List<String>) f.getOrDefault("prefect2_imports", List.of()),
                    (String) f.get("prefect2_fix"))));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
