package dev.migrate.validators.config;

import java.util.regex.Pattern;

/** Removes credentials from text that may reach a report, a log line or an error message. */
public final class Secrets {
    private static final Pattern USERINFO = Pattern.compile("(//)[^/@\\s]+@");
    private static final Pattern SECRET_PARAMS =
            Pattern.compile("(?i)((?:password|passwd|pwd|secret|token|apikey|api_key|sslpassword)=)[^&;\\s]*");

    private Secrets() {
    }

    public static String redactUrl(String text) {
        if (text == null) {
            return null;
        }
        String out = USERINFO.matcher(text).replaceAll("$1***@");
        return SECRET_PARAMS.matcher(out).replaceAll("$1***");
    }
}
