package dev.migrate.validators;

/** The world is not as the config says: a database is unreachable, a location or file is missing. */
public final class EnvironmentException extends ValidatorException {
    public EnvironmentException(String message) {
        super(message, null);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
