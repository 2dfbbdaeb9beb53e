package dev.migrate.rewriters.shell;

/**
 * One token of a shell line. {@code start}/{@code end} are offsets into the parsed text, so the
 * original bytes of every token (quotes and escapes included) can be recovered or replaced exactly.
 *
 * @param value for words, the text after quote removal (what the program receives as argv);
 *              for other kinds, the raw text
 */
public record ShellToken(Kind kind, String raw, String value, int start, int end) {
    public enum Kind {
        /** A word: command name, argument, or assignment such as {@code FOO=bar}. */
        WORD,
        /** A control operator that ends a simple command: {@code ; & && || | |& ( ) newline}. */
        OPERATOR,
        /** A redirection operator such as {@code >}, {@code 2>>}, {@code <<}; its target is the next word. */
        REDIRECT,
        /** Blanks and escaped newlines between tokens. */
        SPACE,
        /** A {@code #} comment up to the end of the line. */
        COMMENT
    }

    public boolean isWord() {
        return kind == Kind.WORD;
    }

    /** True when the word carried any quoting or escaping, so its raw text differs from its value. */
    public boolean isQuoted() {
        return kind == Kind.WORD && !raw.equals(value);
    }
}
