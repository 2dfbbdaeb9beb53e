package dev.migrate.recipes.prefectcli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.recipes.internal.CommandJobVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --override command=...} of a 2.x {@code prefect deployment build}, once mapped to
 * {@code --job-variable command=...}. Prefect 3's {@code command} job variable is one string that the worker splits
 * with POSIX shell rules ({@link CommandJobVariable}). 2.x kept an override's value as text (2.20.25
 * {@code prefect/cli/deployment.py}: {@code key, value = override.split("=", 1)}), and what ran it read the text the
 * same way: the block worker split it with {@code shlex.split}, a 2.x typed worker's {@code command} variable was a
 * string already, and an agent refused a string for the block's list of words. So a plain value is right as it is
 * and stays as written. Two forms only looked right:
 * <ul>
 * <li>a JSON list of words ({@code command=["python", "flows/etl.py"]}), which the worker split into
 * {@code [python,} and {@code flows/etl.py]}: its words are joined as {@code shlex.join} joins them, what the list
 * meant; a list whose words cannot be read here ({@code $VAR} the shell expands, a number) is left to a person;</li>
 * <li>a path into the command ({@code command.0=python}), which 2.x could not apply (the block's command is a list,
 * with no key {@code "0"}) and no job variable can hold: dropped, for a person.</li>
 * </ul>
 */
final class CommandOverrides {
    private static final String PREFIX = CommandJobVariable.KEY + "=";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CommandOverrides() {
    }

    /**
     * Rewrites the {@code command} values among {@code flags} (the translated flags, {@code --job-variable VALUE} or
     * {@code --job-variable=VALUE}) in place; notes say what was done. Returns true when a person must finish one.
     */
    static boolean convert(List<String> flags, List<String> notes) {
        boolean manual = false;
        List<Integer> dropped = new ArrayList<>();
        for (int i = 0; i < flags.size(); i++) {
            String value = JobVariableFlags.valueAt(flags, i);
            if (value == null) {
                continue;
            }
            if (value.startsWith(CommandJobVariable.KEY + ".")) {
                notes.add("dropped the override " + value + ": a path into the command's words, which 2.x could not "
                        + "apply (the command was a list) and Prefect 3's command job variable, one string, cannot "
                        + "take; set the whole command by hand as one shell-quoted string (--job-variable "
                        + "'command=python -m ...')");
                dropped.add(i);
                manual = true;
            } else if (value.startsWith(PREFIX) && isJsonList(value.substring(PREFIX.length()))) {
                String written = value.substring(PREFIX.length());
                Optional<List<String>> words = words(written);
                if (words.isPresent()) {
                    String joined = CommandJobVariable.join(words.get());
                    JobVariableFlags.setValue(flags, i, PREFIX + joined);
                    notes.add("the override `command` " + written + " was a JSON list of words, which 2.x passed on "
                            + "as text (the worker split it at blanks, brackets and commas kept); Prefect 3's command "
                            + "job variable is one string: written as the words joined with shell quoting ("
                            + joined + ")");
                } else {
                    notes.add(CommandJobVariable.manual("the override's", written));
                    manual = true;
                }
            }
        }
        JobVariableFlags.remove(flags, dropped);
        return manual;
    }

    /**
     * Whether the value is written as a JSON list: brackets around quoted items. Any other value, one starting with
     * a bracket too, is a plain string the worker splits as 2.x did.
     */
    private static boolean isJsonList(String value) {
        String v = value.strip();
        return v.startsWith("[") && v.endsWith("]") && (v.length() == 2 || v.substring(1).stripLeading().startsWith("\""));
    }

    /**
     * The words of a JSON list of strings; empty when they cannot be read here: a shell expansion (the shell
     * expanded it before prefect read it, if it was not in single quotes), an item that is no string, no JSON.
     */
    private static Optional<List<String>> words(String json) {
        if (json.contains("$") || json.contains("`")) {
            return Optional.empty();
        }
        try {
            Object parsed = JSON.readValue(json, Object.class);
            if (parsed instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                return Optional.of(list.stream().map(String.class::cast).toList());
            }
        } catch (JsonProcessingException e) {
            // a list with a syntax error: for a person, as one with items that are no strings
        }
        return Optional.empty();
    }
}
