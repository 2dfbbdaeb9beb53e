package dev.migrate.rewriters.python;

/**
 * The conventions a file already follows, so generated code can match them.
 *
 * @param indent  one indentation level, e.g. four spaces or a tab
 * @param newline the line break used by the file ("\n", "\r\n" or "\r")
 * @param quote   the quote character most string literals use
 */
public record PythonStyle(String indent, String newline, char quote) {
    public static final PythonStyle DEFAULT = new PythonStyle("    ", "\n", '"');
}
