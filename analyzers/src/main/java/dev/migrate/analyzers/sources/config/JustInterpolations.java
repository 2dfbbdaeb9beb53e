package dev.migrate.analyzers.sources.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A justfile's recipe line holds {@code {{ infra }}} interpolations that just replaces before the shell reads the
 * line: spaces inside the braces are just's, not the shell's, so a shell lexer would split {@code -ib {{ infra }}}
 * into three words. Written without those spaces ({@code {{infra}}}, the same to just) the interpolation is one word;
 * the rewrite puts back the spelling the user wrote.
 */
public final class JustInterpolations {
    private static final Pattern INTERPOLATION = Pattern.compile("\\{\\{(?!\\{)(.*?)}}");

    private JustInterpolations() {
    }

    /**
     * {@code text} with each interpolation written without spaces, when that is the same to just: its expression
     * holds no quoted string, where a space would count.
     */
    public static String compact(String text) {
        if (!text.contains("{{")) {
            return text;
        }
        Matcher m = INTERPOLATION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(1);
            String compacted = inner.contains("\"") || inner.contains("'") ? m.group()
                    : "{{" + inner.replaceAll("\\s+", "") + "}}";
            m.appendReplacement(out, Matcher.quoteReplacement(compacted));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether an interpolation of {@code text} keeps a space once compacted: one a shell lexer would split. */
    public static boolean keepsSpaces(String text) {
        Matcher m = INTERPOLATION.matcher(compact(text));
        while (m.find()) {
            if (m.group(1).matches(".*\\s.*")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code translated}, a translation of {@link #compact}{@code (original)}, with each compacted interpolation
     * written back as {@code original} wrote it.
     */
    public static String restore(String translated, String original) {
        Map<String, String> spelled = new LinkedHashMap<>();
        Matcher m = INTERPOLATION.matcher(original);
        while (m.find()) {
            spelled.putIfAbsent(compact(m.group()), m.group());
        }
        String out = translated;
        for (Map.Entry<String, String> e : spelled.entrySet()) {
            if (!e.getKey().equals(e.getValue())) {
                out = out.replace(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
