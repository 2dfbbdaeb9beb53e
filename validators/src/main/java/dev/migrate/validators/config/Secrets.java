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

    /** What may stand before a URL's path: a host name, an IPv4 or bracketed IPv6 address, and a port. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._~-]+(:\\d*)?|\\[[0-9A-Fa-f:.]+](:\\d*)?");

    private Secrets() {
    }

    /**
     * The user info in {@code authority} (what lies between {@code //} and the last {@code @} before the query), or
     * null when that {@code @} is in the path: {@code //host/db@prod} names a database, not a user. A password may
     * hold a {@code /} written as is ({@code //etl:pa/ss@db/etl}), so an {@code @} after the first {@code /} is
     * still user info unless what precedes that {@code /} is a host (and port) and what follows the {@code @} is no
     * host with a path. An empty authority ({@code jdbc:sqlite:///tmp/a@b/x.db}) has no user info.
     */
    private static String userInfo(String authority, String rest) {
        int slash = authority.indexOf('/');
        if (slash < 0) {
            return authority;
        }
        String first = authority.substring(0, slash);
        int at = first.lastIndexOf('@');
        if (at >= 0) {
            return first.substring(0, at); // user info, then a host, then a path holding an '@'
        }
        if (first.isEmpty()) {
            return null;
        }
        String afterAt = rest.split("[?#\\s\"'<>]", 2)[0];
        return HOST.matcher(first).matches() && !afterAt.contains("/") ? null : authority;
    }

    public static String redactUrl(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = USERINFO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String userInfo = userInfo(m.group(1), text.substring(m.end()));
            String replaced = userInfo == null ? m.group() : userInfo.equals(m.group(1)) ? "//***@"
                    : "//***@" + m.group(1).substring(userInfo.length() + 1) + "@";
            m.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        m.appendTail(out);
        String redacted = ORACLE.matcher(out.toString()).replaceAll("$1***@");
        return SECRET_PARAMS.matcher(redacted).replaceAll("$1***");
    }
}
