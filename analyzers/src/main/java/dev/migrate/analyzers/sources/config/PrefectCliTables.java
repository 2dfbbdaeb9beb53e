package dev.migrate.analyzers.sources.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The tables of how Prefect 1 and 2 command lines map to Prefect 3 ({@code prefect-cli-2-to-3.yaml},
 * {@code prefect-cli-1-to-3.yaml} beside this class), read by the scan and by the recipes that rewrite the lines: one
 * copy, so that what the scan says of a command (a rewrite, or a note for a person) is what the rewrite does with it.
 * The recipes module reads the same resources through {@link #open(String)} and matches with {@link #match}.
 */
public final class PrefectCliTables {
    /** The tables, 2.x first; a Prefect 1 path is longer than, or distinct from, the 2.x ones. */
    public static final List<String> FILES = List.of("prefect-cli-2-to-3.yaml", "prefect-cli-1-to-3.yaml");

    /** The {@code from}, {@code manual} and {@code unless_flags} of one command of the tables. */
    private record Command(List<String> from, String manual, List<String> unlessFlags) {
    }

    private static final List<Command> COMMANDS = load();

    private PrefectCliTables() {
    }

    /** One table's text; the caller closes it. */
    public static InputStream open(String file) {
        InputStream in = PrefectCliTables.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException(file + " is missing from the classpath");
        }
        return in;
    }

    /** One table, parsed (plain maps and lists, as the YAML holds them). */
    public static Map<String, Object> read(String file) {
        try (InputStream in = open(file)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rule of {@code rules} for a command's words ({@code args}, without "prefect"): the one whose {@code from} path
     * is the longest prefix of them, among those none of whose {@code unlessFlags} the words give (alone or as
     * {@code --option=value}): those options make the words another release's command.
     */
    public static <T> Optional<T> match(List<T> rules, Function<T, List<String>> from,
                                        Function<T, List<String>> unlessFlags, List<String> args) {
        T best = null;
        for (T r : rules) {
            List<String> path = from.apply(r);
            if (args.size() >= path.size() && args.subList(0, path.size()).equals(path)
                    && (best == null || path.size() > from.apply(best).size()) && !hasAny(args, unlessFlags.apply(r))) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The note for a person the rewrite leaves instead of a command line ({@code manual:} of its rule), for a command's
     * words ({@code agent kubernetes install ...}, without "prefect"); empty when the tables translate it, or have no rule.
     */
    public static Optional<String> manualNote(List<String> args) {
        return match(COMMANDS, Command::from, Command::unlessFlags, args).map(Command::manual);
    }

    private static boolean hasAny(List<String> args, List<String> options) {
        return args.stream().anyMatch(a -> options.contains(a.contains("=") ? a.substring(0, a.indexOf('=')) : a));
    }

    @SuppressWarnings("unchecked")
    private static List<Command> load() {
        List<Command> out = new ArrayList<>();
        for (String file : FILES) {
            for (Map<String, Object> c : (List<Map<String, Object>>) read(file).get("commands")) {
                out.add(new Command(List.copyOf((List<String>) c.get("from")), (String) c.get("manual"),
                        List.copyOf((List<String>) c.getOrDefault("unless_flags", List.of()))));
            }
        }
        return List.copyOf(out);
    }

}
