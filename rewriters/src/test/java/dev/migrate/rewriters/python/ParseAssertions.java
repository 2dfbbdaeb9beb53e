package dev.migrate.rewriters.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Shared checks for parser tests. */
final class ParseAssertions {
    private ParseAssertions() {
    }

    /** Parses, checks the exact round trip and that no internal failure was papered over. */
    static PythonFile parse(String source) {
        PythonFile f = PythonParser.parse(Path.of("t.py"), source);
        assertThat(f.text()).isEqualTo(source);
        assertNoInternalFailure(f);
        return f;
    }

    static PythonFile parseBytes(byte[] bytes) {
        PythonFile f = PythonParser.parse(Path.of("t.py"), bytes);
        assertThat(Arrays.equals(f.toBytes(), bytes)).as("byte round trip").isTrue();
        assertNoInternalFailure(f);
        return f;
    }

    static void assertNoInternalFailure(PythonFile f) {
        assertThat(f.diagnostics()).noneMatch(d -> d.message().startsWith("could not parse this file"));
    }

    /** Parses valid code: round trip and no diagnostics. */
    static PythonFile valid(String source) {
        PythonFile f = parse(source);
        assertThat(f.diagnostics()).as("diagnostics for valid code").isEmpty();
        return f;
    }

    static List<String> texts(PythonFile f, NodeKind kind) {
        return Nodes.find(f.module(), kind).stream().map(Node::text).toList();
    }
}
