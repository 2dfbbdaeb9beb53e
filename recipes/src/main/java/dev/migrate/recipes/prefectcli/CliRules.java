package dev.migrate.recipes.prefectcli;

import dev.migrate.analyzers.sources.config.PrefectCliTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command-line tables, loaded from {@code prefect-cli-2-to-3.yaml} and {@code prefect-cli-1-to-3.yaml}, which
 * the scan reads too ({@link PrefectCliTables}, in the analyzers module) (Prefect 1 paths such as {@code agent local start} are longer than, or distinct from, the 2.x ones).
 */
final class CliRules {
    record FlagRule(List<String> names, String to, boolean takesValue, String drop, boolean manual) {
    }

    /**
     * @param code        the finding code of the notes this command's translation writes
     * @param unlessFlags options that make the words another release's command: the rule does not apply then */
    record CommandRule(List<String> from, List<String> to, String handler, boolean passthrough, String manual,
                       List<FlagRule> flags, String poolType, String code, List<String> unlessFlags) {
        Optional<FlagRule> flag(String name) {
            return flags.stream().filter(f -> f.names().contains(name)).findFirst();
        }
    }

    private static final List<CommandRule> RULES = load();

    private CliRules() {
    }

    /** The rule whose {@code from} path is the longest prefix of {@code args} (args exclude "prefect"). */
    static Optional<CommandRule> match(List<String> args) {
        return PrefectCliTables.match(RULES, CommandRule::from, CommandRule::unlessFlags, args);
    }

    private static List<CommandRule> load() {
        List<CommandRule> rules = new ArrayList<>();
        PrefectCliTables.FILES.forEach(file -> rules.addAll(load(file)));
        return List.copyOf(rules);
    }

    @SuppressWarnings("unchecked")
    private static List<CommandRule> load(String resource) {
        Map<String, Object> root = PrefectCliTables.read(resource);
        List<CommandRule> rules = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) root.get("commands")) {
            List<FlagRule> flags = new ArrayList<>();
            for (Map<String, Object> f : (List<Map<String, Object>>) c.getOrDefault("flags", List.of())) {
                flags.add(new FlagRule((List<String>) f.get("names"), (String) f.get("to"),
                        Boolean.TRUE.equals(f.get("arg")), (String) f.get("drop"), Boolean.TRUE.equals(f.get("manual"))));
            }
            rules.add(new CommandRule((List<String>) c.get("from"), (List<String>) c.get("to"),
                    (String) c.get("handler"), Boolean.TRUE.equals(c.get("passthrough")), (String) c.get("manual"),
                    flags, (String) c.get("pool_type"), (String) c.getOrDefault("code", root.get("code")),
                    List.copyOf((List<String>) c.getOrDefault("unless_flags", List.of()))));
        }
        return List.copyOf(rules);
    }
}
