package dev.migrate.analyzers.rules;

/** A rule code or family the user named (in --select or --ignore) does not exist. */
public class UnknownRuleException extends IllegalArgumentException {
    public UnknownRuleException(String message) {
        super(message);
    }
}
