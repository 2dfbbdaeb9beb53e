package dev.migrate.recipes.internal;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The {@code [section]} tables of {@code pyproject.toml} and {@code setup.cfg} that declare dependencies, and a
 * line editor limited to them: outside those tables the same text (a {@code prefect = "2.14"} in some tool's
 * settings) is not a requirement.
 */
public final class DependencySections {
    /** Poetry's {@code [tool.poetry.dependencies]} and {@code [tool.poetry.group.NAME.dependencies]}. */
    public static final Predicate<String> POETRY = s -> s.startsWith("tool.poetry") && s.endsWith("dependencies");
    /** setup.cfg's {@code install_requires} (in {@code [options]}) and {@code [options.extras_require]}. */
    public static final Predicate<String> SETUP_CFG = s -> s.equals("options") || s.equals("options.extras_require");

    private DependencySections() {
    }

    /** The lines under a matching {@code [section]} header, in order, with their line breaks. */
    public static String linesIn(String text, Predicate<String> section) {
        StringBuilder out = new StringBuilder();
        editLines(text, section, line -> {
            out.append(line);
            return line;
        });
        return out.toString();
    }

    /** Edits one line (with its line break) knowing its 1-based number. */
    public interface LineEdit {
        String apply(String line, int number);
    }

    /** Applies {@code edit} to each line (with its line break) under a {@code [section]} header that matches. */
    public static String editLines(String text, Predicate<String> section, UnaryOperator<String> edit) {
        return editLines(text, section, (line, number) -> edit.apply(line));
    }

    /** {@link #editLines(String, Predicate, UnaryOperator)}, with each line's number. */
    public static String editLines(String text, Predicate<String> section, LineEdit edit) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inside = false;
        int start = 0;
        int number = 1;
        for (; start < text.length(); number++) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            String line = text.substring(start, end);
            String stripped = line.strip();
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                inside = section.test(stripped.replaceAll("^\\[+|]+$", "").strip().replace("\"", ""));
            } else if (inside) {
                line = edit.apply(line, number);
            }
            out.append(line);
            start = end;
        }
        return out.toString();
    }
}
