package dev.migrate.rewriters.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.NodeVisitor;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisitorAndPositionsTest {
    @Test
    void noOpVisitReturnsTheSameTree() {
        PythonFile f = PythonParser.parse("def f(a):\n    return g(a) + 1\n");
        List<String> calls = new ArrayList<>();
        Node out = new NodeVisitor<Void>() {
            @Override
            protected Node visitCall(Node n, Void p) {
                calls.add(n.text());
                return n;
            }
        }.visit(f.module(), null);
        assertThat(out).isSameAs(f.module());
        assertThat(calls).containsExactly("g(a)");
    }

    @Test
    void visitorRewritesNamesAndKeepsFormatting() {
        PythonFile f = PythonParser.parse("x = old (1)  # c\nold.attr\n");
        Node out = new NodeVisitor<Void>() {
            @Override
            protected Node visitName(Node n, Void p) {
                return Expressions.name(n).equals("old") ? Snippets.expression("new", f.style()).withPrefix(n.prefix()) : n;
            }
        }.visit(f.module(), null);
        assertThat(out.print()).isEqualTo("x = new (1)  # c\nnew.attr\n");
    }

    @Test
    void positionsAreLineAndColumn() {
        PythonFile f = PythonParser.parse("import os\n\nif x:\n    y = f(1,\n          2)\n");
        Node call = Nodes.find(f.module(), NodeKind.CALL).get(0);
        assertThat(f.start(call)).isEqualTo(new PythonFile.Position(4, 8));
        assertThat(f.end(call)).isEqualTo(new PythonFile.Position(5, 12));
        Node ifStmt = Nodes.find(f.module(), NodeKind.IF).get(0);
        assertThat(f.start(ifStmt)).isEqualTo(new PythonFile.Position(3, 0));
        assertThat(f.end(ifStmt)).isEqualTo(new PythonFile.Position(5, 12));
        assertThat(f.style()).isEqualTo(new PythonStyle("    ", "\n", '"'));
    }
}
