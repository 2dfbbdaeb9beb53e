package dev.migrate.recipes.prefectcli;

import java.util.List;

/**
 * The {@code --job-variable} flags of a translated {@code prefect deploy} line, as its list of words: the flag and
 * its value as two words, or one {@code --job-variable=VALUE} word. Shared by the conversions that read, replace
 * or drop job variables after the translation.
 */
final class JobVariableFlags {
    static final String FLAG = "--job-variable";

    private JobVariableFlags() {
    }

    /** The value of a {@code --job-variable} flag at index {@code i}, else null. */
    static String valueAt(List<String> flags, int i) {
        String f = flags.get(i);
        if (f.equals(FLAG) && i + 1 < flags.size()) {
            return flags.get(i + 1);
        }
        return f.startsWith(FLAG + "=") ? f.substring(FLAG.length() + 1) : null;
    }

    /** Replaces the value of the flag at index {@code i}, in the form it was written. */
    static void setValue(List<String> flags, int i, String value) {
        if (flags.get(i).equals(FLAG)) {
            flags.set(i + 1, value);
        } else {
            flags.set(i, FLAG + "=" + value);
        }
    }

    /** Removes the flags at {@code indexes} (ascending), each with its value word when written apart. */
    static void remove(List<String> flags, List<Integer> indexes) {
        for (int k = indexes.size() - 1; k >= 0; k--) {
            int i = indexes.get(k);
            if (flags.remove(i).equals(FLAG)) {
                flags.remove(i); // its value
            }
        }
    }
}
