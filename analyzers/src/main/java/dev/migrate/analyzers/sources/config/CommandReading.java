package dev.migrate.analyzers.sources.config;

import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.ShellToken;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a command's words read variables when that is not what they seem to say, so that a finding or a note can say
 * what runs instead of resolving, or leaving unresolved, a name the command never reads:
 * <ul>
 *   <li>In a Makefile, make expands {@code $} before the shell runs, and {@code $INFRA} is make's one-letter
 *   variable {@code $(I)} followed by {@code NFRA}: the shell never sees {@code $INFRA} ({@code $$INFRA} is how a
 *   recipe line writes the shell's variable).</li>
 *   <li>{@code INFRA=x prefect ... -ib $INFRA}: the assignment in front of the command goes into the command's
 *   environment only, after the shell expanded the words, so {@code $INFRA} is what INFRA held before, and empty when
 *   nothing set it.</li>
 * </ul>
 *
 * @param make     whether the command's text is a Makefile's, which make expands before the shell
 * @param prefixed the variables that assignments in front of the command set, keyed as {@link LiteralVariables#keys}
 *                 keys them, that nothing sets before the command
 */
public record CommandReading(boolean make, Set<String> prefixed) {
    public static final CommandReading PLAIN = new CommandReading(false, Set.of());

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=.*", Pattern.DOTALL);
    /** Make's {@code $} before a name of two letters or more, neither {@code $$} nor {@code $(}/{@code ${}. */
    private static final Pattern MAKE_ONE_LETTER = Pattern.compile("(?<!\\$)(?:\\$\\$)*\\$([A-Za-z_])([A-Za-z0-9_]+)");

    public CommandReading {
        prefixed = Set.copyOf(prefixed);
    }

    /**
     * How the command at {@code commandOffset} of {@code line} reads its words: {@code line} holds the command's
     * statement from its start (what stands before the command on its line), {@code assignments} the file's variables
     * ({@link LiteralVariables}), of which those in effect at {@code at} count as set before the command.
     */
    public static CommandReading at(boolean make, String line, int commandOffset,
                                    List<LiteralVariables.Assignment> assignments, int at) {
        return at(make, line, commandOffset, assignments, at, Set.of());
    }

    /**
     * As {@link #at(boolean, String, int, List, int)}, with the names {@code setAround} that what holds the text sets
     * for it (a pipeline's {@code env:} for the shell of one of its steps).
     */
    public static CommandReading at(boolean make, String line, int commandOffset,
                                    List<LiteralVariables.Assignment> assignments, int at, Set<String> setAround) {
        Set<String> prefixed = new HashSet<>();
        Set<String> setBefore = new HashSet<>(setAround);
        assignments.stream().filter(a -> a.visibleAt(at)).forEach(a -> setBefore.add(a.name()));
        for (String name : prefixNames(line.substring(0, Math.min(commandOffset, line.length())), make)) {
            String key = make ? "$" + name : name;
            if (!setBefore.contains(key)) {
                prefixed.add(key);
            }
        }
        return prefixed.isEmpty() && !make ? PLAIN : new CommandReading(make, prefixed);
    }

    /**
     * The names the assignments in front of the command set ({@code INFRA=x prefect}, {@code env INFRA=x prefect}):
     * the words of the last statement of {@code before}, when each is an assignment.
     */
    static List<String> prefixNames(String before, boolean make) {
        String text = make ? before.replaceFirst("^\\t[@+\\- \\t]*", "") : before;
        List<String> words = new ArrayList<>();
        for (ShellToken t : ShellLine.parse(text).tokens()) {
            if (t.kind() == ShellToken.Kind.OPERATOR) {
                words.clear();
            } else if (t.isWord()) {
                words.add(t.raw());
            }
        }
        // a pipeline's `run: INFRA=x prefect ...`, `- INFRA=x prefect ...`: the YAML around the command is no word of it
        while (!words.isEmpty() && (words.get(0).equals("-") || words.get(0).endsWith(":"))) {
            words.remove(0);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Matcher a = ASSIGNMENT.matcher(words.get(i));
            if (a.matches()) {
                names.add(a.group(1));
            } else if (!(i == 0 && words.get(i).equals("env"))) {
                return List.of(); // the command is an argument of another (sudo, xargs): not read here
            }
        }
        return names;
    }

    /** What to say of {@code word}, a value of the command, when it does not read what it seems to; else empty. */
    public Optional<String> note(String word) {
        if (word == null) {
            return Optional.empty();
        }
        if (make) {
            Matcher m = MAKE_ONE_LETTER.matcher(word);
            if (m.find()) {
                String ref = "$" + m.group(1) + m.group(2);
                return Optional.of("`" + ref + "` in a Makefile is make's `$(" + m.group(1) + ")` followed by `"
                        + m.group(2) + "`: the shell never sees " + ref + " (write `$" + ref + "` for the shell's "
                        + "variable, `$(" + m.group(1) + m.group(2) + ")` for make's)");
            }
        }
        List<String> keys = LiteralVariables.keys(word);
        if (keys.isEmpty() || !prefixed.contains(keys.get(keys.size() - 1))) {
            return Optional.empty();
        }
        String name = LiteralVariables.shown(word);
        String bare = keys.get(keys.size() - 1).replaceFirst("^\\$", "");
        return Optional.of("`" + name + "` is empty here: the shell expands it before the `" + bare + "=...` in front "
                + "of the command applies (that assignment is only the command's environment) and nothing sets " + bare
                + " before it, unless the environment running this line does; set it first (`" + bare
                + "=...; prefect ...`)");
    }
}
