package dev.migrate.analyzers.sources.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which files of a tree are compose files: those named as compose looks for them ({@code docker-compose.yml},
 * {@code compose.prod.yaml}), and any other that a command names with {@code -f} (a script, Makefile, justfile,
 * Jenkinsfile, systemd unit or CI step), that a {@code .env}'s {@code COMPOSE_FILE} lists, or that a compose file's
 * {@code include:} names ({@link ComposeProjectFiles#namedComposeFiles}, {@link ComposeProjectFiles#includes}); a GitLab
 * pipeline's commands are also those of the local files it includes ({@link GitlabIncludes#commandFiles}). Fed every
 * file first, asked once all were seen: a file's name alone does not say it. The one definition: the scan's
 * {@link ComposeDetector} and {@link ComposeVariables}, the cutover's image check and the rewrite's per-run index
 * ({@code dev.migrate.recipes.internal.ComposeFiles}) each keep an index of their own files and ask it.
 */
public final class ComposeFileIndex {
    /** Top-level {@code services:}: what a compose file under another name holds, if anything names it. */
    private static final Pattern SERVICES = Pattern.compile("(?m)^services:[ \\t]*(?:#.*)?$");

    private final Set<String> named = ConcurrentHashMap.newKeySet();
    /** Per YAML file, the files its top-level {@code include:} names. */
    private final Map<String, Set<String>> includes = new ConcurrentHashMap<>();
    /** The GitLab pipelines added with the texts of other files, not read yet ({@link #readPipelines}). */
    private final Map<String, String> pipelines = new ConcurrentHashMap<>();
    /** The texts of the repository's other files, for the pipelines' includes. */
    private volatile java.util.function.Function<String, String> pipelineFiles;

    /** Takes what one file of the tree names: {@code -f} files, {@code COMPOSE_FILE}, {@code include:}. */
    public void add(String path, String text) {
        add(path, text, null);
    }

    /**
     * As {@link #add(String, String)}, with what the local files a GitLab pipeline includes run
     * ({@link GitlabIncludes#commandFiles}): {@code files} gives a repository path's text, or null. A compose file named
     * only in an included template ({@code ci/deploy.yml}) is the project's; one named in a template nothing includes is
     * not, nor is anything of a remote or another project's include, which the tree does not hold.
     */
    public void add(String path, String text, java.util.function.Function<String, String> files) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        if (files != null && GitlabPipelines.isPipeline(path)) {
            // which pipeline runs on its own, and which runs inside another's, is known once every one was seen
            pipelineFiles = files;
            pipelines.put(path, text);
            return;
        }
        if (n.equals(".env") || ComposeCommands.runsCommands(path, text)) {
            named(ComposeProjectFiles.namedComposeFiles(path, text, files));
        } else if (yaml(n)) {
            included(path, ComposeProjectFiles.includes(path, text));
        }
    }

    /** Files a command or a {@code COMPOSE_FILE} names as compose files. */
    public void named(Set<String> paths) {
        named.addAll(paths);
    }

    /** The files the {@code include:} of the YAML file at {@code path} names. */
    public void included(String path, Set<String> paths) {
        if (!paths.isEmpty()) {
            includes.put(path, paths);
        }
    }

    /**
     * What the GitLab pipelines added with the texts of other files name, each read once: a pipeline that runs on its
     * own with the files it includes ({@link GitlabIncludes#pipelines}); one that any other scanned pipeline includes
     * ({@code .gitlab/ci/deploy.yml} of {@code release.gitlab-ci.yml}) only inside it, where its jobs start where that
     * pipeline's templates leave them, never as a pipeline of its own from the root.
     */
    private void readPipelines() {
        synchronized (pipelines) {
            if (pipelines.isEmpty()) {
                return;
            }
            java.util.function.Function<String, String> files = pipelineFiles;
            java.util.function.Function<String, String> texts = p -> pipelines.containsKey(p) ? pipelines.get(p) : files.apply(p);
            if (pipelines.keySet().stream().anyMatch(p -> ComposeCommands.mention(p, pipelines.get(p), texts, "-f"))) {
                ComposeCommands.ofGitlabPipelines(Map.copyOf(pipelines), files).forEach(c -> named(c.composeFiles()));
            }
            pipelines.clear();
        }
    }

    /** Whether the file is a compose file: by its name, or because something of the tree names it. */
    public boolean isCompose(String path) {
        readPipelines();
        if (byName(path) || named.contains(path)) {
            return true;
        }
        // a file that a compose file includes, however it is named itself
        Set<String> reached = new HashSet<>(named);
        includes.keySet().stream().filter(ComposeFileIndex::byName).forEach(reached::add);
        Deque<String> todo = new ArrayDeque<>(reached);
        while (!todo.isEmpty()) {
            for (String inc : includes.getOrDefault(todo.pop(), Set.of())) {
                if (reached.add(inc)) {
                    todo.push(inc);
                }
            }
        }
        return reached.contains(path);
    }

    /** A compose file by its name alone, as compose looks for it. */
    public static boolean byName(String path) {
        return ComposeProjectFiles.COMPOSE.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
    }

    /**
     * A YAML file whose name says compose (or docker) without being one compose looks for ({@code prefect-compose.yml},
     * {@code docker-agent.yaml}): the scan reads it as a compose file whatever names it, as a README's
     * {@code docker compose -f prefect-compose.yml up} is no command of the tree.
     */
    public static boolean namedLikeCompose(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        return yaml(n) && !byName(path) && (n.contains("compose") || n.startsWith("docker-"));
    }

    /**
     * Whether a file may be a compose file that only something else names: YAML under another name with top-level
     * {@code services:} (a CI pipeline is none). Such files are kept until {@link #isCompose} can say.
     */
    public static boolean mayBeNamed(String path, String text) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        return yaml(n) && !byName(path) && !PrefectCliLineDetector.isCiYaml(path) && SERVICES.matcher(text).find();
    }

    private static boolean yaml(String name) {
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }
}
