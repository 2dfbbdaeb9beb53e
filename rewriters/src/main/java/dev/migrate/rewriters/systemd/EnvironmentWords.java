package dev.migrate.rewriters.systemd;

import dev.migrate.rewriters.text.ShellWords;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an {@code Environment=} value the way systemd does: shell-like words, each {@code NAME=value}.
 */
public final class EnvironmentWords {
    private EnvironmentWords() {
    }

    public static Map<String, String> parse(String value) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String word : ShellWords.split(value)) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                env.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return env;
    }
}
