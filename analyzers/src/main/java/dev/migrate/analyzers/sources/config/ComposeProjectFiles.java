package dev.migrate.analyzers.sources.config;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a docker compose project that decide what its {@code ${VAR}} interpolation reads, by name and text:
 * one definition for the scan's settings check and the rewrite's settings renames, which must agree on which keys
 * are compose variables.
 */
public final class ComposeProjectFiles {
    /** Compose files by name, as compose finds them ({@code docker-compose.yml}, {@code compose.override.yaml}). */
    public static final Pattern COMPOSE = Pattern.compile("(docker-)?compose[^/]*\\.ya?ml");
    /** Templates of a project's {@code .env}, committed where the real one is not. */
    public static final Pattern ENV_TEMPLATE =
            Pattern.compile("\\.env\\.(example|sample|template|tmpl|dist)|env\\.(example|sample)");
    /** A script line that runs compose. */
    public static final Pattern RUNS_COMPOSE = Pattern.compile("docker[ \\t]+compose\\b|docker-compose\\b");
    /** {@code --env-file FILE}: group 1 is the file compose reads its variables from. */
    public static final Pattern ENV_FILE_OPTION = Pattern.compile("--env-file[ \\t=]+[\"']?([^\\s\"';&|)]+)");

    /** A script's or env file's line that sets a Prefect setting ({@code export PREFECT_X=...}): group 1 is its name. */
    public static final Pattern PREFECT_ASSIGNMENT =
            Pattern.compile("(?m)^[ \\t]*(?:export[ \\t]+)?(PREFECT_[A-Z0-9_]+)[ \\t]*=");

    private ComposeProjectFiles() {
    }

    /**
     * The files that a script, Makefile, justfile, Jenkinsfile or CI pipeline running compose names with
     * {@code --env-file} ({@code docker compose --env-file .env.prod up}), as paths of the tree: compose reads them for
     * interpolation as it reads the project's {@code .env}. A path is read from the directory the command runs in
     * ({@link ComposeCommands}): the file's own, a CI pipeline's root or step {@code working-directory:}, after a
     * {@code cd}; one outside the tree is left out.
     */
    public static Set<String> envFileOptions(String path, String text) {
        if (!text.contains("--env-file")) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        ComposeCommands.of(path, text).forEach(c -> out.addAll(c.envFiles()));
        return out;
    }

    /** An {@code include:} entry: {@code - path.yml}, {@code - path: path.yml}, or an item of a {@code path:} list. */
    private static final Pattern INCLUDE_ENTRY =
            Pattern.compile("^[ \\t]+-[ \\t]+(?:path:[ \\t]*)?[\"']?([^\\s\"'#\\[\\]{},]+)[\"']?[ \\t]*(?:#.*)?$");

    /**
     * The compose files each env file of the tree is read with because one command names both
     * ({@code docker compose --env-file .env.prod -f deploy/compose.yml up}), as paths of the tree: env file to compose
     * files. Both are read from the directory the command runs in, as {@link #envFileOptions}.
     */
    public static Map<String, Set<String>> envFileComposeFiles(String path, String text) {
        if (!text.contains("--env-file")) {
            return Map.of();
        }
        Map<String, Set<String>> out = new HashMap<>();
        for (ComposeCommands.Command c : ComposeCommands.of(path, text)) {
            c.envFiles().forEach(e -> out.computeIfAbsent(e, k -> new TreeSet<>()).addAll(c.composeFiles()));
        }
        out.values().removeIf(Set::isEmpty);
        return out;
    }

    /**
     * The directories whose compose project each env file of the tree is read for because a command without
     * {@code -f} names it ({@code cd deploy && docker compose --env-file ../config/prod.env up}): compose then reads
     * the compose files of the directory it runs in, not those beside the env file. Env file to directories.
     */
    public static Map<String, Set<String>> envFileProjectDirectories(String path, String text) {
        if (!text.contains("--env-file")) {
            return Map.of();
        }
        Map<String, Set<String>> out = new HashMap<>();
        for (ComposeCommands.Command c : ComposeCommands.of(path, text)) {
            if (c.composeFiles().isEmpty()) {
                c.envFiles().forEach(e -> out.computeIfAbsent(e, k -> new TreeSet<>()).add(c.directory()));
            }
        }
        return out;
    }

    /**
     * The compose files a file that runs commands names with {@code -f}/{@code --file}, whatever their names
     * ({@code docker compose -f deploy/stack.yml up -d}), as paths of the tree; or, for a compose project's
     * {@code .env}, those its {@code COMPOSE_FILE} lists (colon-separated, relative to its directory). Only the files the
     * tree holds are compose files; a name read from several possible working directories gives each.
     */
    public static Set<String> namedComposeFiles(String path, String text) {
        return namedComposeFiles(path, text, null);
    }

