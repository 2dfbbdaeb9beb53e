package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of env files, checked once the whole tree was seen, because a compose project's {@code .env} is no
 * container environment: compose reads it (and the files a script or a CI job gives with {@code --env-file}) only to
 * fill the compose file's {@code ${VAR}} references. A key a compose file of its directory reads that way is reported
 * as the compose variable it is, which the rewrite renames together with its references; a key of a committed template
 * ({@code .env.example}) read that way, while the real {@code .env} is not in the tree, is no setting at all: the rewrite
 * keeps it and its references (the real file keeps its keys), and the setting is reported where compose passes it
 * to the container. Other keys are checked as settings. Detectors run on several threads: every map is concurrent.
 */
final class ComposeVariables {
    private static final Pattern TEMPLATE = ComposeProjectFiles.ENV_TEMPLATE;
    private static final Pattern RUNS_COMPOSE = ComposeProjectFiles.RUNS_COMPOSE;
    /** A reference compose interpolates: {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-x}}, not the escaped {@code $$NAME}. */
    private static final Pattern ASSIGNED = ComposeProjectFiles.PREFECT_ASSIGNMENT;
    private static final Pattern REFERENCE = Pattern.compile("(?<!\\$)\\$\\{?(PREFECT_[A-Z0-9_]+)(?![A-Za-z0-9_])");

    /** An {@code environment:} item without a value, which compose fills from the same variables: {@code - NAME}. */
    private static final Pattern PASSED_ON_IN_LIST = Pattern.compile("(?m)^[ \\t]*-[ \\t]+[\"']?(PREFECT_[A-Z0-9_]+)[\"']?[ \\t]*$");
    /** {@code NAME:} without a value in an {@code environment:} map. */
    private static final Pattern PASSED_ON_IN_MAP = Pattern.compile("(?m)^[ \\t]+(PREFECT_[A-Z0-9_]+)[ \\t]*:[ \\t]*(?:~|null)?[ \\t]*$");

    /** An env file's setting, reported at the end. */
    private record Setting(String name, SourceRef where, String file) {
    }

