package dev.migrate.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code kind:} of the YAML document each line of a file stands in, read from the whole file: a diff's hunk often
 * starts below the {@code kind:} line, and {@code kubectl get -o yaml} writes {@code data:} before it.
 */
final class YamlDocumentKinds {
    private static final Pattern SEPARATOR = Pattern.compile("^---(\\s.*)?$");
    private static final Pattern KIND = Pattern.compile("^kind\\s*:\\s*[\"']?([A-Za-z0-9]+)[\"']?\\s*(#.*)?$");

    private final String[] kinds;

    private YamlDocumentKinds(String[] kinds) {
        this.kinds = kinds;
    }

    static YamlDocumentKinds of(String text) {
        String[] lines = text.split("\n", -1);
        String[] kinds = new String[lines.length];
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || SEPARATOR.matcher(lines[i].stripTrailing()).matches()) {
                String kind = null;
                for (int j = start; j < i && kind == null; j++) {
                    Matcher m = KIND.matcher(lines[j].stripTrailing());
                    kind = m.matches() ? m.group(1) : null;
                }
                for (int j = start; j < i; j++) {
                    kinds[j] = kind;
                }
                start = i + 1;
            }
        }
        return new YamlDocumentKinds(kinds);
    }

    /** The kind of the document holding line {@code number} (1-based), or null when it has none or no such line. */
    String at(int number) {
        return number >= 1 && number <= kinds.length ? kinds[number - 1] : null;
    }
}