    /**
     * As {@link #namedComposeFiles(String, String)}, with the commands of the local files a GitLab pipeline includes
     * ({@link GitlabIncludes#commandFiles}): {@code include: - local: ci/deploy.yml}, whose job (or a template the
     * pipeline's jobs extend or reference) runs {@code docker compose -f deploy/stack.yml up -d}. {@code files} gives a
     * repository path's text, or null.
     */
    public static Set<String> namedComposeFiles(String path, String text, java.util.function.Function<String, String> files) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        Set<String> out = new TreeSet<>();
        if (name.equals(".env")) {
            Matcher m = COMPOSE_FILE_VARIABLE.matcher(text);
            String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            while (m.find()) {
                for (String f : m.group(1).split(":")) {
                    if (!f.isBlank() && !f.startsWith("/") && !f.contains("$")) {
                        WorkingDirectory.normalize(dir, f.strip()).ifPresent(out::add);
                    }
                }
            }
            return out;
        }
        if (!ComposeCommands.mention(path, text, files, "-f") || !ComposeCommands.runsCommands(path, text)) {
            return out; // "-f" is in "--file" too
        }
        ComposeCommands.of(path, text, files).forEach(c -> out.addAll(c.composeFiles()));
        return out;
    }

    /** {@code COMPOSE_FILE=a.yml:b.yml} in a {@code .env}: group 1 is the list. */
    private static final Pattern COMPOSE_FILE_VARIABLE =
            Pattern.compile("(?m)^[ \\t]*(?:export[ \\t]+)?COMPOSE_FILE[ \\t]*=[ \\t]*[\"']?([^\"'#\\r\\n]*?)[\"']?[ \\t]*(?:#.*)?$");

    /**
     * The compose files a compose file's top-level {@code include:} names, as paths of the tree (relative to its
     * directory). An included file is read with the including project's interpolation variables (its own directory's
     * {@code .env} adds to them), so an env file read for the one is read for the other.
     */
    public static Set<String> includes(String composePath, String text) {
        if (!text.contains("include:")) {
            return Set.of();
        }
        String dir = composePath.contains("/") ? composePath.substring(0, composePath.lastIndexOf('/')) : "";
        Set<String> out = new TreeSet<>();
        boolean inInclude = false;
        for (String line : text.split("\r?\n")) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                inInclude = line.matches("include:[ \t]*(?:#.*)?") ;
                continue;
            }
            Matcher m = INCLUDE_ENTRY.matcher(line);
            if (inInclude && m.matches() && !m.group(1).contains("$") && !m.group(1).startsWith("/")
                    && !m.group(1).contains(":") && COMPOSE_LIKE.matcher(m.group(1)).find()) {
                WorkingDirectory.normalize(dir, m.group(1)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** What an include names: a YAML file (any name; compose reads it as a compose file). */
    private static final Pattern COMPOSE_LIKE = Pattern.compile("\\.ya?ml$");

    /**
     * Which compose files read which env files for interpolation, gathered over a tree: the compose files of the env
     * file's own directory (the project's {@code .env}), the ones a command names with {@code -f} beside
     * {@code --env-file} (without {@code -f}, those of the directory the command runs in), and the files those include. The scan's PF208 and the rewrite's raise and settings renames
     * read it alike.
     */
    public static final class Links {
        private final Map<String, Set<String>> named = new HashMap<>();
        /** Env files a command without {@code -f} names, each with the directories it runs compose in. */
        private final Map<String, Set<String>> projects = new HashMap<>();
        private final Map<String, Set<String>> included = new HashMap<>();

        /** Takes what one file says: a command's {@code --env-file} with {@code -f}, a compose file's {@code include:}. */
        public synchronized void add(String path, String text) {
            envFileComposeFiles(path, text).forEach((env, composes) ->
                    named.computeIfAbsent(env, k -> new TreeSet<>()).addAll(composes));
            envFileProjectDirectories(path, text).forEach((env, dirs) ->
                    projects.computeIfAbsent(env, k -> new TreeSet<>()).addAll(dirs));
            if (path.endsWith(".yml") || path.endsWith(".yaml")) {
                // any name: a compose file named with -f or by COMPOSE_FILE includes others as one named as compose looks for it
                Set<String> inc = includes(path, text);
                if (!inc.isEmpty()) {
                    included.put(path, inc);
                }
            }
        }

        /**
         * Of {@code composePaths}, the tree's compose files (also those named with {@code -f}, {@link ComposeFileIndex}),
         * those that read {@code envPath} for interpolation, in path order.
         */
        public synchronized Set<String> readers(String envPath, Collection<String> composePaths) {
            // the compose project of the env file's directory (its .env), and those of the directories commands run
            // compose in with it
            Set<String> dirs = new HashSet<>(Set.of(envPath.substring(0, envPath.lastIndexOf('/') + 1)));
            projects.getOrDefault(envPath, Set.of()).forEach(d -> dirs.add(d.isEmpty() ? "" : d + "/"));
            Set<String> reading = new HashSet<>(named.getOrDefault(envPath, Set.of()));
            for (String c : composePaths) {
                if (dirs.contains(c.substring(0, c.lastIndexOf('/') + 1))) {
                    reading.add(c);
                }
            }
            Deque<String> todo = new ArrayDeque<>(reading);
            while (!todo.isEmpty()) {
                for (String inc : included.getOrDefault(todo.pop(), Set.of())) {
                    if (reading.add(inc)) {
                        todo.push(inc);
                    }
                }
            }
            Set<String> out = new TreeSet<>(composePaths);
            out.retainAll(reading);
            return out;
        }
    }
}
