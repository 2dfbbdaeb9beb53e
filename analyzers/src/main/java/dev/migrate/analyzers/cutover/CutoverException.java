package dev.migrate.analyzers.cutover;

/** Bad cutover input (unknown job or gate, unreadable config): the message says what to do next. */
public final class CutoverException extends RuntimeException {
    public CutoverException(String message) {
        super(message);
    }
}
