package dev.migrate.analyzers.sources.cron;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crontabs installed from shell scripts with a here-document: {@code crontab <<EOF}, {@code crontab - <<'EOF'},
 * {@code crontab -u etl - <<-END}. The body is returned with the line number it starts on.
 */
final class EmbeddedCrontabs {
    private static final Pattern START = Pattern.compile("\\bcrontab\\b((?:\\s+-u\\s+(\\S+))?[^<\\n]*)<<(-?)\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\4");

    record Body(String text, int firstLine, String user) {
    }

    private EmbeddedCrontabs() {
    }

    static List<Body> find(String script) {
        List<Body> out = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = START.matcher(lines[i]);
            if (!m.find() || lines[i].stripLeading().startsWith("#")) {
                continue;
            }
            boolean stripTabs = !m.group(3).isEmpty();
            String delimiter = m.group(5);
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            for (; j < lines.length; j++) {
                String line = lines[j].endsWith("\r") ? lines[j].substring(0, lines[j].length() - 1) : lines[j];
                String candidate = stripTabs ? line.replaceFirst("^\t+", "") : line;
                if (candidate.equals(delimiter)) {
                    break;
                }
                body.append(stripTabs ? candidate : lines[j]).append('\n');
            }
            out.add(new Body(body.toString(), i + 2, m.group(2)));
            i = j;
        }
        return out;
    }
}
