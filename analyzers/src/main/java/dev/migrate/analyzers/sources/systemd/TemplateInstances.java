package dev.migrate.analyzers.sources.systemd;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instances of template units ({@code backup@.timer}) a host enabled: {@code systemctl enable backup@home.timer}
 * links {@code timers.target.wants/backup@home.timer} to the template, and a host dump holds that link, or a copy of the
 * template under that name. Each instance is a unit of its own, with {@code %i} (the instance) and {@code %I} (the
 * instance unescaped: {@code -} is {@code /}, {@code \x2d} a {@code -}) expanded in its settings.
 */
public final class TemplateInstances {
    /** {@code <target>.wants/<prefix>@<instance>.timer} (or .requires/.upholds, which systemd reads alike). */
    private static final Pattern ENABLED = Pattern.compile("(?:^|/)[^/]+\\.(?:wants|requires|upholds)/([^/@]+)@([^/]+)\\.timer$");
    /** {@code prefix@instance.type}: the instance is what lies between the {@code @} and the type suffix. */
    private static final Pattern INSTANCE_NAME = Pattern.compile("^([^@/]+)@([^@/]+)(\\.[a-z]+)$");

    /** One enabled instance: the link (or copy) at {@code path}, of template {@code template} ({@code backup@.timer}). */
    record Enabled(String path, String template, String instance) {
    }

    private TemplateInstances() {
    }

    /** The instance a path enables, or null when it is no template instance in a .wants directory. */
    static Enabled of(String path) {
        Matcher m = ENABLED.matcher(path);
        return m.find() ? new Enabled(path, m.group(1) + "@.timer", m.group(2)) : null;
    }

    /** {@code backup@.service} started as instance {@code home}: {@code backup@home.service}. */
    static String instanceName(String templateName, String instance) {
        int at = templateName.indexOf("@.");
        return at < 0 ? templateName : templateName.substring(0, at + 1) + instance + templateName.substring(at + 1);
    }

    /**
     * The template name of an instance's unit name ({@code backup@.service} for {@code backup@home.service}), or null.
     * The instance is what lies between the {@code @} and the type suffix, dots included ({@code db.example}).
     */
    static String templateOf(String unitName) {
        Matcher m = INSTANCE_NAME.matcher(unitName);
        return m.matches() ? m.group(1) + "@" + m.group(3) : null;
    }

    /** The instance of an instance's unit name ({@code home} of {@code backup@home.service}), or null. */
    static String instanceOf(String unitName) {
        Matcher m = INSTANCE_NAME.matcher(unitName);
        return m.matches() ? m.group(2) : null;
    }

    /**
     * The instance a timer job's service runs as, from the job's attributes: {@code nightly} for
     * {@code Unit=sync@nightly.service}; for a job read before that attribute existed (a legacy manifest), its enabled
     * template timer's instance, which its service shared. Null when the service is no instance.
     */
    public static String serviceInstance(java.util.Map<String, String> attributes) {
        String instance = attributes.get(SystemdDetector.SERVICE_INSTANCE);
        return instance != null ? instance : attributes.get(SystemdDetector.INSTANCE);
    }

    /** The text with {@code %i} and {@code %I} expanded for {@code instance}; {@code %%} and other specifiers stay. */
    public static String expand(String text, String instance) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '%' && next == 'i') {
                out.append(instance);
                i++;
            } else if (c == '%' && next == 'I') {
                out.append(unescape(instance));
                i++;
            } else if (c == '%' && next != 0) {
                out.append(c).append(next); // %% or another specifier: left for whoever expands the rest
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** systemd's unescaping of a unit name part: {@code -} is {@code /}, {@code \xNN} the byte NN. */
    public static String unescape(String escaped) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && i + 3 < escaped.length() && escaped.charAt(i + 1) == 'x'
                    && isHex(escaped.charAt(i + 2)) && isHex(escaped.charAt(i + 3))) {
                out.append((char) Integer.parseInt(escaped.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.append(c == '-' ? '/' : c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
