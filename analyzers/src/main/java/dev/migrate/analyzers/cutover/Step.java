package dev.migrate.analyzers.cutover;

import java.util.List;

/**
 * One checklist item: what to do, the exact commands, why it is there and what it rests on (a finding
 * with its rule doc, a recipe, a file and line, or recorded evidence).
 */
public record Step(String title, List<String> commands, String why, List<String> sources, boolean done) {
    public Step {
        commands = List.copyOf(commands);
        sources = withoutRepeats(sources);
    }

    /**
     * A place already named by another source ("[PF292](...) at compose.yml:15" names compose.yml:15, and a unit's
     * "[PF292](...) at prefect-server.service:13" names the unit as a whole, prefect-server.service) is not repeated.
     */
    private static List<String> withoutRepeats(List<String> sources) {
        return sources.stream().distinct()
                .filter(s -> sources.stream().noneMatch(other -> !other.equals(s)
                        && (other.endsWith(" at " + s) || other.matches(".* at " + java.util.regex.Pattern.quote(s) + ":\\d+"))))
                .toList();
    }

    public static Step of(String title, List<String> commands, String why, String... sources) {
        return new Step(title, commands, why, List.of(sources), false);
    }

    public Step checked(boolean isDone) {
        return new Step(title, commands, why, sources, isDone);
    }

    /** A link to a rule's documentation, as the plan shows it. */
    public static String rule(String code) {
        return "[" + code + "](docs/rules/" + code + ".md)";
    }

    /**
     * {@code word} as one shell word: as is when it holds only safe characters, else single-quoted, so a job
     * named "Backfill Attendances (manual)" or a path with spaces gives a command that runs as shown.
     */
    public static String shellWord(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public static String recipe(String simpleName) {
        return "recipe `dev.migrate.recipes.prefect2." + simpleName + "`";
    }
}
