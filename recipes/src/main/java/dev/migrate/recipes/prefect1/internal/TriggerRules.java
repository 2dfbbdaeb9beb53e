package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Imports;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Prefect 1 triggers of {@code prefect1-triggers.yaml}, by their name in {@code prefect.triggers}. */
public record TriggerRules(List<String> defaults, List<String> allowFailure, Map<String, String> manual) {
    private static final TriggerRules RULES = load();

    public static TriggerRules get() {
        return RULES;
    }

    /** The name in {@code prefect.triggers} of the {@code trigger=} a task definition passes, else null. */
    public static String triggerOf(CallView taskCall, Imports imports) {
        String qualified = taskCall.keyword("trigger").flatMap(a -> imports.qualifiedName(a.value())).orElse(null);
        return qualified != null && qualified.startsWith("prefect.triggers.")
                ? qualified.substring("prefect.triggers.".length()) : null;
    }

    @SuppressWarnings("unchecked")
    private static TriggerRules load() {
        try (InputStream in = TriggerRules.class.getResourceAsStream("/dev/migrate/recipes/prefect1-triggers.yaml")) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new TriggerRules(List.copyOf((List<String>) root.get("default")),
                    List.copyOf((List<String>) root.get("allow_failure")),
                    Map.copyOf((Map<String, String>) root.get("manual")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
