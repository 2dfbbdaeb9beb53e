package dev.migrate.recipes.prefectcli;

import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.SimpleCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work pools a piece of shell text creates with a worker type ({@code prefect work-pool create "$POOL"
 * --type=process}): an agent started on such a pool later in the same script polled a typed pool, which a 3.x
 * worker of that type serves as it is, where a pool it did not create is a prefect-agent pool to recreate.
 */
public final class TypedPoolsCreated {
    private TypedPoolsCreated() {
    }

    /** Pool name (as the command gets it, quotes removed) to its type, for each typed create in {@code text}. */
    public static Map<String, String> in(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SimpleCommand cmd : ShellLine.parse(text).commands()) {
            out.putAll(by(cmd));
        }
        return out;
    }

    /** The typed pool {@code cmd} creates, as a map of one entry, or an empty map. */
    static Map<String, String> by(SimpleCommand cmd) {
        if (cmd.isEmpty()) {
            return Map.of();
        }
        List<String> argv = cmd.argv();
        List<String> args = argv.subList(PrefectCommandRewriter.commandStart(argv), argv.size());
        if (!PrefectCliTranslator.isPrefect(args) || args.size() < 4 || !args.get(1).equals("work-pool")
                || !args.get(2).equals("create")) {
            return Map.of();
        }
        String name = null;
        String type = null;
        for (int i = 3; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--type") || a.equals("-t")) && i + 1 < args.size()) {
                type = args.get(++i);
            } else if (a.startsWith("--type=")) {
                type = a.substring("--type=".length());
            } else if (a.startsWith("-")) {
                if (!a.contains("=") && i + 1 < args.size() && takesValue(a)) {
                    i++;
                }
            } else if (name == null) {
                name = a;
            }
        }
        return name != null && type != null && !type.equals("prefect-agent") ? Map.of(name, type) : Map.of();
    }

    /** The options of {@code prefect work-pool create} that take a value. */
    private static boolean takesValue(String option) {
        return option.equals("--base-job-template");
    }
}
