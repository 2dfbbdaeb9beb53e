package dev.migrate.recipes.prefectcli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Prefect 2 to 3 command-line table, loaded from {@code prefect-cli-2-to-3.yaml}. */
final class CliRules {
    record FlagRule(List<String> names, String to, boolean takesValue, String drop) {
    }

    record CommandRule(List<String> from, List<String> to, String handler, boolean passthrough, String manual,
                       List<FlagRule> flags) {
        Optional<FlagRule> flag(String name) {
            return flags.stream().filter(f -> f.names().contains(name)).findFirst();
        }
    }

    private static final List<CommandRule> RULES = load();

    private CliRules() {
    }

    /** The rule whose {@code from} path is the longest prefix of {@code args} (args exclude "prefect"). */
    static Optional<CommandRule> match(List<String> args) {
        CommandRule best = null;
        for (CommandRule r : RULES) {
            if (args.size() >= r.from().size() && args.subList(0, r.from().size()).equals(r.from())
                    && (best == null || r.from().size() > best.from().size())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    @SuppressWarnings("unchecked")
    private static List<CommandRule> load() {
        try (InputStream in = CliRules.class.getResourceAsStream("/dev/migrate/recipes/prefect-cli-2-to-3.yaml")) {
            if (in == null) {
                throw new IllegalStateException("prefect-cli-2-to-3.yaml is missing from the classpath");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<CommandRule> rules = new ArrayList<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) root.get("commands")) {
                List<FlagRule> flags = new ArrayList<>();
                for (Map<String, Object> f : (List<Map<String, Object>>) c.getOrDefault("flags", List.of())) {
                    flags.add(new FlagRule((List<String>) f.get("names"), (String) f.get("to"),
                            Boolean.TRUE.equals(f.get("arg")), (String) f.get("drop")));
                }
                rules.add(new CommandRule((List<String>) c.get("from"), (List<String>) c.get("to"),
                        (String) c.get("handler"), Boolean.TRUE.equals(c.get("passthrough")), (String) c.get("manual"),
                        flags));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
