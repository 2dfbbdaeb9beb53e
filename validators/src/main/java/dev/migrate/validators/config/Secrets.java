package dev.migrate.validators.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes credentials from text that may reach a report, a log line or an error message. */
public final class Secrets {
    /**
     * The user info of a URL's authority: from {@code //} to the last {@code @} before its query. A password may hold
     * an {@code @} or a {@code /} written as is (a URL should escape them, a user often does not): stopping at the
     * first {@code @}, or at a {@code /}, left the rest of the password in the message. An {@code @} in the query
     * ({@code ?user=me@corp}) is no user info.
     */
    private static final Pattern USERINFO = Pattern.compile("//([^\\s?#\"'<>]*)@");
    /** Oracle's thin form puts user/password before the {@code @}, without {@code //}: jdbc:oracle:thin:scott/tiger@. */
    private static final Pattern ORACLE = Pattern.compile("(?i)(jdbc:oracle:[a-z]+:)[^@\\s\"'<>]+@");
    private static final Pattern SECRET_PARAMS =
            Pattern.compile("(?i)((?:password|passwd|pwd|secret|token|apikey|api_key|sslpassword)=)[^&;\\s]*");

    private Secrets() {
    }

    public static String redactUrl(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = USERINFO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("//***@"));
        }
        m.appendTail(out);
        String redacted = ORACLE.matcher(out.toString()).replaceAll("$1***@");
        return SECRET_PARAMS.matcher(redacted).replaceAll("$1***");
    }
}
