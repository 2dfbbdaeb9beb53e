package dev.migrate.rewriters.crontab;

/**
 * cron's {@code %} rule: the first unescaped {@code %} ends the command and starts standard input, later
 * unescaped ones become newlines, and {@code \%} stands for a literal percent sign in both parts.
 */
public record PercentSplit(String command, String stdin) {
    public static PercentSplit of(String raw) {
        StringBuilder cmd = new StringBuilder();
        StringBuilder in = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            StringBuilder target = in == null ? cmd : in;
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == '%') {
                target.append('%');
                i++;
            } else if (c == '%') {
                if (in == null) {
                    in = new StringBuilder();
                } else {
                    in.append('\n');
                }
            } else {
                target.append(c);
            }
        }
        return new PercentSplit(cmd.toString(), in == null ? null : in.toString());
    }
}
