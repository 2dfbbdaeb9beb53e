package dev.migrate.recipes.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.SourceFile;
import org.openrewrite.text.PlainText;

/**
 * The env files a script or Makefile reads into its own variables ({@code . ./.env}, {@code source prod.env},
 * {@code set -a; . .env}, make's {@code include .env}), gathered over every file before a settings rename edits one.
 * The file's {@code $PREFECT_ORION_X} then reads a key of that env file, which the same run renames: the reference
 * follows it, as it follows a name the script sets itself, instead of reading a variable nobody sets any more.
 */
public final class SourcedEnvFiles {
    /** {@code . FILE}, {@code source FILE} at a command's start, or make's {@code include}/{@code -include}. */
    private static final Pattern SOURCED = Pattern.compile(
            "(?m)(?:^|[;&|(]|\\bthen|\\bdo)[ \\t]*(?:\\.|source|-?include|sinclude)[ \\t]+[\"']?([^\\s\"';&|)$]+)");
    private static final Pattern ASSIGNED = Pattern.compile("(?m)^[ \\t]*(?:export[ \\t]+)?(PREFECT_[A-Z0-9_]+)[ \\t]*[:?]?=");

    private final Map<Path, Set<Path>> sourced = new HashMap<>();
    private final Map<Path, Set<String>> assigned = new HashMap<>();

    /** Gathers what one text file sets and reads in. */
    public synchronized void scan(SourceFile source) {
        if (!(source instanceof PlainText text)) {
            return;
        }
        Path path = source.getSourcePath().normalize();
        Path dir = path.getParent() == null ? Path.of("") : path.getParent();
        Set<String> names = new HashSet<>();
        Matcher m = ASSIGNED.matcher(text.getText());
        while (m.find()) {
            names.add(m.group(1));
        }
        if (!names.isEmpty()) {
            assigned.put(path, names);
        }
        Matcher s = SOURCED.matcher(text.getText());
        while (s.find()) {
            sourced.computeIfAbsent(path, p -> new HashSet<>()).add(dir.resolve(s.group(1)).normalize());
        }
    }

    /** Whether an env file of the run that the file reads in sets {@code name}, so the file's references follow it. */
    public synchronized boolean defines(Path file, String name) {
        for (Path f : sourced.getOrDefault(file.normalize(), Set.of())) {
            if (assigned.getOrDefault(f, Set.of()).contains(name)) {
                return true;
            }
        }
        return false;
    }
}
