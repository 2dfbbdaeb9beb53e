package dev.migrate.recipes.prefect1.internal;

import dev.migrate.analyzers.model.Redactor;
import dev.migrate.recipes.PrefectRenames;
import dev.migrate.recipes.python.PyLiterals;
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
 * Prefect 1 run configs as a Prefect 3 work pool type and job variables, from {@code prefect1-run-configs.yaml}:
 * for each run config class, the pool type, the keyword arguments that are job variables (under their Prefect 3
 * names) and the ones that need a person. Labels name the work pool.
 */
public final class RunConfigs {
    /** The work pool a deployment targets. */
    public record WorkPool(String name, String type, Map<String, Object> jobVariables, List<String> problems,
                           List<String> decisions) {
        public Map<String, Object> toYaml() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            if (!jobVariables.isEmpty()) {
                m.put("job_variables", jobVariables);
            }
            return m;
        }
    }

    private record Rule(String poolType, Map<String, String> variables, Map<String, String> manual) {
    }

    private static final Map<String, Rule> RULES = load();
    private static final Map<String, String> ENV_RENAMES = envRenames();

    private RunConfigs() {
    }

    /** The work pool of a run config; {@code inImage}: the flow's storage is an image, which needs a docker pool. */
    public static WorkPool read(Node expr, Imports imports, boolean inImage) {
        return read(expr, AsWritten.same(expr), imports, inImage);
    }

    /** @param written how the notes quote parts of {@code expr}, which may be a copy with constants inlined */
    public static WorkPool read(Node expr, AsWritten written, Imports imports, boolean inImage) {
        List<String> problems = new ArrayList<>();
        List<String> decisions = new ArrayList<>();
        Node e = Expressions.unwrap(expr);
        String qualified = e.kind() == NodeKind.CALL ? imports.qualifiedName(e).orElse("") : "";
        Rule rule = RULES.get(qualified.substring(qualified.lastIndexOf('.') + 1));
        if (rule == null || !qualified.startsWith("prefect.")) {
            problems.add("run config `" + written.text(e) + "` is not a literal Prefect 1 run config; choose the work "
                    + "pool and job variables by hand");
            return new WorkPool("default", inImage ? "docker" : "process", Map.of(), problems, decisions);
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        List<String> labels = List.of();
        for (Argument a : new CallView(e).arguments()) {
            String k = a.keyword();
            if (k == null) {
                problems.add("positional run config argument `" + written.text(a.node()) + "`; set it by hand");
                continue;
            }
            if (k.equals("labels")) {
                Optional<List<String>> read = PyLiterals.value(a.value()).filter(v -> v instanceof List<?>)
                        .map(v -> ((List<?>) v).stream().map(String::valueOf).toList());
                if (read.isEmpty()) {
                    problems.add("labels= `" + written.text(a.value()) + "` is not a literal list: the work pool is "
                            + "not named after them; rename it after the agent's labels by hand");
                }
                labels = read.orElse(List.of());
                continue;
            }
            String variable = rule.variables().get(k);
            Optional<Object> value = PyLiterals.value(a.value());
            if (variable != null && value.isPresent()) {
                variables.put(variable, k.equals("env") ? renameEnv(value.get(), decisions) : value.get());
                if (k.equals("env") && value.get() instanceof Map<?, ?> env) {
                    env.forEach((name, v) -> {
                        // the note names the variable, never its value
                        if (Redactor.isSecretName(String.valueOf(name)) && v instanceof String text && !text.isEmpty()) {
                            problems.add("env " + name + " holds a secret written in the code, and prefect.yaml now "
                                    + "holds it too: store it in a Secret block and write '{{ prefect.blocks.secret."
                                    + Secrets.blockName(String.valueOf(name)) + " }}' as its value");
                        }
                    });
                }
            } else if (rule.manual().containsKey(k)) {
                problems.add(k + "=: " + rule.manual().get(k));
            } else {
                problems.add(k + "= `" + written.text(a.value()) + "` has no job variable this recipe can write; "
                        + "set it on the work pool or deployment by hand");
            }
        }
        // a flow stored in an image ran on an agent that runs images: a process pool could not run it
        String type = inImage && rule.poolType().equals("process") ? "docker" : rule.poolType();
        String name = labels.isEmpty() ? "default-" + type + "-pool" : String.join("-", labels);
        String cls = qualified.substring(qualified.lastIndexOf('.') + 1);
        decisions.add("run config " + cls + " became work pool '" + name + "' of type " + type
                + (labels.isEmpty() ? "" : " (named after its labels " + labels + ")")
                + (type.equals(rule.poolType()) ? "" : " (the flow is stored in an image, so its " + cls
                + " ran on a Docker agent)")
                + "; create it with `prefect work-pool create " + name + " --type " + type + "`");
        return new WorkPool(name, type, variables, problems, decisions);
    }

    /**
     * Whether {@link #read} carries a keyword of a run config (by its class name, {@code KubernetesRun}) into the work
     * pool or its job variables; one it only reports ({@code job_template=}) is left for a person to move.
     */
    public static boolean carries(String runConfigClass, String keyword) {
        Rule rule = RULES.get(runConfigClass);
        return rule != null && ("labels".equals(keyword) || rule.variables().containsKey(keyword));
    }

    /** Prefect 1 {@code PREFECT__*} settings in an env dict get their Prefect 3 names. */
    @SuppressWarnings("unchecked")
    private static Object renameEnv(Object env, List<String> decisions) {
        if (!(env instanceof Map<?, ?> m)) {
            return env;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<String, Object>) m).forEach((k, v) -> {
            String renamed = ENV_RENAMES.get(k);
            if (renamed != null) {
                decisions.add("env " + k + " became " + renamed);
            }
            out.put(renamed != null ? renamed : k, v);
        });
        return out;
    }

    private static Map<String, String> envRenames() {
        Map<String, String> out = new LinkedHashMap<>();
        for (PrefectRenames r : PrefectRenames.ofKind("env-var")) {
            if (r.from().startsWith("1")) {
                out.put(r.old(), r.replacement());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Rule> load() {
        try (InputStream in = RunConfigs.class.getResourceAsStream("/dev/migrate/recipes/prefect1-run-configs.yaml")) {
            Map<String, Map<String, Object>> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Rule> out = new LinkedHashMap<>();
            root.forEach((cls, r) -> out.put(cls, new Rule(String.valueOf(r.get("pool_type")),
                    (Map<String, String>) r.getOrDefault("variables", Map.of()),
                    (Map<String, String>) r.getOrDefault("manual", Map.of()))));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
