package dev.migrate.validators;

/** An output file cannot be compared as it is (malformed row, wrong encoding, empty file, duplicate keys...). */
public class BadInputException extends ValidatorException {
    public BadInputException(String message) {
        super(message, null);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
