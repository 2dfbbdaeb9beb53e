package dev.migrate.recipes.prefect1.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The keyword mapping of {@code prefect1/task-arguments.yaml} (analyzers resources, which the scan reads too). */
public record TaskArgumentRules(Map<String, String> rename, Map<String, String> seconds, List<String> remove,
                                Map<String, String> removeWhen, Map<String, String> manual, List<String> prefect3Options,
                                List<String> prefect2Options) {
    private static final TaskArgumentRules RULES = load();

    public static TaskArgumentRules get() {
        return RULES;
    }

    /** Whether the argument {@code keyword=value} can go: its value is what Prefect 3 always does. */
    public boolean removable(String keyword, String value) {
        return remove.contains(keyword) || value.equals(removeWhen.get(keyword));
    }

    /** The keywords the target's {@code @task} takes (Prefect 2.20 when {@code prefect2}, else 3.x). */
    public List<String> taskOptions(boolean prefect2) {
        return prefect2 ? prefect2Options : prefect3Options;
    }

    @SuppressWarnings("unchecked")
    private static TaskArgumentRules load() {
        try (InputStream in = TaskArgumentRules.class.getResourceAsStream("/dev/migrate/analyzers/prefect1/task-arguments.yaml")) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new TaskArgumentRules(Map.copyOf((Map<String, String>) root.get("rename")),
                    Map.copyOf((Map<String, String>) root.get("seconds")), List.copyOf((List<String>) root.get("remove")),
                    Map.copyOf((Map<String, String>) root.get("remove_when")), Map.copyOf((Map<String, String>) root.get("manual")),
                    List.copyOf((List<String>) root.get("prefect3_options")), List.copyOf((List<String>) root.get("prefect2_options")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
