package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.ComposeEnvFiles;
import dev.migrate.analyzers.sources.config.ComposeFileIndex;
import dev.migrate.analyzers.sources.config.ComposeProjectFiles;
import dev.migrate.analyzers.sources.config.GitlabIncludes;
import dev.migrate.analyzers.sources.config.GitlabPipelines;
import dev.migrate.analyzers.sources.config.IntegrationVersionVariables;
import dev.migrate.analyzers.sources.config.PrefectVersionVariables;
import dev.migrate.analyzers.sources.config.SourcedFiles;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.ComposeFiles;
import dev.migrate.recipes.internal.RaisedPrefectVersion;
import dev.migrate.recipes.internal.TextPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.yaml.YamlParser;
import org.openrewrite.yaml.tree.Yaml;

/**
 * A Prefect 2 version held in a variable that a build argument, a pin or a Prefect image reads (a Makefile's
 * {@code PREFECT_VERSION ?= 2.14.3}, a script's (also an extensionless one known by its first line), a justfile's, a
 * Jenkinsfile's {@code environment { }} entry, a CI pipeline's {@code variables:}/{@code env:} entry or GitLab's
 * expanded {@code value:}, a {@code build-args:} line of {@code docker/build-push-action}, an env file that compose
 * reads for interpolation: the {@code .env} next to a compose file or one named with {@code --env-file}), or written as
 * a reference's inline default ({@code prefect==${PREFECT_VERSION:-2.14.3}}, also in compose files, and a whole
 * image as one, {@code image: ${PREFECT_IMAGE:-prefecthq/prefect:2.14.3-python3.11}}): the
 * Dockerfile's raised {@code ARG} default ({@link RaisePrefectVersionArgsInDockerfiles}) loses to it, so the value
 * takes the targeted release too. A whole image tag ({@code PREFECT_TAG=2.14.3-python3.11} read as
 * {@code prefecthq/prefect:${PREFECT_TAG}}) moves as the image would, keeping its Python unless the target no longer
 * ships it (then an unsafe fix), and so does a whole image ({@code IMAGE ?= prefecthq/prefect:2-python3.10} passed as
 * {@code --build-arg BASE_IMAGE=$(IMAGE)}, an env file's {@code PREFECT_IMAGE} read as {@code image: ${PREFECT_IMAGE}}).
 * An integration's version such a file pins or passes to a build with ({@code PREFECT_AWS_VERSION ?= 0.4.10} read as
 * {@code prefect-aws==$(PREFECT_AWS_VERSION)}) takes that integration's first Prefect 3 release
 * ({@link IntegrationVersionVariables}). Which values those are is the scan's definition ({@link PrefectVersionVariables});
 * only the value's characters change, so quotes, comments and layout stay. Compose files and the {@code --env-file}
 * options of the files running compose are gathered first: they decide which env file lines reach Prefect.
 */
public class RaisePrefectVersionVariables extends ScanningRecipe<RaisePrefectVersionVariables.ComposeProject> {
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF208");

    /** What compose reads: the compose files' texts by path, and the env files named with {@code --env-file}. */
    public static final class ComposeProject {
        /**
         * The texts of compose files by name and of YAML files with {@code services:} under other names, which are compose
         * files when the run names them ({@link ComposeFiles}): known once every file was scanned.
         */
        final Map<String, String> composeFiles = new ConcurrentHashMap<>();
        final Set<String> envFileOptions = ConcurrentHashMap.newKeySet();
        /** Which compose files read which env files (their directory's, -f beside --env-file, includes). */
        final ComposeProjectFiles.Links links = new ComposeProjectFiles.Links();
        /** The scripts and env files by path, which a script may read into itself ({@code . ./versions.env}). */
        final Map<String, String> sourceable = new ConcurrentHashMap<>();
        /** The shell scripts that read other files into themselves, by path. */
        final Map<String, String> sourcing = new ConcurrentHashMap<>();
        /** For each file scripts read into themselves, those scripts' texts; computed once every file was seen. */
        private Map<String, List<String>> readers;
        /** The run's YAML sources by path, which a GitLab pipeline may include whatever their names: printed if one does. */
        final Map<String, Yaml.Documents> yamlSources = new ConcurrentHashMap<>();
        /**
         * For each file of a GitLab pipeline (its own, or a local file it includes), the texts of every file of each
         * pipeline it runs in; computed once every file was seen.
         */
        private Map<String, List<List<String>>> pipelines;

