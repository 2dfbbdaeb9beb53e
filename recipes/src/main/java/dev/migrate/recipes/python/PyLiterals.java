package dev.migrate.recipes.python;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Python literal containers (dict, list, tuple of strings, numbers, booleans, None) as Java values for YAML. */
public final class PyLiterals {
    private PyLiterals() {
    }

    public static Optional<Object> value(Node expr) {
        Node e = Expressions.unwrap(expr);
        switch (e.kind()) {
            case STRING:
                return PyValues.string(e).map(s -> (Object) s);
            case CONSTANT: {
                String t = e.print().strip();
                if (t.equals("True") || t.equals("False")) {
                    return Optional.of(t.equals("True"));
                }
                if (t.equals("None")) {
                    return Optional.empty();
                }
                return PyValues.number(e).map(n -> n.scale() <= 0 ? (Object) n.longValueExact() : n.doubleValue());
            }
            case LIST:
            case TUPLE: {
                List<Object> out = new ArrayList<>();
                for (Node item : e.nodes()) {
                    Optional<Object> v = value(item);
                    if (v.isEmpty()) {
                        return Optional.empty();
                    }
                    out.add(v.get());
                }
                return Optional.of(out);
            }
            case DICT: {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Node entry : e.nodes()) {
                    if (entry.kind() != NodeKind.DICT_ENTRY || entry.nodes().size() != 2) {
                        return Optional.empty();
                    }
                    Optional<String> key = PyValues.string(entry.nodes().get(0));
                    Optional<Object> v = value(entry.nodes().get(1));
                    if (key.isEmpty() || v.isEmpty()) {
                        return Optional.empty();
                    }
                    out.put(key.get(), v.get());
                }
                return Optional.of(out);
            }
            default:
                return Optional.empty();
        }
    }
}
