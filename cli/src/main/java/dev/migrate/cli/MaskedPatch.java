package dev.migrate.cli;

import dev.migrate.analyzers.model.Redactor;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unified diff for the terminal with the secrets in its lines masked: the diff quotes the lines around each edit,
 * so a token in a compose service's environment or a password in a URL would otherwise be printed. Each line is
 * masked as text of its file: in Python (and prose) only literal values count as secrets, so code stays as written.
 * YAML lines are masked knowing the fields above them: a {@code key:} under {@code secretKeyRef:} names the Secret's
 * key, and a rename of it shows as {@code -key: PREFECT_API_KEY}, {@code +key: ...}, not as two masks; so does an
 * ExternalSecret's {@code secretKey:}. Those fields are read from the changed file itself when the caller gives its
 * text (the lines above each hunk, and the {@code kind:} of each document), since a hunk often starts below them;
 * every value of a Secret's {@code data} and {@code stringData} is then masked whatever its key is called.
 */
final class MaskedPatch {
    /** Code and prose, where only a quoted value is a secret; config files, scripts and units also mask bare words. */
    private static final Pattern LITERALS_ONLY = Pattern.compile("\\.(py|md|rst|txt|json)$");
    private static final Pattern YAML = Pattern.compile("\\.ya?ml$");

    /**
     * The {@code name:} of a Kubernetes or ECS env item ({@code - name: PREFECT_API_KEY}); its value stands on the
     * next line ({@code value: "..."}), where no secret-named assignment shows it is one.
     */
    private static final Pattern ENV_NAME = Pattern.compile("^\\s*(?:-\\s*)?\"?name\"?\\s*:\\s*[\"']?([A-Za-z0-9_.-]+)[\"']?\\s*,?\\s*$");
    private static final Pattern ENV_VALUE = Pattern.compile("^(\\s*\"?value\"?\\s*:\\s*)([\"']?)(.*?)\\2(\\s*,?\\s*)$");
    /** The same item on one line: {@code {"name": "API_TOKEN", "value": "..."}}. */
    private static final Pattern ENV_ITEM = Pattern.compile("(\"name\"\\s*:\\s*\"([A-Za-z0-9_.-]+)\"\\s*,\\s*\"value\"\\s*:\\s*\")([^\"]*)(\")");

    private MaskedPatch() {
    }

    /** {@code @@ -a,b +c,d @@}: where the hunk starts in the new file. */
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@");

    static String of(String patch) {
        return of(patch, Map.of());
    }

    /**
     * @param after the text of each changed file after the rewrite, by the path the diff names it with
     *              ({@code b/PATH}); a file not in it is read from its hunks alone
     */
    static String of(String patch, Map<String, String> after) {
        StringBuilder out = new StringBuilder(patch.length());
        boolean literalsOnly = false;
        boolean secretNamed = false;
        boolean yaml = false;
        YamlDiffSide oldSide = new YamlDiffSide();
        YamlDiffSide newSide = new YamlDiffSide();
        String[] afterLines = null;
        YamlDocumentKinds kinds = null;
        int newLine = 0;
        int start = 0;
        while (start < patch.length()) {
            int end = patch.indexOf('\n', start);
            end = end < 0 ? patch.length() : end + 1;
            String line = patch.substring(start, end);
            if (line.startsWith("diff --git ")) {
                literalsOnly = LITERALS_ONLY.matcher(line.stripTrailing()).find();
                yaml = YAML.matcher(line.stripTrailing()).find();
                secretNamed = false;
                oldSide.reset();
                newSide.reset();
                String text = yaml ? after.get(line.stripTrailing().replaceFirst("^diff --git a/.* b/", "")) : null;
                afterLines = text == null ? null : text.split("\n", -1);
                kinds = text == null ? null : YamlDocumentKinds.of(text);
                out.append(line);
            } else if (line.startsWith("+") || line.startsWith("-") || line.startsWith(" ")) {
                String content = line.substring(1).stripTrailing();
                String kind = kinds == null ? null : kinds.at(newLine);
                YamlDiffSide.Line read = null;
                if (yaml) {
                    YamlDiffSide.Line old = line.startsWith("+") ? null : oldSide.next(content, kind);
                    read = line.startsWith("-") ? old : newSide.next(content, kind);
                }
                String masked = yaml ? Redactor.redactSource(line, literalsOnly, read.ancestors())
                        : Redactor.redactSource(line, literalsOnly);
                if (read != null && read.secretMasked() != null) {
                    masked = line.charAt(0) + read.secretMasked() + line.substring(1 + content.length());
                }
                if (!line.startsWith("-")) {
                    newLine++;
                }
                Matcher value = ENV_VALUE.matcher(content);
                if (secretNamed && value.matches() && !value.group(3).isEmpty() && !value.group(3).startsWith("$")) {
                    masked = line.charAt(0) + value.group(1) + value.group(2) + Redactor.MASK + value.group(2)
                            + value.group(4) + line.substring(1 + content.length());
                }
                masked = ENV_ITEM.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(Redactor.isSecretName(m.group(2))
                        && !m.group(3).isEmpty() ? m.group(1) + Redactor.MASK + m.group(4) : m.group()));
                Matcher name = ENV_NAME.matcher(content);
                // a renamed item shows its name twice (- old, + new) before the value line they share
                secretNamed = name.matches() ? Redactor.isSecretName(name.group(1)) || secretNamed && line.startsWith("+")
                        : false;
                out.append(masked);
            } else {
                if (line.startsWith("@@")) {
                    oldSide.reset(); // the next hunk starts elsewhere in the file
                    newSide.reset();
                    Matcher hunk = HUNK.matcher(line);
                    newLine = hunk.find() ? Integer.parseInt(hunk.group(1)) : 0;
                    if (afterLines != null) {
                        // the lines above the hunk, as the file has them now, say which fields it starts under; the
                        // old file has the same fields there (earlier hunks only changed their keys' and values' text)
                        for (int i = 0; i < Math.min(newLine - 1, afterLines.length); i++) {
                            String above = afterLines[i].stripTrailing();
                            oldSide.next(above, kinds.at(i + 1));
                            newSide.next(above, kinds.at(i + 1));
                        }
                    }
                }
                out.append(line);
            }
            start = end;
        }
        return out.toString();
    }
}
