package dev.migrate.analyzers.rules;

/** A rule resource is missing or malformed: a build defect, reported with the resource and entry. */
public class RuleLoadException extends RuntimeException {
    public RuleLoadException(String message) {
        super(message);
    }

    public RuleLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
