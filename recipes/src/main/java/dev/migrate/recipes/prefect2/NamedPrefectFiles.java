package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.config.ComposeCommands;
import dev.migrate.analyzers.sources.config.MakeIncludes;
import dev.migrate.analyzers.sources.config.PrefectCliLineDetector;
import dev.migrate.analyzers.sources.config.PrefectProjectFiles;
import dev.migrate.recipes.internal.RunIndexScanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openrewrite.ExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The deployment files of the run that a {@code prefect deploy --prefect-file FILE} names under a name of its own
 * ({@code deploy/deployments.yaml}): Prefect reads any name there, and the scan reports such a file's Prefect 2 keys,
 * so the prefect.yaml recipes edit it too. Which files are named, and where each command runs, is the scan's own
 * reading ({@link PrefectCliLineDetector#namedPrefectFiles}), over the run's files: the recipes offer every file while
 * scanning, and only those that can name one (their text holds {@code --prefect-file}), give variables to one that
 * does (an env file, a script, a {@code .mk} file it may read in), or be one (a YAML file with a top-level key of a
 * project file, {@link PrefectProjectFiles#SHAPE_KEYS}) are kept. The detector reads them when a recipe first asks about a file that could
 * be named, once all were seen: a run without such a file never reads its commands.
 *
 * <p>The same pass keeps, by directory, the deployment names each directory's prefect.yaml will hold once the rewrite
 * ran ({@link #deploymentsAfterRewrite}): its own entries, the 2.x build outputs ConvertDeploymentYamlToPrefectYaml
 * moves into it (creating it where there is none) and the deployments of a 2.10 project's deployment.yaml that
 * MoveProjectDeploymentYamlIntoPrefectYaml moves there. A {@code prefect deploy} the command-line recipes write reads
 * that file ({@code OnlyEntryDeploys}).
 *
 * <p>One index per run, shared by the recipes (kept in the execution context).
 */
public final class NamedPrefectFiles {
    private static final String CONTEXT_KEY = "dev.migrate.recipes.prefect2.NamedPrefectFiles";
    /** The option the scan reads the file from; a file without it names none. */
    private static final String OPTION = "--prefect-file";

    /** Sources already offered (several recipes scan the same files). */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    /** Files that may name a deployment file, and files that may be one, until {@link #named} reads them. */
    private final List<ScanFile> commands = new ArrayList<>();
    private final List<ScanFile> deploymentFiles = new ArrayList<>();
    private Set<String> named;
    /** By directory ("" the root): the names of its prefect.yaml's entries, in file order. */
    private final Map<String, List<String>> prefectYamlEntries = new HashMap<>();
    /** By directory: the deployments of the 2.x build outputs there. */
    private final Map<String, List<String>> buildOutputs = new HashMap<>();
    /** By directory: the deployments of a 2.10 project's deployment.yaml there. */
    private final Map<String, List<String>> projectEntries = new HashMap<>();
    /** The directories with a prefect.yml. */
    private final Set<String> prefectYml = new java.util.HashSet<>();
    /** The directories whose prefect.yaml is a mapping at its top, which a {@code deployments:} list can be added to. */
    private final Set<String> mappingRoot = new java.util.HashSet<>();
    /**
     * By Python file: the deployments MoveDeploymentScriptsToPrefectYaml moves from it into the root prefect.yaml, as
     * that recipe's scanning phase found them (a run of the prefect-yaml style only).
     */
    private final Map<String, List<String>> movedFromScripts = new java.util.TreeMap<>();

    private NamedPrefectFiles() {
    }

    /** The run's index, made on first use. */
    public static NamedPrefectFiles in(ExecutionContext ctx) {
        return ctx.computeMessageIfAbsent(CONTEXT_KEY, k -> new NamedPrefectFiles());
    }

    /** A scanner for a recipe's scanning phase: offers each source file to the index. */
    public static TreeVisitor<?, ExecutionContext> scanner() {
        return RunIndexScanner.offering((ctx, source) -> in(ctx).scan(source));
    }

    /**
     * Keeps one file (once, whichever recipe offers it first) when it may name a deployment file or be one. A YAML
     * file is printed only then: a CI pipeline or a step template by its path or keys, a deployment file by its key.
     */
    public void scan(SourceFile source) {
        if (!(source instanceof PlainText) && !(source instanceof Yaml.Documents)) {
            return; // Python and the other formats hold no command the scan reads
        }
        String path = path(source.getSourcePath());
        if (!seen.add(path)) {
            return;
        }
        if (source instanceof PlainText plain) {
            if (plain.getText().contains(OPTION)) {
                keep(commands, new ScanFile(path, plain.getText()));
            } else if (MakeIncludes.mayBeIncluded(path)) {
                // an env file or script a command's file reads its variables from (`-include .env`, `. ./env.sh`)
                keep(commands, new ScanFile(path, plain.getText()));
            }
        } else if (source instanceof Yaml.Documents docs) {
            keepEntries(path, docs);
            boolean deployments = mayBeDeploymentFile(docs);
            // a pipeline by its path, an Azure step template by its keys: where a CI step's command may stand
            boolean steps = ComposeCommands.runsCommands(path, "") || hasTopLevelKey(docs, Set.of("steps", "jobs", "stages"));
            if (!deployments && !steps) {
                return;
            }
            String text = docs.printAll();
            if (deployments) {
                keep(deploymentFiles, new ScanFile(path, text));
            } else if (text.contains(OPTION)) {
                keep(commands, new ScanFile(path, text));
            }
        }
    }

    /**
     * Keeps what a file adds to its directory's prefect.yaml after the rewrite: a prefect.yaml's own entries (a
     * prefect.yml is only where ConvertDeploymentYamlToPrefectYaml would put build outputs), a 2.x build output's
     * deployment ({@link DeploymentYamlEntry#isBuildOutput}), a 2.10 deployment.yaml's. Only such files are printed.
     */
    private void keepEntries(String path, Yaml.Documents docs) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        if (name.equals("prefect.yml")) {
            synchronized (this) {
                prefectYml.add(dir);
            }
            return;
        }
        boolean prefectYaml = name.equals("prefect.yaml");
        boolean project = name.equals("deployment.yaml") || name.equals("deployment.yml");
        if (!prefectYaml && !project && !hasTopLevelKey(docs, Set.of("flow_name"))) {
            return;
        }
        Object doc;
        try {
            doc = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                    new org.yaml.snakeyaml.LoaderOptions())).load(docs.printAll());
        } catch (RuntimeException e) {
            doc = null; // not YAML Prefect could read either: no entry
        }
        Map<?, ?> root = doc instanceof Map<?, ?> m ? m : Map.of();
        List<String> names = new ArrayList<>();
        if (root.get("deployments") instanceof List<?> entries) {
            entries.stream().filter(e -> e instanceof Map<?, ?>).map(e -> ((Map<?, ?>) e).get("name"))
                    // "" for an unnamed entry (`name: null`, `~`, blank), which no other entry's name clashes with
                    .map(n -> n == null ? "" : String.valueOf(n).strip()).forEach(names::add);
        }
        synchronized (this) {
            if (prefectYaml) {
                prefectYamlEntries.put(dir, names);
                if (doc instanceof Map<?, ?>) {
                    mappingRoot.add(dir);
                }
            } else if (project && root.size() == 1 && !names.isEmpty()) {
                // only `deployments:` in it (2.10's template): the file MoveProjectDeploymentYamlIntoPrefectYaml moves
                projectEntries.put(dir, names);
            } else if (DeploymentYamlEntry.isBuildOutput(root) && root.get("name") != null) {
                buildOutputs.computeIfAbsent(dir, d -> new ArrayList<>()).add(String.valueOf(root.get("name")));
            }
        }
    }

    /**
     * The deployment names the prefect.yaml of {@code directory} ("" the root) holds once the rewrite ran, over the
     * files offered so far (all of them, once the run edits); empty when it holds none or there is none. The build
     * outputs go to the directory's prefect.yaml, created where there is none (unless a prefect.yml takes them); a
     * deployment.yaml joins an existing prefect.yaml when none of its names is there already (else a person decides).
     * The deployments of Python scripts MoveDeploymentScriptsToPrefectYaml moves go to the root's: appended to its
     * {@code deployments:} (added where it has none), or in the file it creates where the root has neither prefect.yaml
     * nor prefect.yml; none move where the root's prefect.yaml is not a mapping.
     */
    public synchronized List<String> deploymentsAfterRewrite(String directory) {
        List<String> own = prefectYamlEntries.get(directory);
        List<String> names = new ArrayList<>(own == null ? List.of() : own);
        if (own != null || !prefectYml.contains(directory)) {
            names.addAll(buildOutputs.getOrDefault(directory, List.of()));
        }
        if (directory.isEmpty() && (own == null ? !prefectYml.contains("") : mappingRoot.contains(""))) {
            movedFromScripts.values().forEach(names::addAll);
        }
        List<String> project = projectEntries.get(directory);
        if (own != null && project != null && project.stream().filter(n -> !n.isEmpty()).noneMatch(own::contains)) {
            names.addAll(project);
        }
        return List.copyOf(names);
    }

    /**
     * The deployments MoveDeploymentScriptsToPrefectYaml moves from the Python file at {@code sourcePath} into the root
     * prefect.yaml, in source order: told by that recipe's scanning phase, once per file (a later cycle, which finds
     * them moved already, changes nothing).
     */
    public synchronized void movesFromScript(Path sourcePath, List<String> deployments) {
        if (!deployments.isEmpty()) {
            movedFromScripts.putIfAbsent(path(sourcePath), List.copyOf(deployments));
        }
    }

    /**
     * The prefect.yaml MoveDeploymentScriptsToPrefectYaml creates to hold the moved deployments: never read as a file of
     * the tree (its entries are those deployments, counted already), whenever a recipe offers it.
     */
    public void createdFromScripts(Path sourcePath) {
        seen.add(path(sourcePath));
    }

    /** Files scanned on several threads are kept under the index's lock, unless the commands were already read. */
    private synchronized void keep(List<ScanFile> files, ScanFile file) {
        if (named == null) {
            files.add(file);
        }
    }

    /**
     * Whether a {@code --prefect-file} of the run names the file at {@code sourcePath}. The commands are read on the
     * first question, over every file offered (all of them, once the run edits).
     */
    synchronized boolean isNamed(Path sourcePath) {
        if (named == null) {
            named = deploymentFiles.isEmpty() || commands.stream().noneMatch(f -> f.text().contains(OPTION)) ? Set.of() : read();
            commands.clear();
            deploymentFiles.clear();
        }
        return named.contains(path(sourcePath));
    }

    /**
     * Whether a YAML file could be a named deployment file: its root mapping has one of the keys a project file's shape
     * is told by ({@link PrefectProjectFiles#SHAPE_KEYS}); the scan's reading then tells by the text.
     */
    static boolean mayBeDeploymentFile(Yaml.Documents docs) {
        return hasTopLevelKey(docs, PrefectProjectFiles.SHAPE_KEYS);
    }

    private Set<String> read() {
        PrefectCliLineDetector detector = new PrefectCliLineDetector();
        InventorySink none = new InventorySink() {
            @Override
            public void job(Job job) {
            }

            @Override
            public void finding(Finding finding) {
            }
        };
        // as the scan hands them files: what the detector's prefilter passes over it never reads
        for (List<ScanFile> files : List.of(commands, deploymentFiles)) {
            for (ScanFile f : files) {
                if (detector.accepts(f) && detector.prefilter().passes(f.path(), f.text())) {
                    detector.detect(f, none);
                }
            }
        }
        detector.finish(none);
        return detector.namedPrefectFiles();
    }

    private static boolean hasTopLevelKey(Yaml.Documents docs, Set<String> keys) {
        for (Yaml.Document d : docs.getDocuments()) {
            if (d.getBlock() instanceof Yaml.Mapping m
                    && m.getEntries().stream().anyMatch(e -> keys.contains(e.getKey().getValue()))) {
                return true;
            }
        }
        return false;
    }

    private static String path(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }
}
