package dev.migrate.validators;

import dev.migrate.validators.config.Secrets;

/** Turns a library failure into the short, credential-free phrase a one-line error message can carry. */
public final class Errors {
    private Errors() {
    }

    /** The first line of the innermost cause's message, with any credential redacted. */
    public static String cause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return Secrets.redactUrl(m.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(m));
    }
}
