package dev.migrate.rewriters.python.tree;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tokens and spaces that point into a source array behave exactly like ones made from strings. */
class SlicesTest {
    private final char[] src = "  def  f(): return 'x'\n".toCharArray();

    @Test
    void sliceTokenBehavesLikeAStringToken() {
        Token sliced = Token.slice(TokenKind.KEYWORD, Space.slice(src, 0, 2), src, 2, 5);
        Token made = new Token(TokenKind.KEYWORD, Space.of("  "), "def");
        assertThat(sliced.text()).isEqualTo("def");
        assertThat(sliced.is("def")).isTrue();
        assertThat(sliced.is("de")).isFalse();
        assertThat(sliced.length()).isEqualTo(made.length());
        assertThat(sliced.print()).isEqualTo(made.print());
        assertThat(sliced.prefix()).isEqualTo(made.prefix()).hasSameHashCodeAs(made.prefix());
        assertThat(sliced.withText("def")).isSameAs(sliced);
        assertThat(sliced.withText("class").print()).isEqualTo("  class");
        assertThat(sliced.withPrefix(Space.EMPTY).print()).isEqualTo("def");
    }

    @Test
    void stringTokenIsNotEqualToAStringLiteralText() {
        Token s = Token.slice(TokenKind.STRING, Space.SINGLE, src, 19, 22);
        assertThat(s.text()).isEqualTo("'x'");
        assertThat(s.is("'x'")).isFalse();
    }

    @Test
    void slicedSpacesGiveTheSameViews() {
        char[] text = "  # note\n    ".toCharArray();
        Space sliced = Space.slice(text, 0, text.length);
        Space made = Space.of("  # note\n    ");
        assertThat(sliced).isEqualTo(made);
        assertThat(sliced.comments()).containsExactly("# note");
        assertThat(sliced.indent()).isEqualTo("    ");
        assertThat(sliced.containsNewline()).isTrue();
        assertThat(sliced.length()).isEqualTo(made.length());
        assertThat(Space.slice(text, 0, 0)).isSameAs(Space.EMPTY);
        assertThat(Space.slice(" x".toCharArray(), 0, 1)).isSameAs(Space.SINGLE);
    }

    @Test
    void nodePrintsSlicesAndStringsTogether() {
        Node n = Node.of(NodeKind.PASS, Token.slice(TokenKind.NAME, Space.slice(src, 0, 2), src, 2, 5),
                new Token(TokenKind.OP, Space.SINGLE, "+"));
        assertThat(n.prefix().text()).isEqualTo("  ");
        assertThat(n.print()).isEqualTo("  def +");
        assertThat(new String(n.toChars())).isEqualTo("  def +");
        assertThat(n.text()).isEqualTo("def +");
    }
}
