package dev.migrate.validators;

/** The validation config is wrong: the message names the config path, e.g. {@code jobs[2].datasets[0].key}. */
public final class ConfigException extends ValidatorException {
    public ConfigException(String message) {
        super(message, null);
    }
}