    /** Per directory, per name, the compose files there that read it, each with the line of its first reference. */
    private final Map<String, Map<String, Map<String, Integer>>> readers = new ConcurrentHashMap<>();
    /** Per directory, the names that scripts there which run compose set (exported to its interpolation). */
    private final Map<String, Set<String>> scriptNames = new ConcurrentHashMap<>();
    /** Per directory, the files its compose services load with {@code env_file:}. */
    private final Map<String, Set<String>> loaded = new ConcurrentHashMap<>();
    /** Per directory, the files named by {@code --env-file} in commands that run compose for its compose files. */
    private final Map<String, Set<String>> envFileOptions = new ConcurrentHashMap<>();
    private final List<Setting> settings = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The GitLab pipelines that run compose commands, read together in {@link #finish}, and the tree's other texts. */
    private final Map<String, String> gitlabPipelines = new ConcurrentHashMap<>();
    private volatile java.util.function.Function<String, String> gitlabFiles;

    /** A compose file by its name ({@link ComposeFileIndex#byName}). */
    static boolean isCompose(String fileName) {
        return ComposeFileIndex.byName(fileName);
    }

    /** Which files are compose files and what they include: the index the compose detector and the rewrite read too. */
    private final ComposeFileIndex index = new ComposeFileIndex();
    /** YAML files under other names with top-level {@code services:}, read as compose files in {@link #finish} if named. */
    private final Map<String, ScanFile> candidates = new ConcurrentHashMap<>();

    /** Top-level {@code services:} in a YAML file under another name: a compose file if something names it. */
    static boolean maybeNamedCompose(ScanFile file) {
        return ComposeFileIndex.mayBeNamed(file.path(), file.text());
    }

    void candidate(ScanFile file) {
        candidates.put(file.path(), file);
        index.included(file.path(), ComposeProjectFiles.includes(file.path(), file.text()));
    }

    /** Files named as compose files ({@link ComposeProjectFiles#namedComposeFiles}). */
    void named(Set<String> paths) {
        index.named(paths);
    }

    /**
     * The compose files a file that runs commands names ({@link ComposeFileIndex#add}): a GitLab pipeline's once every
     * pipeline was seen, so that a file several include is read once, with each of them
     * ({@link ComposeCommands#ofGitlabPipelines}); {@code files} gives the texts of other repository files.
     */
    void namedBy(String path, String text, java.util.function.Function<String, String> files) {
        index.add(path, text, files);
    }

    /** Where a compose file reads Prefect names for interpolation, and which env files its services load. */
    void readCompose(ScanFile file) {
        index.included(file.path(), ComposeProjectFiles.includes(file.path(), file.text()));
        String dir = directory(file.path());
        Map<String, Map<String, Integer>> names = readers.computeIfAbsent(dir, d -> new ConcurrentHashMap<>());
        for (Pattern reads : List.of(REFERENCE, PASSED_ON_IN_LIST, PASSED_ON_IN_MAP)) {
            Matcher m = reads.matcher(file.text());
            while (m.find()) {
                names.computeIfAbsent(m.group(1), n -> new ConcurrentSkipListMap<>())
                        .merge(file.fileName(), file.lineOf(m.start(1)), Math::min);
            }
        }
        loaded.computeIfAbsent(dir, d -> ConcurrentHashMap.newKeySet()).addAll(ComposeEnvFiles.loadedBy(file.path(), file.text()));
    }

    /**
     * What a file that runs compose gives its interpolation: a script's or Makefile's own {@code PREFECT_X=} names
     * (exported to the compose it runs, for its directory), and the {@code --env-file} files of its commands, and of a
     * CI pipeline's steps (GitLab {@code script:}/{@code before_script:}, GitHub Actions {@code run:}, a GitLab
     * pipeline's included files through {@code files}), for the projects those commands run
     * ({@link ComposeEnvFileProjects}, as the rewrite reads them). A GitLab pipeline waits for {@link #finish}, where
     * the pipelines are read together ({@link ComposeEnvFileProjects#ofGitlabPipelines}): one that another includes
     * only inside it. A pipeline's own variables are not read here.
     */
    void readScript(ScanFile file, boolean ci, java.util.function.Function<String, String> files) {
        if (!ci) {
            if (!RUNS_COMPOSE.matcher(file.text()).find()) {
                return;
            }
            String dir = directory(file.path());
            Matcher set = ASSIGNED.matcher(file.text());
            while (set.find()) {
                scriptNames.computeIfAbsent(dir, d -> ConcurrentHashMap.newKeySet()).add(set.group(1));
            }
        }
        if (ci && files != null && GitlabPipelines.isPipeline(file.path())) {
            // which pipeline runs on its own, and which inside another, is known once every one was seen
            gitlabFiles = files;
            gitlabPipelines.put(file.path(), file.text());
            return;
        }
        addEnvFiles(ComposeEnvFileProjects.of(file.path(), file.text(), files));
    }

    private void addEnvFiles(Map<String, List<String>> byProject) {
        byProject.forEach((project, envs) ->
                envFileOptions.computeIfAbsent(project, d -> ConcurrentHashMap.newKeySet()).addAll(envs));
    }

    /** A setting an env file sets, checked in {@link #finish}. */
    void setting(String name, SourceRef where, String file) {
        settings.add(new Setting(name, where, file));
    }

    void finish(InventorySink sink) {
        // the GitLab pipelines' --env-file, each pipeline with the files it includes, as the rewrite reads them
        addEnvFiles(ComposeEnvFileProjects.ofGitlabPipelines(new java.util.TreeMap<>(gitlabPipelines), gitlabFiles));
        // compose files under other names, once every file said which it names (includes of named files too)
        new java.util.TreeMap<>(candidates).forEach((path, file) -> {
            if (index.isCompose(path)) {
                readCompose(file);
            }
        });
        for (Setting s : settings) {
            String dir = directory(s.file());
            Set<String> projects = interpolatedFor(s.file());
            Map<String, Integer> read = new java.util.TreeMap<>();
            for (String p : projects.isEmpty() ? Set.of(dir) : projects) {
                read.putAll(readers.getOrDefault(p, Map.of()).getOrDefault(s.name(), Map.of()));
            }
            boolean isLoaded = loaded.getOrDefault(dir, Set.of()).contains(s.file())
                    || projects.stream().anyMatch(p -> loaded.getOrDefault(p, Set.of()).contains(s.file()));
            if (read.isEmpty()) {
                PrefectSettingsCheck.check(s.name(), s.where(), null, sink);
            } else if (!projects.isEmpty()) {
                List<String> at = read.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList();
                PrefectSettingsCheck.checkComposeVariable(s.name(), s.where(), at, isLoaded, sink);
            } else if (!TEMPLATE.matcher(fileName(s.file())).matches() || isLoaded || definedForInterpolation(dir, s.name())) {
                PrefectSettingsCheck.check(s.name(), s.where(), null, sink);
            }
            // else a template's key that compose reads from the real .env outside the tree: kept by the rewrite
        }
    }

    /**
     * The directories whose compose files read the file for interpolation: its own for a {@code .env}, those of the
     * projects a command runs with it as {@code --env-file}.
     */
    private Set<String> interpolatedFor(String file) {
        Set<String> out = new java.util.TreeSet<>();
        if (fileName(file).equals(".env")) {
            out.add(directory(file));
        }
        envFileOptions.forEach((dir, files) -> {
            if (files.contains(file)) {
                out.add(dir);
            }
        });
        return out;
    }

    /** Whether a file of the tree that compose reads for the directory's interpolation sets the name. */
    private boolean definedForInterpolation(String dir, String name) {
        if (scriptNames.getOrDefault(dir, Set.of()).contains(name)) {
            return true;
        }
        for (Setting s : settings) {
            if (s.name().equals(name) && interpolatedFor(s.file()).contains(dir)) {
                return true;
            }
        }
        return false;
    }

    private static String directory(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
