package dev.migrate.rewriters.python.internal;

import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.Arrays;

/**
 * The tokenizer's output as parallel arrays (no object per token until the parser builds the tree).
 * Token {@code i} owns the trivia {@code [prefixStart[i], start[i])} and the text {@code [start[i], end[i])};
 * consecutive tokens tile the source exactly.
 */
final class Tokens {
    private static final TokenKind[] KINDS = TokenKind.values();

    int count;
    byte[] kind;
    int[] prefixStart;
    int[] start;
    int[] end;
    /** Interned text for NAME, KEYWORD and OP tokens; null for the rest (take it from the source). */
    String[] text;

    /** Sized for a source of this many chars (Python averages six or more chars per token; dense code four). */
    Tokens(int sourceLength) {
        int n = sourceLength / 4 + 64;
        kind = new byte[n];
        prefixStart = new int[n];
        start = new int[n];
        end = new int[n];
        text = new String[n];
    }

    void add(TokenKind k, int prefixFrom, int from, int to, String t) {
        if (count == kind.length) {
            int n = count * 2;
            kind = Arrays.copyOf(kind, n);
            prefixStart = Arrays.copyOf(prefixStart, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            text = Arrays.copyOf(text, n);
        }
        kind[count] = (byte) k.ordinal();
        prefixStart[count] = prefixFrom;
        start[count] = from;
        end[count] = to;
        text[count] = t;
        count++;
    }

    TokenKind kind(int i) {
        return KINDS[kind[i]];
    }
}
