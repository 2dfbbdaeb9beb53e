package dev.migrate.recipes.prefectcli;

import org.openrewrite.yaml.tree.Yaml;

/**
 * Shell text held in one YAML scalar (a compose {@code command: >}, a CI {@code run: |}), as a shell lexer must
 * read it. The parser keeps a scalar's text as written: a block scalar's header and indentation included, and
 * the line breaks of a folded ({@code >}) or multi-line plain scalar, which YAML reads as spaces but a shell
 * would read as the ends of commands. Those breaks are handed to the shell as backslash-newline continuations
 * (blanks, like the spaces YAML makes of them) and turned back into plain breaks afterwards, so every line keeps
 * its place.
 */
public final class YamlShellScalars {
    private YamlShellScalars() {
    }

    /**
     * The shell text of {@code s}; null when its folding cannot be handed to a shell as written (a backslash
     * already ending a line, a blank or more-indented line inside a folded scalar, which keep their breaks).
     */
    public static String toShell(Yaml.Scalar s) {
        String v = s.getValue();
        if (s.getStyle() == Yaml.Scalar.Style.LITERAL || v.indexOf('\n') < 0) {
            return v;
        }
        if (v.contains("\\\n") || v.contains("\\\r\n")) {
            return null;
        }
        // a folded scalar's first line is its header (`>`, `>-`); a plain or quoted one starts with text
        int first = s.getStyle() == Yaml.Scalar.Style.FOLDED ? v.indexOf('\n') + 1 : 0;
        String[] lines = v.substring(first).split("\n", -1);
        int indent = -1;
        for (int i = s.getStyle() == Yaml.Scalar.Style.FOLDED ? 0 : 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                int n = lines[i].length() - lines[i].stripLeading().length();
                if (indent >= 0 && n != indent || n == 0) {
                    return null;
                }
                indent = n;
            }
        }
        StringBuilder out = new StringBuilder(v.substring(0, first));
        for (int i = 0; i < lines.length; i++) {
            boolean last = i == lines.length - 1 || i == lines.length - 2 && lines[i + 1].isEmpty();
            if (lines[i].isBlank() && !last) {
                return null; // a blank line inside is a kept line break
            }
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append(last ? "\n" : "\\\n");
            }
        }
        return out.toString();
    }

    /** The scalar text for shell text that {@link #toShell} made, changed or not. */
    public static String fromShell(Yaml.Scalar s, String shell) {
        return s.getStyle() == Yaml.Scalar.Style.LITERAL || s.getValue().indexOf('\n') < 0 ? shell
                : shell.replace("\\\n", "\n");
    }

    /**
     * Whether {@code text} can stand between the quotes of {@code s} as it is: a quoted scalar's text is written
     * without escaping, so a new quote of its kind (or a backslash, in double quotes) would change its meaning.
     */
    public static boolean fits(Yaml.Scalar s, String before, String text) {
        return switch (s.getStyle()) {
            case SINGLE_QUOTED -> count(text, '\'') == count(before, '\'');
            case DOUBLE_QUOTED -> count(text, '"') == count(before, '"') && count(text, '\\') == count(before, '\\');
            default -> true;
        };
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
