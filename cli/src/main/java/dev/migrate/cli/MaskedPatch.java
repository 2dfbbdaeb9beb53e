package dev.migrate.cli;

import dev.migrate.analyzers.model.Redactor;

/**
 * A unified diff for the terminal with the secrets in its lines masked: the diff quotes the lines around each edit,
 * so a token in a compose service's environment or a password in a URL would otherwise be printed. Each line is
 * masked as text of its file: in Python only literal values count as secrets, so code stays as written.
 */
final class MaskedPatch {
    private MaskedPatch() {
    }

    static String of(String patch) {
        StringBuilder out = new StringBuilder(patch.length());
        boolean python = false;
        int start = 0;
        while (start < patch.length()) {
            int end = patch.indexOf('\n', start);
            end = end < 0 ? patch.length() : end + 1;
            String line = patch.substring(start, end);
            if (line.startsWith("diff --git ")) {
                python = line.stripTrailing().endsWith(".py");
                out.append(line);
            } else if (line.startsWith("+") || line.startsWith("-") || line.startsWith(" ")) {
                out.append(Redactor.redactSource(line, python));
            } else {
                out.append(line);
            }
            start = end;
        }
        return out.toString();
    }
}
