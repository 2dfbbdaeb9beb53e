package dev.migrate.validators;

/**
 * Base of every failure the validators report to a user. The message is one line that says what is
 * wrong, where, and what to do next; the CLI maps each subtype to an exit code.
 */
public abstract class ValidatorException extends RuntimeException {
    protected ValidatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
