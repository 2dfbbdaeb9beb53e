package dev.migrate.rewriters.systemd;

import dev.migrate.rewriters.text.Lines;
import dev.migrate.rewriters.text.PhysicalLine;

/**
 * systemd's backslash continuation: a line ending in {@code \} goes on with the next line, the backslash
 * and line break become one space, and comment lines inside the continuation are skipped.
 */
final class Continuations {
    private Continuations() {
    }

    static boolean continues(String content) {
        return content.endsWith("\\");
    }

    static String join(String rawValue) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (PhysicalLine line : Lines.split(rawValue)) {
            String c = line.content();
            String stripped = c.stripLeading();
            if (!first && (stripped.startsWith("#") || stripped.startsWith(";"))) {
                continue;
            }
            first = false;
            if (!line.eol().isEmpty() && continues(c)) {
                sb.append(c, 0, c.length() - 1).append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }
}
