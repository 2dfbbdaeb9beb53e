package dev.migrate.analyzers.baseline;

/**
 * A baseline file that cannot be used: its message is one line, {@code FILE:line:col: what is wrong; what to do}.
 */
public final class InvalidBaselineException extends RuntimeException {
    public InvalidBaselineException(String message) {
        super(message);
    }
}
