package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a shell script reads into itself with {@code . ./env.sh}, {@code source scripts/env.sh} or
 * {@code set -a; . .env; set +a}: deploy scripts keep their block names there. Only a literal path counts, found in the
 * repository: one with a variable ({@code $HOME/.env}), a {@code ~}, a glob, an absolute path or one that leaves the
 * repository is not read. The shell resolves a relative path from the directory the script runs in, which the file
 * does not say: the script's own directory and the repository's root are tried, and a path both hold with different
 * texts is not read.
 */
public final class SourcedFiles {
    /** {@code . PATH} or {@code source PATH} as one statement of a line: the path, possibly quoted, is group 2. */
    private static final Pattern SOURCE = Pattern.compile("(?:\\.|source)[ \\t]+([\"']?)([^\\s\"';&|<>()`]+)\\1[ \\t]*");
    private static final Pattern STATEMENT_BREAK = Pattern.compile("[ \\t]*(?:;|&&)[ \\t]*");
    /** A path that the shell expands: a variable, a command, a home directory, a glob. */
    private static final Pattern EXPANDED = Pattern.compile("[$`~*?\\[]");
    /** At most this many files deep: a chain of env files is short, a longer one is not followed. */
    static final int MAX_DEPTH = 8;

    private SourcedFiles() {
    }

    /**
     * One {@code .}/{@code source} statement: the path as written, where its line starts, and whether it stands at
     * the start of a line (else in a block that may not run: what it sets is set, but not known).
     */
    public record Source(String written, int offset, boolean topLevel) {
    }

    /** The files a script reads into itself, in order. */
    public static List<Source> in(String text) {
        List<Source> out = new ArrayList<>();
        if (!text.contains(". ") && !text.contains("source")) {
            return out;
        }
        int lineStart = 0;
        for (String line : text.split("\n", -1)) {
            String content = line.replace("\r", "");
            boolean topLevel = !content.isEmpty() && content.charAt(0) != ' ' && content.charAt(0) != '\t';
            int hash = content.indexOf(" #");
            for (String statement : STATEMENT_BREAK.split(hash >= 0 ? content.substring(0, hash) : content)) {
                Matcher m = SOURCE.matcher(statement.strip());
                if (m.matches()) {
                    out.add(new Source(m.group(2), lineStart, topLevel));
                }
            }
            lineStart += line.length() + 1;
        }
        return out;
    }

    /** Whether a file may be one a script reads this way, by its name: another script, or an env file. */
    public static boolean mayBeSourced(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        return n.endsWith(".sh") || n.endsWith(".bash") || n.equals(".env") || n.endsWith(".env") || n.startsWith(".env.");
    }

    /**
     * The repository file the script at {@code scriptPath} reads with {@code written}, and its text, when one is found
     * ({@code files} gives a repository path's text, or null).
     */
    public static Optional<Found> resolve(String scriptPath, String written, Function<String, String> files) {
        if (EXPANDED.matcher(written).find() || written.startsWith("/")) {
            return Optional.empty();
        }
        int slash = scriptPath.lastIndexOf('/');
        Set<String> candidates = new LinkedHashSet<>();
        normalize((slash < 0 ? "" : scriptPath.substring(0, slash + 1)) + written).ifPresent(candidates::add);
        normalize(written).ifPresent(candidates::add);
        Found found = null;
        for (String c : candidates) {
            String text = files.apply(c);
            if (text == null) {
                continue;
            }
            if (found != null && !found.text().equals(text)) {
                return Optional.empty(); // two files it may be, as the script is run from one directory or the other
            }
            found = found == null ? new Found(c, text) : found;
        }
        return Optional.ofNullable(found);
    }

    /**
     * For each repository file that scripts read into themselves at the start of a line, directly or through another
     * such file, the texts of the scripts that read it ({@code scripts}: the scripts by path; {@code files}: a
     * repository path's text, or null). A script's commands are where the file's variables are used.
     */
    public static Map<String, List<String>> readers(Map<String, String> scripts, Function<String, String> files) {
        Map<String, List<String>> out = new TreeMap<>();
        scripts.forEach((path, text) -> {
            Set<String> read = new LinkedHashSet<>();
            collect(path, text, files, read);
            read.remove(path);
            read.forEach(r -> out.computeIfAbsent(r, k -> new ArrayList<>()).add(text));
        });
        return out;
    }

    private static void collect(String path, String text, Function<String, String> files, Set<String> read) {
        if (read.size() > MAX_DEPTH * MAX_DEPTH) {
            return;
        }
        for (Source s : in(text)) {
            if (!s.topLevel()) {
                continue;
            }
            resolve(path, s.written(), files).filter(f -> read.add(f.path())).ifPresent(f -> collect(f.path(), f.text(), files, read));
        }
    }

    /** A sourced file: its repository path and text. */
    public record Found(String path, String text) {
    }

    /** {@code scripts/../env.sh} as {@code env.sh}; empty when the path leaves the repository or names its root. */
    static Optional<String> normalize(String path) {
        return WorkingDirectory.normalize("", path).filter(p -> !p.isEmpty());
    }
}