        /**
         * The GitLab pipelines the file at {@code path} runs in, each as the texts of all its files, as the scan reads
         * them ({@link GitlabIncludes#pipelines}): a version set in one file reaches the install of a job in another.
         */
        synchronized List<List<String>> pipelinesOf(String path) {
            if (pipelines == null) {
                Map<String, String> own = new java.util.TreeMap<>();
                yamlSources.forEach((p, d) -> {
                    if (GitlabPipelines.isPipeline(p)) {
                        own.put(p, d.printAll());
                    }
                });
                Map<String, List<List<String>>> each = new java.util.HashMap<>();
                GitlabIncludes.pipelines(own, p -> own.containsKey(p) ? own.get(p)
                        : yamlSources.containsKey(p) ? yamlSources.get(p).printAll() : null).values()
                        .forEach(files -> files.keySet().forEach(p -> each.computeIfAbsent(p, k -> new ArrayList<>())
                                .add(List.copyOf(files.values()))));
                pipelines = each;
            }
            return pipelines.getOrDefault(path, List.of());
        }

        synchronized Map<String, List<String>> readers() {
            if (readers == null) {
                readers = SourcedFiles.readers(sourcing, sourceable::get);
            }
            return readers;
        }
    }

    @Override
    public String getDisplayName() {
        return "Raise Prefect version variables that builds and installs read to Prefect 3";
    }

    @Override
    public String getDescription() {
        return "Sets a Prefect 2 version held in a Makefile, shell script, justfile, Jenkinsfile, CI pipeline or env file "
                + "variable, or written as a reference's inline default (`${PREFECT_VERSION:-2.14.3}`), to the targeted "
                + "Prefect 3 release when a build argument, a pin or a Prefect image reads it "
                + "(`--build-arg PREFECT_VERSION=$(PREFECT_VERSION)`, `prefect==$PREFECT_VERSION`); a variable holding a "
                + "whole Prefect 2 image tag (`2.14.3-python3.11`) moves as the image would.";
    }

