package dev.migrate.rewriters.python;

/**
 * A syntax problem at a 1-based line and column (columns count characters, tabs as one).
 *
 * @param expected what the grammar wanted there, or empty
 * @param found    the text found there, or empty
 */
public record Diagnostic(int line, int column, String message, String expected, String found) {
    /** {@code file:line:col: message}. */
    public String format(String file) {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
