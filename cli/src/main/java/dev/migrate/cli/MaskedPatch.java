package dev.migrate.cli;

import dev.migrate.analyzers.model.Redactor;

/**
 * A unified diff for the terminal with the secrets in its lines masked: the diff quotes the lines around each edit,
 * so a token in a compose service's environment or a password in a URL would otherwise be printed. Each line is
 * masked as text of its file: in Python (and prose) only literal values count as secrets, so code stays as written.
 */
final class MaskedPatch {
    /** Code and prose, where only a quoted value is a secret; config files, scripts and units also mask bare words. */
    private static final java.util.regex.Pattern LITERALS_ONLY = java.util.regex.Pattern.compile("\\.(py|md|rst|txt|json)$");

    private MaskedPatch() {
    }

    static String of(String patch) {
        StringBuilder out = new StringBuilder(patch.length());
        boolean literalsOnly = false;
        int start = 0;
        while (start < patch.length()) {
            int end = patch.indexOf('\n', start);
            end = end < 0 ? patch.length() : end + 1;
            String line = patch.substring(start, end);
            if (line.startsWith("diff --git ")) {
                literalsOnly = LITERALS_ONLY.matcher(line.stripTrailing()).find();
                out.append(line);
            } else if (line.startsWith("+") || line.startsWith("-") || line.startsWith(" ")) {
                out.append(Redactor.redactSource(line, literalsOnly));
            } else {
                out.append(line);
            }
            start = end;
        }
        return out.toString();
    }
}