    @Override
    public ComposeProject getInitialValue(ExecutionContext ctx) {
        return new ComposeProject();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(ComposeProject project) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (tree instanceof SourceFile any) {
                    ComposeFiles.in(ctx).scan(any); // which files the run names as compose files, whatever their names
                }
                if (tree instanceof Yaml.Documents docs) {
                    project.yamlSources.put(path(docs), docs); // a GitLab pipeline may include it, whatever its name
                }
                String text = textOf(tree, null);
                if (text == null && tree instanceof Yaml.Documents d && mayBeCompose(d)) {
                    text = d.printAll(); // a compose file if something names it, known when editing
                }
                if (text == null) {
                    return tree;
                }
                SourceFile source = (SourceFile) tree;
                if (source instanceof Yaml.Documents && (PrefectVersionVariables.isCompose(path(source))
                        || ComposeFileIndex.mayBeNamed(path(source), text))) {
                    project.composeFiles.put(path(source), text);
                }
                project.envFileOptions.addAll(ComposeProjectFiles.envFileOptions(path(source), text));
                if (source instanceof PlainText && SourcedFiles.mayBeSourced(path(source))) {
                    project.sourceable.put(path(source), text);
                }
                if (PrefectVersionVariables.kindOf(path(source), text).filter(PrefectVersionVariables.Kind.SHELL::equals)
                        .isPresent() && !SourcedFiles.in(text).isEmpty()) {
                    project.sourcing.put(path(source), text);
                }
                project.links.add(path(source), text);
                return tree;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(ComposeProject project) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                String read = textOf(tree, ctx);
                // a file of a GitLab pipeline, whatever its name (ci/vars.yml), is read with the pipeline's other files
                List<List<String>> pipelines = tree instanceof Yaml.Documents d
                        ? project.pipelinesOf(path(d)) : List.of();
                String text = read == null && !pipelines.isEmpty() ? ((Yaml.Documents) tree).printAll() : read;
                if (text == null) {
                    return tree;
                }
                SourceFile source = (SourceFile) tree;
                String path = path(source);
                Optional<PrefectVersionVariables.Kind> kind = PrefectVersionVariables.kindOf(path, text);
                boolean env = kind.isPresent() && kind.get() == PrefectVersionVariables.Kind.ENV;
                // where the values are read: the compose files reading an env file, else the file itself
                Set<String> reading = env ? project.links.readers(path, project.composeFiles.keySet().stream()
                        .filter(c -> ComposeFiles.isCompose(java.nio.file.Path.of(c), ctx)).toList()) : Set.of();
                List<String> uses = env ? reading.stream().map(project.composeFiles::get).toList() : List.of(text);
                List<PrefectVersionVariables.Value> values = env
                        ? PrefectVersionVariables.readByCompose(path, project.envFileOptions)
                                ? PrefectVersionVariables.inEnvFile(text, uses) : List.of()
                        : PrefectVersionVariables.inFile(path, text, ComposeFiles.isCompose(source.getSourcePath(), ctx));
                // a GitLab file's values that a job anywhere in its pipeline hands to Prefect, as the scan reads them
                Set<Integer> ownStarts = new java.util.HashSet<>();
                values.forEach(v -> ownStarts.add(v.start()));
                if (!env && !pipelines.isEmpty()) {
                    java.util.TreeMap<Integer, PrefectVersionVariables.Value> all = new java.util.TreeMap<>();
                    values.forEach(v -> all.put(v.start(), v));
                    for (List<String> pipeline : pipelines) {
                        // the texts as scanned, and this file's as an earlier recipe may have left it
                        List<String> files = new ArrayList<>(pipeline);
                        files.add(text);
                        PrefectVersionVariables.inPipelineFile(text, files).forEach(v -> all.putIfAbsent(v.start(), v));
                    }
                    values = List.copyOf(all.values());
                    uses = java.util.stream.Stream.concat(java.util.stream.Stream.of(text),
                            pipelines.stream().flatMap(List::stream)).toList();
                }
                // a file scripts read into themselves (. ./versions.env): its values are used in those scripts
                List<String> scripts = project.readers().getOrDefault(path, List.of());
                Set<Integer> sourcedStarts = new java.util.HashSet<>();
                if (!scripts.isEmpty()) {
                    java.util.TreeMap<Integer, PrefectVersionVariables.Value> all = new java.util.TreeMap<>();
                    values.forEach(v -> all.put(v.start(), v));
                    PrefectVersionVariables.inSourcedFile(path, text, scripts).forEach(v -> {
                        if (all.putIfAbsent(v.start(), v) == null) {
                            sourcedStarts.add(v.start());
                        }
                    });
                    values = List.copyOf(all.values());
                    uses = java.util.stream.Stream.concat(uses.stream(), scripts.stream()).toList();
                }
                // an integration's version the file pins or passes to a build with (PREFECT_AWS_VERSION ?= 0.4.10)
                java.util.ArrayDeque<IntegrationVersionVariables.Value> integrations = new java.util.ArrayDeque<>(
                        env ? envIntegrations(project, path, text, PrefectVersionVariables.readByCompose(path, project.envFileOptions)
                                ? uses : List.of(), ctx) : IntegrationVersionVariables.inFile(path, text));
                // and those a script that reads this file into itself pins or passes to a build with (. ./versions.sh)
                if (!scripts.isEmpty()) {
                    java.util.TreeMap<Integer, IntegrationVersionVariables.Value> once = new java.util.TreeMap<>();
                    integrations.forEach(v -> once.put(v.start(), v));
                    IntegrationVersionVariables.inSourcedFile(path, text, scripts).forEach(v -> once.putIfAbsent(v.start(), v));
                    integrations = new java.util.ArrayDeque<>(once.values());
                }
                if (values.isEmpty() && integrations.isEmpty()) {
                    return tree;
                }
                boolean elsewhere = env || !scripts.isEmpty(); // the values are read by other files
                PrefectTarget target = PrefectTarget.from(ctx);
                List<MigrationNotes.Row> rows = new ArrayList<>();
                StringBuilder after = new StringBuilder(text);
                // from the end, so that earlier offsets stay valid
                for (int k = values.size() - 1; k >= 0; k--) {
                    PrefectVersionVariables.Value v = values.get(k);
                    raiseIntegrationsAfter(v.start(), integrations, text, path, after, rows, elsewhere);
                    RaisedPrefectVersion.Raise raise = RaisedPrefectVersion.of(v, target);
                    int line = TextPositions.lineOf(text, v.start());
                    if (raise.unsafe() && !FixSafety.unsafeAllowed(ctx)) {
                        rows.add(0, new MigrationNotes.Row(path, line, getName(), true, MigrationNotes.unsafeFixNotApplied(
                                "raise " + v.name() + " from " + v.version() + " to " + raise.value() + ": " + raise.note()),
                                "PF208"));
                        continue;
                    }
                    after.replace(v.start(), v.end(), raise.value());
                    String python = RaisedPrefectVersion.pythonLeftBelowFloor(v, uses, target);
                    if (python != null) {
                        rows.add(0, new MigrationNotes.Row(path, line, getName(), true, python, "PF208"));
                    }
                    rows.add(0, new MigrationNotes.Row(path, line, getName(), false, "raised " + (v.form()
                            == PrefectVersionVariables.Form.DEFAULT ? "the default of ${" + v.name() + "}" : v.name())
                            + " from " + v.version() + " to " + raise.value() + ": " + (sourcedStarts.contains(v.start())
                                    ? "a script that reads this file into itself hands it to a build argument, pin or "
                                            + "Prefect image" : !env && !ownStarts.contains(v.start())
                                    ? "a job of its GitLab pipeline (this file or one included with it) installs or runs "
                                            + "Prefect with it" : why(v, env))
                            + (raise.note() == null ? "" : "; " + raise.note())));
                }
                raiseIntegrationsAfter(-1, integrations, text, path, after, rows, elsewhere);
                Tree edited = after.toString().equals(text) ? tree : source instanceof PlainText p
                        ? p.withText(after.toString()) : reparsed((Yaml.Documents) source, after.toString());
                if (edited == null) {
                    return tree; // the edit would not read back as the same YAML: nothing is written
                }
                // lines of the text as received, which the engine maps onto the file as the later recipes leave it
                return MigrationNotes.visiting(path, () -> text, () -> {
                    rows.forEach(r -> notes.insertRow(ctx, r));
                    return edited;
                });
            }
        };
    }

    /**
     * The integration versions of an env file that compose hands on: the compose files reading it for interpolation
     * ({@code uses}, when it is read so) and those whose services load it with {@code env_file:}.
     */
    private static List<IntegrationVersionVariables.Value> envIntegrations(ComposeProject project, String path,
            String text, List<String> uses, ExecutionContext ctx) {
        List<String> readers = new ArrayList<>(uses);
        project.composeFiles.forEach((compose, composeText) -> {
            if (ComposeFiles.isCompose(java.nio.file.Path.of(compose), ctx)
                    && ComposeEnvFiles.loadedBy(compose, composeText).contains(path)) {
                readers.add(composeText);
            }
        });
        return IntegrationVersionVariables.inEnvFile(text, readers);
    }

    /**
     * Raises, from the last, the integration versions of {@code pending} that start after {@code offset} (all of them
     * for -1), so that they and the Prefect versions are edited from the end of the text together.
     */
    private void raiseIntegrationsAfter(int offset, java.util.ArrayDeque<IntegrationVersionVariables.Value> pending,
            String text, String path, StringBuilder after, List<MigrationNotes.Row> rows, boolean envOrSourced) {
        while (!pending.isEmpty() && pending.peekLast().start() > offset) {
            IntegrationVersionVariables.Value v = pending.pollLast();
            String raised = v.arg().raised();
            after.replace(v.start(), v.end(), raised);
            rows.add(0, new MigrationNotes.Row(path, TextPositions.lineOf(text, v.start()), getName(), false, "raised "
                    + v.name() + " from " + v.version() + " to " + raised + " (the first " + v.arg().integration()
                    + " release for Prefect 3): " + (envOrSourced ? "a compose file or script reading this file pins or "
                            + "passes it to a build" : "a pin or build argument of this file reads it")));
        }
    }

    /**
     * A text file's text, or a compose file's (also one named with {@code -f}, {@link ComposeFiles}; while scanning, one
     * that may be) or CI pipeline's (other YAML holds no such variable), else null.
     */
    private static String textOf(Tree tree, ExecutionContext ctx) {
        if (tree instanceof PlainText p) {
            return p.getText();
        }
        if (tree instanceof Yaml.Documents d && (PrefectVersionVariables.isCompose(path(d))
                || PrefectVersionVariables.kindOf(path(d), "").isPresent()
                || ctx != null && ComposeFiles.isCompose(d.getSourcePath(), ctx))) {
            return d.printAll();
        }
        return null;
    }

    /**
     * Whether a document's top-level mapping has {@code services:} or {@code include:}, as a compose file under another
     * name would (its includes read the env files it reads).
     */
    private static boolean mayBeCompose(Yaml.Documents docs) {
        return docs.getDocuments().stream().anyMatch(d -> d.getBlock() instanceof Yaml.Mapping m
                && m.getEntries().stream().anyMatch(e -> "services".equals(e.getKey().getValue())
                        || "include".equals(e.getKey().getValue())));
    }

    private static String why(PrefectVersionVariables.Value v, boolean envFile) {
        return switch (v.form()) {
            case BUILD_ARGUMENT -> "the image build reads it in place of the Dockerfile's own ARG default";
            case DEFAULT -> v.image() ? "it is the image that runs wherever the variable is unset"
                    : "it is the version wherever the variable is unset";
            case VARIABLE -> envFile ? "a compose file reading it passes it to an image build or a Prefect image"
                    : v.image() ? "it is a prefecthq/prefect image this file uses"
                    : v.tag() ? "it is the tag of a prefecthq/prefect image this file uses"
                    : "a build argument, pin or Prefect image of this file reads it";
        };
    }

    /** The documents with {@code text} as their content, or null when it does not parse back to exactly that text. */
    private static Yaml.Documents reparsed(Yaml.Documents documents, String text) {
        List<SourceFile> parsed = YamlParser.builder().build().parse(new InMemoryExecutionContext(t -> { }), text).toList();
        if (parsed.size() != 1 || !(parsed.get(0) instanceof Yaml.Documents docs) || !docs.printAll().equals(text)) {
            return null;
        }
        return documents.withDocuments(docs.getDocuments());
    }

    private static String path(SourceFile source) {
        return source.getSourcePath().toString().replace('\\', '/');
    }
}
