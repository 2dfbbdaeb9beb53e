package dev.migrate.rewriters.python.tree;

/** Lexical token kinds, as CPython's tokenizer names them (3.12 f-string tokens included). */
public enum TokenKind {
    NAME,
    /** A hard keyword ({@code if}, {@code def}, ...). Soft keywords ({@code match}, {@code type}) stay {@link #NAME}. */
    KEYWORD,
    NUMBER,
    /** A complete non-f-string literal, prefix and quotes included. */
    STRING,
    FSTRING_START,
    FSTRING_MIDDLE,
    FSTRING_END,
    OP,
    /** End of a logical line; its text is the line break ("" at end of file without one). */
    NEWLINE,
    INDENT,
    DEDENT,
    ENDMARKER,
    /** Text the tokenizer could not make sense of (the diagnostic says why); kept verbatim. */
    ERROR
}
