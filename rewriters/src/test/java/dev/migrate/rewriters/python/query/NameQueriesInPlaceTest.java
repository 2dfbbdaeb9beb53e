package dev.migrate.rewriters.python.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.Token;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The name queries read children in place and answer an expression whose leftmost name no import binds before
 * listing its parts. On every node of the samples' Python files they must answer as the list-making readings they
 * replaced (written out here) did.
 */
class NameQueriesInPlaceTest {
    @Test
    void everyNodeOfTheSamplesAnswersAsTheListReadings() throws IOException {
        Path samples = Path.of(System.getProperty("migrate.repo.root", "..")).resolve("samples");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(samples)) {
            files = walk.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        assertThat(files).as("Python files under samples/").hasSizeGreaterThan(10);
        int qualified = 0;
        int checked = 0;
        for (Path file : files) {
            PythonFile parsed = PythonParser.parse(file);
            if (parsed.hasSyntaxErrors()) {
                continue;
            }
            Imports imports = Imports.of(parsed.module());
            for (Node n : Nodes.descendants(parsed.module())) {
                assertThat(Expressions.unwrap(n)).isSameAs(unwrapByLists(n));
                assertThat(Expressions.dottedParts(n)).as("%s in %s", n, file).isEqualTo(dottedPartsByLists(n));
                if (n.kind() == NodeKind.NAME) {
                    assertThat(Expressions.name(n)).isEqualTo(n.tokens().get(0).text());
                }
                Optional<String> q = imports.qualifiedName(n);
                assertThat(q).as("%s in %s", n, file).isEqualTo(qualifiedNameByLists(imports, n));
                qualified += q.isPresent() ? 1 : 0;
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5_000);
        assertThat(qualified).as("nodes with a qualified name").isGreaterThan(500);
    }

    private static Node unwrapByLists(Node e) {
        Node n = e;
        while (n.kind() == NodeKind.PAREN && n.nodes().size() == 1) {
            n = n.nodes().get(0);
        }
        return n;
    }

    private static Optional<List<String>> dottedPartsByLists(Node expr) {
        List<String> parts = new ArrayList<>();
        Node n = unwrapByLists(expr);
        while (n.kind() == NodeKind.ATTRIBUTE) {
            List<Token> tokens = n.tokens();
            Token last = tokens.get(tokens.size() - 1);
            if (last.kind() != dev.migrate.rewriters.python.tree.TokenKind.NAME) {
                return Optional.empty();
            }
            parts.add(last.text());
            n = unwrapByLists(n.nodes().get(0));
        }
        if (n.kind() != NodeKind.NAME) {
            return Optional.empty();
        }
        parts.add(n.tokens().get(0).text());
        Collections.reverse(parts);
        return Optional.of(parts);
    }

    private static Optional<String> qualifiedNameByLists(Imports imports, Node expr) {
        Node e = unwrapByLists(expr);
        if (e.kind() == NodeKind.CALL || e.kind() == NodeKind.DECORATOR) {
            List<Node> nodes = e.nodes();
            Node callee = e.kind() == NodeKind.CALL ? nodes.get(0) : nodes.isEmpty() ? null : nodes.get(0);
            return callee == null ? Optional.empty() : qualifiedNameByLists(imports, callee);
        }
        Optional<List<String>> parts = dottedPartsByLists(e);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        List<String> p = parts.get();
        Optional<ImportBinding> b = imports.binding(p.get(0));
        if (b.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(b.get().qualifiedName());
        for (int i = 1; i < p.size(); i++) {
            sb.append('.').append(p.get(i));
        }
        return Optional.of(sb.toString());
    }
}
