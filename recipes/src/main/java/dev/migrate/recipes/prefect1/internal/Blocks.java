package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import java.util.List;

/**
 * Code moved between indentation levels without restyling: the text is shifted as written (quotes, comments and
 * spacing kept) and parsed as is.
 */
public final class Blocks {
    private Blocks() {
    }

    /** Removes {@code unit} from the start of every line that has it. */
    public static String dedent(String text, String unit) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("(?<=\n)", -1)) {
            sb.append(line.startsWith(unit) ? line.substring(unit.length()) : line);
        }
        return sb.toString();
    }

    /** Parses module-level code and returns its first statement; fails loudly when the code does not parse. */
    public static Node firstStatement(String code) {
        var file = PythonParser.parse(code);
        if (file.hasSyntaxErrors()) {
            throw new IllegalStateException("generated code does not parse: " + file.diagnostics().get(0).message()
                    + " in:\n" + code);
        }
        List<Node> statements = Statements.of(file.module());
        Node first = statements.get(0);
        for (var child : file.module().children()) {
            if (child instanceof Node n && (n == first || n.nodes().contains(first))) {
                return n;
            }
        }
        return first;
    }
}
