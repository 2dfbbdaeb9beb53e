package dev.migrate.recipes.python;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Java values (maps, lists, strings, numbers, booleans) written as Python literals. */
public final class PyLiteralText {
    private PyLiteralText() {
    }

    public static String of(Object value) {
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> of(e.getKey()) + ": " + of(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> l) {
            return l.stream().map(PyLiteralText::of).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof String s) {
            return PyValues.quoted(s);
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return value == null ? "None" : String.valueOf(value);
    }
}
