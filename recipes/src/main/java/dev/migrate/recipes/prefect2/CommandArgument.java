package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.internal.CommandJobVariable;
import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code command} given in Python to a 2.x infrastructure block or in {@code infra_overrides}, as the one string
 * the Prefect 3 job variable takes ({@link CommandJobVariable}). Only what the source spells out is joined: a list
 * or tuple of plain string literals. A name, an f-string, a starred or computed element has words nobody can read
 * here, so it is left to a person.
 */
final class CommandArgument {
    private CommandArgument() {
    }

    /** What becomes of one {@code command} value: its Python text as the job variable, or empty (a person's job). */
    record Converted(Optional<List<String>> words, Optional<String> expression) {
        boolean manual() {
            return expression.isEmpty();
        }
    }

    /**
     * The job variable's expression: a list of string literals joined into one string literal (quoted with
     * {@code quote} unless the text holds it and not the other quote), a string literal kept as written.
     */
    static Converted convert(Node value, char quote) {
        Optional<List<String>> words = words(value);
        if (words.isPresent()) {
            return new Converted(words, Optional.of(pythonString(CommandJobVariable.join(words.get()), quote)));
        }
        Node v = Expressions.unwrap(value);
        boolean string = v.kind() == NodeKind.STRING && plainString(v).isPresent();
        return new Converted(Optional.empty(), string ? Optional.of(value.text().strip()) : Optional.empty());
    }

    /** The words of a list or tuple literal whose elements are all plain string literals (none for {@code []}). */
    static Optional<List<String>> words(Node value) {
        Node v = Expressions.unwrap(value);
        if (v.kind() != NodeKind.LIST && v.kind() != NodeKind.TUPLE) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (Node element : v.nodes()) {
            Node e = Expressions.unwrap(element);
            Optional<String> word = e.kind() == NodeKind.STRING ? plainString(e) : Optional.empty();
            if (word.isEmpty()) {
                return Optional.empty();
            }
            out.add(word.get());
        }
        return Optional.of(out);
    }

    /** A str literal's value; empty for f-strings (no static value) and bytes, which are no words of a command. */
    private static Optional<String> plainString(Node string) {
        for (PyElement c : string.children()) {
            if (c instanceof Token t && StringLiterals.prefix(t.text()).contains("b")) {
                return Optional.empty();
            }
        }
        return StringLiterals.value(string);
    }

    /** {@code s} as a Python string literal: the file's quote, or the other one when only that avoids escapes. */
    static String pythonString(String s, char preferred) {
        char other = preferred == '"' ? '\'' : '"';
        return PyValues.stringLiteral(s, s.indexOf(preferred) >= 0 && s.indexOf(other) < 0 ? other : preferred);
    }
}
