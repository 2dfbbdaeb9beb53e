package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.ComposeCommands;
import dev.migrate.analyzers.sources.config.ComposeEnvFileProjects;
import dev.migrate.analyzers.sources.config.ComposeProjectFiles;
import dev.migrate.analyzers.sources.config.GitlabIncludes;
import dev.migrate.analyzers.sources.config.GitlabPipelines;
import dev.migrate.analyzers.sources.config.ShellScripts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.text.PlainText;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * What docker compose reads for the {@code ${VAR}} interpolation of a compose file, gathered over every file before a
 * settings rename edits one. Compose fills {@code ${PREFECT_ORION_X}} from the shell that runs it and from the
 * project's {@code .env} (the one next to the compose file) or the files given with {@code --env-file}; those are no
 * container environment, unlike the files a service loads with {@code env_file:}. So a key of {@code .env} that a
 * compose file of its directory reads as {@code ${OLD}} is a compose variable, and the rename must treat the key and
 * its references as a pair.
 *
 * <p>The pair is renamed together when its definition is in the run (the directory's {@code .env}, a script or
 * Makefile of the directory that sets the name and runs {@code docker compose}, or a file such a script names with
 * {@code --env-file}): the same run renames the definition, so the reference follows, as a {@code secretKeyRef} follows
 * a Secret defined in the repository. A {@code .env} that is not in the repository (only its template,
 * {@code .env.example}, is) keeps its old keys where it lives, so the references and the template's keys they read
 * are kept. A file named with {@code --env-file} (by a script, a Makefile, or a CI pipeline's step: a GitLab job's
 * {@code script:} or {@code before_script:}, a GitHub Actions {@code run:}, a GitLab pipeline's included files) is read
 * for the compose files the same command names with {@code -f}, else for those of the directory it runs in
 * ({@link ComposeEnvFileProjects}, the scan's own reading); a compose file's {@code include:} entries read what the
 * including file's interpolation reads.
 */
public final class ComposeInterpolation {
    public static final Pattern COMPOSE = ComposeProjectFiles.COMPOSE;
    private static final Pattern TEMPLATE = ComposeProjectFiles.ENV_TEMPLATE;
    /** Scripts and Makefiles, whose variables reach the compose they run. */
    private static final Pattern SCRIPT = Pattern.compile(".*\\.(sh|bash|mk)|Makefile|GNUmakefile|justfile|\\.justfile");
    private static final Pattern RUNS_COMPOSE = ComposeProjectFiles.RUNS_COMPOSE;
    /** A name a file sets: {@code NAME=value}, {@code export NAME=value}, a command's {@code NAME=value cmd} prefix. */
    private static final Pattern ASSIGNED = ComposeProjectFiles.PREFECT_ASSIGNMENT;
    private static final Pattern NAME = Pattern.compile("PREFECT_[A-Z0-9_]+");

    /** Per directory, the names its compose files read with {@code ${...}}. */
    private final Map<Path, Set<String>> referenced = new HashMap<>();
    /** Per directory, the files its compose services load with {@code env_file:} (container environment). */
    private final Map<Path, Set<Path>> loaded = new HashMap<>();
    /** Per directory, the in-run files compose reads for interpolation there (its {@code .env}, scripts, --env-file). */
    private final Map<Path, Set<Path>> interpolationFiles = new HashMap<>();
    /** Per directory, the directories whose compose files include one of it (which reads their interpolation too). */
    private final Map<Path, Set<Path>> includedBy = new HashMap<>();
    /** The Prefect names each text file sets. */
    private final Map<Path, Set<String>> assigned = new HashMap<>();
    /** The CI pipelines that may run compose with --env-file, by path, read when first asked (all files seen). */
    private final Map<String, String> pipelines = new java.util.TreeMap<>();
    /** The run's files, whose texts a GitLab pipeline's included files are. */
    private ComposeFiles runFiles;

    /** Gathers what one file defines, loads or reads. */
    public synchronized void scan(SourceFile source, ExecutionContext ctx) {
        ComposeFiles.in(ctx).scan(source);
        Path path = source.getSourcePath().normalize();
        Path dir = directory(path);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (source instanceof PlainText text) {
            String t = text.getText();
            if (!t.contains("PREFECT_") && !t.contains("--env-file")) {
                return;
            }
            Set<String> names = new HashSet<>();
            Matcher m = ASSIGNED.matcher(t);
            while (m.find()) {
                names.add(m.group(1));
            }
            assigned.put(path, names);
            if (name.equals(".env")) {
                interpolationFiles.computeIfAbsent(dir, d -> new HashSet<>()).add(path);
            } else if ((SCRIPT.matcher(name).matches() || ShellScripts.isShellScript(name, t)) && RUNS_COMPOSE.matcher(t).find()) {
                interpolationFiles.computeIfAbsent(dir, d -> new HashSet<>()).add(path);
                // an --env-file is read for the interpolation of the compose files the same command names with -f
                // (`--env-file .env.prod -f deploy/compose.yml`), without -f for those of the directory the command
                // runs in (`cd deploy && docker compose --env-file ../config/prod.env up`), as the scan reads them
                String p = path.toString().replace('\\', '/');
                addEnvFiles(ComposeEnvFileProjects.of(p, t, null));
                // with -f, the script's own variables reach that compose too: it inherits them
                for (ComposeCommands.Command c : ComposeCommands.of(p, t)) {
                    if (!c.envFiles().isEmpty()) {
                        c.composeFiles().forEach(f -> interpolationFiles.computeIfAbsent(directory(Path.of(f)),
                                d -> new HashSet<>()).add(path));
                    }
                }
            }
        } else if (source instanceof Yaml.Documents docs && ComposeCommands.runsCommands(slashed(path), "")) {
            // a CI pipeline's steps: read once the run was seen, for a GitLab pipeline's included files
            String printed = docs.printAll();
            if (printed.contains("--env-file") || GitlabPipelines.isPipeline(slashed(path)) && !GitlabIncludes.locals(printed).isEmpty()) {
                pipelines.put(slashed(path), printed);
                runFiles = ComposeFiles.in(ctx);
            }
        } else if (source instanceof Yaml.Documents docs && (COMPOSE.matcher(name).matches() || maybeNamedCompose(docs))) {
            Set<String> refs = referenced.computeIfAbsent(dir, d -> new HashSet<>());
            String printed = docs.printAll();
            for (String included : ComposeProjectFiles.includes(path.toString().replace('\\', '/'), printed)) {
                includedBy.computeIfAbsent(directory(Path.of(included)), d -> new HashSet<>()).add(dir);
            }
            Matcher m = NAME.matcher(printed);
            while (m.find()) {
                if (SettingsRenames.isReference(printed, m.start())) {
                    refs.add(m.group());
                }
            }
            Set<Path> files = loaded.computeIfAbsent(dir, d -> new HashSet<>());
            new YamlIsoVisitor<ExecutionContext>() {
                @Override
                public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext c) {
                    if ("env_file".equals(entry.getKey().getValue())) {
                        envFiles(entry.getValue()).forEach(f -> files.add(dir.resolve(f).normalize()));
                    } else if ("environment".equals(entry.getKey().getValue())) {
                        refs.addAll(passedOn(entry.getValue())); // `- NAME` passes the variable on, as ${NAME} would
                    }
                    return super.visitMappingEntry(entry, c);
                }
            }.visit(docs, ctx);
        }
    }

    /** Adds {@code --env-file} files, by the compose project directory they are read for ({@link ComposeEnvFileProjects}). */
    private void addEnvFiles(Map<String, List<String>> byProject) {
        byProject.forEach((project, envs) -> {
            Set<Path> files = interpolationFiles.computeIfAbsent(project.isEmpty() ? Path.of("") : Path.of(project),
                    d -> new HashSet<>());
            envs.forEach(e -> files.add(Path.of(e)));
        });
    }

    /**
     * The {@code --env-file} files of the CI pipelines' compose commands (a GitLab job's {@code script:} and
     * {@code before_script:}, a GitHub Actions step's {@code run:}, those of the files a GitLab pipeline includes),
     * read once, when first asked: every file of the run was seen by then. The GitLab pipelines are read together
     * ({@link ComposeEnvFileProjects#ofGitlabPipelines}), as the scan reads them.
     */
    private void readPipelines() {
        if (pipelines.isEmpty()) {
            return;
        }
        ComposeFiles files = runFiles;
        java.util.function.Function<String, String> texts = files == null ? null : files::runText;
        // the GitLab pipelines together, as the scan reads them: each that runs on its own with the files it includes
        // (a file several include, with each), one that another includes only inside it
        Map<String, String> gitlab = new java.util.TreeMap<>();
        pipelines.forEach((p, text) -> {
            if (GitlabPipelines.isPipeline(p)) {
                gitlab.put(p, text);
            } else {
                addEnvFiles(ComposeEnvFileProjects.of(p, text, texts));
            }
        });
        addEnvFiles(ComposeEnvFileProjects.ofGitlabPipelines(gitlab, texts));
        pipelines.clear();
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }

    /**
     * A YAML file under another name with top-level {@code services:}: a compose file if a command names it
     * ({@link ComposeFiles}), which is known once every file was scanned; its references only matter to the renames of
     * compose files, which ask {@link ComposeFiles} first.
     */
    private static boolean maybeNamedCompose(Yaml.Documents docs) {
        return docs.getDocuments().stream().anyMatch(d -> d.getBlock() instanceof Yaml.Mapping m
                && m.getEntries().stream().anyMatch(e -> "services".equals(e.getKey().getValue())
                && e.getValue() instanceof Yaml.Mapping));
    }

    /** The names an {@code environment:} passes on without a value: {@code - NAME}, {@code NAME:}. */
    private static Set<String> passedOn(Yaml.Block value) {
        Set<String> out = new HashSet<>();
        if (value instanceof Yaml.Sequence seq) {
            for (Yaml.Sequence.Entry e : seq.getEntries()) {
                if (e.getBlock() instanceof Yaml.Scalar s && NAME.matcher(s.getValue()).matches()) {
                    out.add(s.getValue());
                }
            }
        } else if (value instanceof Yaml.Mapping map) {
            for (Yaml.Mapping.Entry e : map.getEntries()) {
                if (e.getValue() instanceof Yaml.Scalar v && Set.of("", "~", "null").contains(v.getValue())
                        && NAME.matcher(e.getKey().getValue()).matches()) {
                    out.add(e.getKey().getValue());
                }
            }
        }
        return out;
    }

    /** {@code env_file: a.env}, {@code [a.env, b.env]} or the long form's {@code - path: a.env}. */
    private static Set<String> envFiles(Yaml.Block value) {
        Set<String> out = new HashSet<>();
        if (value instanceof Yaml.Scalar s) {
            out.add(s.getValue());
        } else if (value instanceof Yaml.Sequence seq) {
            for (Yaml.Sequence.Entry e : seq.getEntries()) {
                if (e.getBlock() instanceof Yaml.Scalar s) {
                    out.add(s.getValue());
                } else if (e.getBlock() instanceof Yaml.Mapping m && KubernetesKeyPlaces.scalar(m, "path") != null) {
                    out.add(KubernetesKeyPlaces.scalar(m, "path"));
                }
            }
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    /**
     * Whether a compose file's reference to {@code name} is renamed with it: something compose reads for the
     * interpolation of that directory is in the run and sets the name, so the same run renames it there.
     */
    public synchronized boolean follows(Path composeFile, String name) {
        return !definitionsIn(directory(composeFile.normalize()), name).isEmpty();
    }

    /** The in-run files that define {@code name} for the interpolation of the compose file's directory, by path. */
    public synchronized Set<Path> definitions(Path composeFile, String name) {
        return definitionsIn(directory(composeFile.normalize()), name);
    }

    /** Also the definitions of the directories whose compose files include this one's, transitively. */
    private Set<Path> definitionsIn(Path dir, String name) {
        readPipelines();
        Set<Path> out = new TreeSet<>();
        Set<Path> dirs = new HashSet<>(Set.of(dir));
        java.util.Deque<Path> todo = new java.util.ArrayDeque<>(dirs);
        while (!todo.isEmpty()) {
            Path d = todo.pop();
            for (Path f : interpolationFiles.getOrDefault(d, Set.of())) {
                if (assigned.getOrDefault(f, Set.of()).contains(name)) {
                    out.add(f);
                }
            }
            for (Path including : includedBy.getOrDefault(d, Set.of())) {
                if (dirs.add(including)) {
                    todo.push(including);
                }
            }
        }
        return out;
    }

    /**
     * Whether a key of an env file is kept: the file is a template of its directory's {@code .env} (which is not in
     * the run), a compose file there reads the key as a variable, and nothing in the run defines it for that
     * interpolation, so the real {@code .env} keeps the old key and the reference stays as written. A file that a
     * service loads with {@code env_file:} is container environment and renamed.
     */
    public synchronized boolean keepsKey(Path envFile, String name) {
        readPipelines();
        Path path = envFile.normalize();
        Path dir = directory(path);
        String file = path.getFileName() == null ? "" : path.getFileName().toString();
        return TEMPLATE.matcher(file).matches() && referenced.getOrDefault(dir, Set.of()).contains(name)
                && definitionsIn(dir, name).isEmpty() && !loaded.getOrDefault(dir, Set.of()).contains(path);
    }

    /**
     * Whether a compose service of the file's directory loads that directory's {@code .env} with {@code env_file:}:
     * then the real {@code .env} a template stands for is container environment too.
     */
    public synchronized boolean dotEnvLoadedNextTo(Path file) {
        Path dir = directory(file.normalize());
        return loaded.getOrDefault(dir, Set.of()).contains(dir.resolve(".env").normalize());
    }

    private static Path directory(Path path) {
        return path.getParent() == null ? Path.of("") : path.getParent();
    }
}
