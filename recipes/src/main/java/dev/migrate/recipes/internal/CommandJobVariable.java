package dev.migrate.recipes.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code command} job variable. Prefect 2 infrastructure blocks (Process, DockerContainer, KubernetesJob and the
 * integrations' blocks) took the command as a list of words; Prefect 3 job variables take one string
 * ({@code prefect.workers.base.BaseVariables.command: Optional[str]}, which the process, docker and kubernetes
 * workers' variables inherit), so a list left as it was is rejected by the pool's variables schema. The workers
 * split the string with POSIX shell rules ({@code prefect.utilities.processutils.command_from_string}:
 * {@code shlex.split(command, posix=True)}, and a string equal to {@code shlex.join} of its words reads the same on
 * Windows workers; the kubernetes worker and earlier 3.x runners call {@code shlex.split} too), so the words are
 * joined as {@code shlex.join} joins them and split back into the same words.
 */
public final class CommandJobVariable {
    /** The block field and the job variable. */
    public static final String KEY = "command";
    /** The characters shlex.quote leaves unquoted ({@code [^\w@%+=:,./-]} with re.ASCII finds the others). */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandJobVariable() {
    }

    /** The words as one string, each quoted as Python's {@code shlex.quote} quotes it, separated by spaces. */
    public static String join(List<String> words) {
        return words.stream().map(CommandJobVariable::quote).collect(Collectors.joining(" "));
    }

    /** One word as {@code shlex.quote} writes it: as it is when safe, else single-quoted ({@code '} as {@code '"'"'}). */
    public static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /**
     * The string job variable a loaded YAML value stands for: a string as it is, a list of strings joined; empty
     * for anything else (a list holding a number or a mapping), which a person must write as one string.
     */
    public static Optional<String> asString(Object value) {
        if (value instanceof String s) {
            return Optional.of(s);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return Optional.of(join(list.stream().map(String.class::cast).toList()));
        }
        return Optional.empty();
    }

    /**
     * What a person must do with a command the recipes cannot turn into a string: {@code whose} says where it was
     * ("the infrastructure block's"), {@code written} is the value as given.
     */
    public static String manual(String whose, String written) {
        return whose + " `command` " + written + " is a list of words, but Prefect 3's command job variable is one "
                + "string: set it by hand as a single shell-quoted string (the words joined as Python's shlex.join "
                + "joins them)";
    }
}
