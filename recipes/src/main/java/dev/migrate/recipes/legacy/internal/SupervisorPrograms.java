package dev.migrate.recipes.legacy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code [program:x]} sections of supervisor's configuration files ({@code supervisord.conf},
 * {@code /etc/supervisor/conf.d/*.conf}): supervisord keeps each program's command running, restarting it when it
 * exits. The cutover switches one off by stopping it ({@code supervisorctl stop 'x:*'}) and setting
 * {@code autostart=false} and {@code autorestart=false} in its section, so that neither a restart of supervisord nor an
 * exit of the process starts it again; the cleanup removes the section (the file, when it held nothing else).
 */
final class SupervisorPrograms {
    /**
     * @param file   the configuration file in the tree
     * @param header 0-based line of {@code [program:name]}
     * @param end    0-based line after the section (the next section's header, or the end of the file)
     */
    record Program(String file, String name, String command, String user, String directory, int header, int end) {
        String ref() {
            return file + "#" + name;
        }
    }

    private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^\\]]+)\\]\\s*$");
    private static final Pattern KEY = Pattern.compile("^([A-Za-z_]+)\\s*[=:]\\s*(.*?)\\s*$");
    private static final Pattern SWITCHES = Pattern.compile("^\\s*(autostart|autorestart)\\s*[=:].*", Pattern.DOTALL);

    private SupervisorPrograms() {
    }

    /** Whether the file can hold supervisor programs: an ini file with a program section. */
    static boolean isConfig(String path, String text) {
        return path.matches(".*\\.(conf|ini)") && text.contains("[program:");
    }

    /** The programs of one configuration file (as the user wrote it: our markers undone). */
    static List<Program> of(String path, String text) {
        List<Program> out = new ArrayList<>();
        List<String> lines = HostConfigMarkers.lines(text);
        for (int i = 0; i < lines.size(); i++) {
            Matcher s = SECTION.matcher(lines.get(i));
            if (!s.matches() || !s.group(1).startsWith("program:")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !SECTION.matcher(lines.get(end)).matches()) {
                end++;
            }
            Map<String, String> values = values(lines.subList(i + 1, end));
            if (values.get("command") != null) {
                out.add(new Program(path, s.group(1).substring("program:".length()).strip(), values.get("command"),
                        values.get("user"), values.get("directory"), i, end));
            }
        }
        return out;
    }

    /** The section's keys, a value continued on the indented lines below it (ConfigParser's continuation lines). */
    private static Map<String, String> values(List<String> section) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        String last = null;
        for (String raw : section) {
            String line = raw.stripTrailing();
            if (line.isBlank() || line.strip().startsWith("#") || line.strip().startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && last != null) {
                out.put(last, out.get(last) + " " + line.strip());
                continue;
            }
            Matcher k = KEY.matcher(line);
            if (k.matches()) {
                last = k.group(1).toLowerCase(java.util.Locale.ROOT);
                // supervisor reads ' ;' as the start of an inline comment
                out.put(last, k.group(2).replaceAll("\\s+;.*$", ""));
            }
        }
        return out;
    }

    /** The text with the program switched off under a marker; unchanged when it already is. */
    static String disable(String text, Program p, String jobId, LocalDate asOf) {
        List<String> lines = HostConfigMarkers.lines(text);
        List<Integer> replaced = new ArrayList<>();
        for (int i = p.header() + 1; i < p.end(); i++) {
            if (SWITCHES.matcher(lines.get(i)).matches()) {
                replaced.add(i);
            }
        }
        HostConfigMarkers.disable(lines, p.header() + 1, "", List.of("autostart=false", "autorestart=false"), replaced, jobId, asOf);
        return String.join("", lines);
    }

    /** The text without the program's section. */
    static String remove(String text, Program p) {
        List<String> lines = HostConfigMarkers.lines(text);
        lines.subList(p.header(), p.end()).clear();
        return String.join("", lines);
    }

    /** Whether the text holds no section any more (only comments and blank lines): the file can go. */
    static boolean empty(String text) {
        return HostConfigMarkers.lines(text).stream().noneMatch(l -> SECTION.matcher(l).matches()
                || KEY.matcher(l.stripTrailing()).matches());
    }

    /** The {@code [group:x]} sections whose {@code programs=} names the program: removing it would break them. */
    static List<String> groupsOf(String text, Program p) {
        List<String> out = new ArrayList<>();
        List<String> lines = HostConfigMarkers.lines(text);
        for (int i = 0; i < lines.size(); i++) {
            Matcher s = SECTION.matcher(lines.get(i));
            if (!s.matches() || !s.group(1).startsWith("group:")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !SECTION.matcher(lines.get(end)).matches()) {
                end++;
            }
            String programs = values(lines.subList(i + 1, end)).getOrDefault("programs", "");
            if (java.util.Arrays.stream(programs.split("\\s*,\\s*")).anyMatch(n -> n.strip().equals(p.name()))) {
                out.add(s.group(1).substring("group:".length()));
            }
        }
        return out;
    }

    /** Where a host dump's file is on its host ({@code /etc/supervisor/conf.d/x.conf}), or null for a project's file. */
    static String hostPath(String path) {
        Matcher m = HOST.matcher(path);
        return m.matches() ? "/" + m.group(1) : null;
    }

    private static final Pattern HOST = Pattern.compile("(?:^|.*/)(etc/(?:supervisor/.+|supervisord\\.conf))$");
}
