package dev.migrate.rewriters.python.tree;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Node#encloses}: by identity, at any depth, never the node itself. */
class NodeEnclosesTest {
    private static Node name(String text) {
        return Node.of(NodeKind.NAME, new Token(TokenKind.NAME, Space.EMPTY, text));
    }

    @Test
    void findsANodeAtAnyDepthByIdentity() {
        Node deep = name("x");
        Node call = Node.of(NodeKind.CALL, name("f"), deep);
        Node statement = Node.of(NodeKind.EXPR_STMT, call);
        assertThat(statement.encloses(call)).isTrue();
        assertThat(statement.encloses(deep)).isTrue();
        assertThat(call.encloses(statement)).isFalse();
        assertThat(statement.encloses(statement)).isFalse();
        // an equal-looking node elsewhere is another node
        assertThat(statement.encloses(name("x"))).isFalse();
    }
}
