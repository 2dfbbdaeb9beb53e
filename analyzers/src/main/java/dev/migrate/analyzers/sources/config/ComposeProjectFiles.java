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
     * interpolation as it reads the project's {@code .env}. A path is read from the file's own directory, a CI
     * pipeline's from the repository root where its jobs start; one outside the tree is left out.
     */
    public static Set<String> envFileOptions(String path, String text) {
        if (!text.contains("--env-file") || !RUNS_COMPOSE.matcher(text).find()) {
            return Set.of();
        }
        String dir = PrefectCliLineDetector.isCiYaml(path) || !path.contains("/") ? ""
                : path.substring(0, path.lastIndexOf('/'));
        Set<String> out = new TreeSet<>();
        Matcher m = ENV_FILE_OPTION.matcher(text);
        while (m.find()) {
            if (!m.group(1).startsWith("/") && !m.group(1).contains("$")) {
                WorkingDirectory.normalize(dir, m.group(1)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** {@code -f FILE}, {@code --file FILE}, {@code --file=FILE}, {@code -fFILE}: group 1 is a compose file of the command. */
    private static final Pattern FILE_OPTION = Pattern.compile("(?<![\\w-])(?:-f[ \\t]*|--file[ \\t=]+)[\"']?([^\\s\"';&|)]+)");
    /** An {@code include:} entry: {@code - path.yml}, {@code - path: path.yml}, or an item of a {@code path:} list. */
    private static final Pattern INCLUDE_ENTRY =
            Pattern.compile("^[ \\t]+-[ \\t]+(?:path:[ \\t]*)?[\"']?([^\\s\"'#\\[\\]{},]+)[\"']?[ \\t]*(?:#.*)?$");

    /**
     * The compose files each env file of the tree is read with because one command names both
     * ({@code docker compose --env-file .env.prod -f deploy/compose.yml up}), as paths of the tree: env file to compose
     * files. Both are read from the file's own directory (a CI pipeline's from the root), as {@link #envFileOptions}.
     */
    public static Map<String, Set<String>> envFileComposeFiles(String path, String text) {
        if (!text.contains("--env-file") || !RUNS_COMPOSE.matcher(text).find()) {
            return Map.of();
        }
        String dir = PrefectCliLineDetector.isCiYaml(path) || !path.contains("/") ? ""
                : path.substring(0, path.lastIndexOf('/'));
        Map<String, Set<String>> out = new HashMap<>();
        for (PrefectCliLineDetector.LogicalLine line : PrefectCliLineDetector.logicalLines(text)) {
            // each compose command of the line on its own: `docker compose -f a.yml ... && docker compose -f b.yml ...`
            String[] commands = line.text().split("&&|\\|\\||;");
            for (String command : commands) {
                Matcher runs = RUNS_COMPOSE.matcher(command);
                if (!runs.find() || !command.contains("--env-file")) {
                    continue;
                }
                String args = command.substring(runs.end());
                Set<String> envs = inTree(dir, ENV_FILE_OPTION.matcher(args));
                Set<String> composes = inTree(dir, FILE_OPTION.matcher(args.replaceAll("--env-file[ \\t=]+\\S+", "")));
                envs.forEach(e -> out.computeIfAbsent(e, k -> new TreeSet<>()).addAll(composes));
            }
        }
        out.values().removeIf(Set::isEmpty);
        return out;
    }

    private static Set<String> inTree(String dir, Matcher m) {
        Set<String> out = new TreeSet<>();
        while (m.find()) {
            if (!m.group(1).startsWith("/") && !m.group(1).contains("$")) {
                WorkingDirectory.normalize(dir, m.group(1)).ifPresent(out::add);
            }
        }
        return out;
    }

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
     * {@code --env-file}, and the files those include. The scan's PF208 and the rewrite's raise and settings renames
     * read it alike.
     */
    public static final class Links {
        private final Map<String, Set<String>> named = new HashMap<>();
        private final Map<String, Set<String>> included = new HashMap<>();

        /** Takes what one file says: a command's {@code --env-file} with {@code -f}, a compose file's {@code include:}. */
        public synchronized void add(String path, String text) {
            envFileComposeFiles(path, text).forEach((env, composes) ->
                    named.computeIfAbsent(env, k -> new TreeSet<>()).addAll(composes));
            if (PrefectVersionVariables.isCompose(path)) {
                Set<String> inc = includes(path, text);
                if (!inc.isEmpty()) {
                    included.put(path, inc);
                }
            }
        }

        /** Of {@code composePaths}, those that read {@code envPath} for interpolation, in path order. */
        public synchronized Set<String> readers(String envPath, Collection<String> composePaths) {
            String dir = envPath.substring(0, envPath.lastIndexOf('/') + 1);
            Set<String> reading = new HashSet<>(named.getOrDefault(envPath, Set.of()));
            for (String c : composePaths) {
                if (PrefectVersionVariables.isCompose(c) && c.substring(0, c.lastIndexOf('/') + 1).equals(dir)) {
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
