package dev.migrate.analyzers.sources.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a pip requirements file pulls in: {@code -r base.txt} (installed too) and {@code -c constraints.txt}
 * (versions only), each named relative to the including file's directory, as pip reads them. A name that leaves
 * the repository ({@code ../../shared.txt} above the root, an absolute path), a URL or a name built from an
 * environment variable is no file of the tree and is dropped. Lines are read as pip joins them: a line ending in a
 * backslash goes on with the next one (the backslash dropped), except a comment line, so {@code -r \} over
 * {@code base.txt} includes {@code base.txt}.
 */
public final class RequirementsIncludes {
    /** {@code -r x}, {@code -rx}, {@code --requirement x}, {@code --requirement=x}, the same with {@code -c}/{@code --constraint}. */
    private static final Pattern OPTION = Pattern.compile(
            "[ \\t]*(?:(?<short>-[rc])[ \\t]*|(?<long>--requirement|--constraint)(?:[ \\t]*=[ \\t]*|[ \\t]+))"
                    + "(?<name>[^\\s#]+)");

    private RequirementsIncludes() {
    }

    /**
     * One included file.
     *
     * @param path       its path relative to the root, '/' separators
     * @param constraint whether it came with {@code -c} (constrains versions, installs nothing)
     */
    public record Include(String path, boolean constraint) {
    }

    /** Whether a file may be named by {@code -r}/{@code -c} whatever its name: a {@code .txt} or {@code .in} file. */
    public static boolean mayBeIncluded(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return p.endsWith(".txt") || p.endsWith(".in");
    }

    /** The files the requirements file at {@code path} (relative to the root) includes, in the order written. */
    public static List<Include> of(String path, String text) {
        List<Include> out = new ArrayList<>();
        if (!text.contains("-r") && !text.contains("-c")) {
            return out;
        }
        String dir = PrefectListings.directoryOf(path.replace('\\', '/'));
        for (String line : logicalLines(text)) {
            Matcher m = OPTION.matcher(line);
            if (!m.lookingAt()) {
                continue;
            }
            String opt = m.group("short") != null ? m.group("short") : m.group("long");
            String resolved = resolve(dir, m.group("name"));
            if (resolved != null) {
                out.add(new Include(resolved, opt.equals("-c") || opt.equals("--constraint")));
            }
        }
        return out;
    }

    /**
     * The lines of a requirements file as pip reads them: a line that ends in a backslash and is no comment line
     * ({@code #} first, after blanks) is joined to the next with the backslashes at its ends dropped and nothing put
     * between, as pip's {@code join_lines} does; a comment line ends a continuation.
     */
    static List<String> logicalLines(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder joined = null;
        for (String line : text.split("\\r?\\n|\\r", -1)) {
            boolean comment = line.stripLeading().startsWith("#");
            if (!line.endsWith("\\") || comment) {
                out.add(joined == null ? line : joined.append(comment ? "" : line).toString());
                joined = null;
            } else {
                if (joined == null) {
                    joined = new StringBuilder();
                }
                joined.append(stripBackslashes(line));
            }
        }
        if (joined != null) {
            out.add(joined.toString());
        }
        return out;
    }

    /**
     * Where the logical line holding {@code offset} ends, as pip joins lines ({@link #logicalLines}): the offset of the
     * line break after its last physical line ({@code \r\n} or {@code \n}), or the text's length. A requirement added
     * after a line of {@code text} must go there, or it would become part of a requirement continued with a backslash.
     */
    public static int endOfLogicalLine(String text, int offset) {
        int end = offset;
        while (true) {
            int lineStart = text.lastIndexOf('\n', end - 1) + 1;
            int newline = text.indexOf('\n', end);
            int lineEnd = newline < 0 ? text.length() : newline > 0 && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            String line = text.substring(lineStart, lineEnd);
            if (newline < 0 || !line.endsWith("\\") || line.stripLeading().startsWith("#")) {
                return lineEnd;
            }
            end = newline + 1;
        }
    }

    private static String stripBackslashes(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && line.charAt(start) == '\\') {
            start++;
        }
        while (end > start && line.charAt(end - 1) == '\\') {
            end--;
        }
        return line.substring(start, end);
    }

    /** {@code name} read from directory {@code dir}, normalised; null when it is not a file of the tree. */
    public static String resolve(String dir, String name) {
        String n = name.replace('\\', '/');
        if (n.isEmpty() || n.startsWith("/") || n.startsWith("~") || n.contains("$") || n.contains("://")
                || n.matches("^[A-Za-z]:/.*")) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String p : (dir.isEmpty() ? n : dir + "/" + n).split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null; // above the root: not a file this run can see or edit
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    /**
     * The files reachable from {@code starts} through {@code edges} (each file's includes), the starts excluded
     * unless a cycle leads back to them; a cycle ({@code a.txt} includes {@code b.txt}, which includes {@code a.txt})
     * is walked once. Without {@code constraints}, only the files pip installs from: those some reached file (or a
     * start) names with {@code -r}. pip decides that by the option of the line alone, so a {@code -r base.txt} inside
     * a constraints file installs {@code base.txt}, while a file named only with {@code -c} constrains versions.
     */
    public static Set<String> reachable(Collection<String> starts, Map<String, List<Include>> edges, boolean constraints) {
        Set<String> seen = new TreeSet<>();
        Set<String> installed = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(starts);
        while (!todo.isEmpty()) {
            for (Include i : edges.getOrDefault(todo.pop(), List.of())) {
                if (!i.constraint()) {
                    installed.add(i.path());
                }
                if (seen.add(i.path())) {
                    todo.push(i.path());
                }
            }
        }
        return constraints ? seen : installed;
    }
}
