package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.python.PrefectDeploymentDetector;
import dev.migrate.analyzers.sources.python.PythonModule;
import dev.migrate.analyzers.sources.python.SavedBlockResolver;
import dev.migrate.analyzers.sources.python.SavedBlocks;
import dev.migrate.recipes.python.PrefectBlocks;
import dev.migrate.recipes.internal.RunIndexScanner;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.rewriters.python.PythonFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.openrewrite.ExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.TreeVisitor;

/**
 * The blocks the run's scripts save by name ({@code DockerContainer(image=...).save("etl-docker")} in
 * blocks/create_blocks.py), as the scan reads them ({@link SavedBlocks}): a deployment script that loads one by name
 * elsewhere ({@code DockerContainer.load("etl-docker")}) is converted with the settings it was saved with when they are
 * certain. Every file is offered while the run scans; only Python files whose words may save a Prefect block are kept,
 * and they are read when a recipe first asks, once all were seen. The deployments that load a saved block are the
 * Python ones and, when the run converts command lines, the {@code prefect deployment build -ib slug/name} lines
 * (whose conversion passes the block's settings as {@code --job-variable} flags).
 *
 * <p>One index per run, shared by the recipes (kept in the execution context).
 */
public final class SavedBlockIndex {
    private static final String CONTEXT_KEY = "dev.migrate.recipes.prefect2.SavedBlockIndex";
    /** The packages whose block classes the index reads: a file importing none of them saves none. */
    private static final String[] PACKAGES = {"prefect", "prefect_aws", "prefect_gcp", "prefect_azure"};

    /** The 2.x pool a command line names when it names none, which its conversion treats as no pool. */
    private static final String AGENT_POOL = "default-agent-pool";

    /**
     * The source offered last: OpenRewrite hands one file to every scanning recipe in turn (about a dozen share this
     * index), so the same tree again is decided already, by identity, before any path or word is looked at.
     */
    private SourceFile last;
    /** Python sources already decided, by tree id (a later cycle's edit of a file keeps its id; a new file has its own). */
    private final Set<UUID> seen = new HashSet<>();
    private final List<PythonFile> offered = new ArrayList<>();
    /** Python files that may build a deployment loading a block by name, until {@link #loaders} reads them. */
    private final List<PythonFile> deploying = new ArrayList<>();
    private SavedBlocks saved;
    /** The places of the Python deployments loading each {@code "slug/name"}, as the scan reads them. */
    private Map<String, List<String>> loaders;
    /** The run's 2.x deployments as the scan's detectors read them, when the run converts command lines; else null. */
    private Supplier<List<Job>> commandLines;
    /** The places of the converted command lines loading each {@code "slug/name"} ({@code Makefile:4}). */
    private Map<String, List<String>> commandLoaders;

    private SavedBlockIndex() {
    }

    /** The run's index, made on first use. */
    public static SavedBlockIndex in(ExecutionContext ctx) {
        return ctx.computeMessageIfAbsent(CONTEXT_KEY, k -> new SavedBlockIndex());
    }

    /** A scanner for a recipe's scanning phase: offers each source file to the index. */
    public static TreeVisitor<?, ExecutionContext> scanner() {
        return RunIndexScanner.offering((ctx, source) -> in(ctx).scan(source));
    }

    /** Keeps a Python file (once) whose words say it may save a block: read from the module's words, not printed. */
    public synchronized void scan(SourceFile source) {
        if (source == last) {
            return;
        }
        last = source;
        if (saved != null || !(source instanceof PythonFile py) || py.hasSyntaxErrors() || !seen.add(py.getId())) {
            return;
        }
        if (PythonCode.mentions(py, "save") && PythonCode.mentions(py, PACKAGES)) {
            offered.add(py);
        }
        if (loaders == null && PythonCode.mentions(py, "Deployment") && PythonCode.mentions(py, "load")) {
            deploying.add(py);
        }
    }

    /**
     * Says that the run converts 2.x command lines ({@code prefect deployment build}), whose deployments
     * {@code deployments} gives (once every file was offered): those naming a saved block with {@code -ib} load it too.
     */
    public synchronized void convertsCommandLines(Supplier<List<Job>> deployments) {
        if (commandLines == null) {
            commandLines = deployments;
        }
    }

    /**
     * What a {@code "slug/name"} load finds among the run's saves, as the conversions may use it: a save naming an enum
     * member with no Prefect 3 value ({@code SomeEnum.X} of the saving script's imports, which the deployment's file
     * does not have) cannot be copied, and says so.
     */
    public synchronized SavedBlocks.Lookup find(String reference) {
        SavedBlocks.Lookup found = saved().find(reference);
        Optional<String> foreign = found.usable().flatMap(s -> s.fields().entrySet().stream()
                .filter(e -> e.getValue().member() != null && PrefectBlocks.get().enumValue(e.getValue().member()).isEmpty())
                .map(e -> e.getKey() + " is " + e.getValue().text()).findFirst());
        if (foreign.isPresent()) {
            return new SavedBlocks.Lookup(found.block(), "the save at " + found.block().orElseThrow().place()
                    + " sets a value with no Prefect 3 spelling here (" + foreign.get() + ")");
        }
        // a literal secret (env={"DB_PASSWORD": "..."}) stays in the one script that holds it, never copied to another
        Optional<String> secret = found.usable().flatMap(s -> s.fields().entrySet().stream()
                .filter(e -> !Redactor.redactSource(e.getKey() + "=" + e.getValue().text(), true)
                        .equals(e.getKey() + "=" + e.getValue().text()))
                .map(Map.Entry::getKey).findFirst());
        return secret.isEmpty() ? found : new SavedBlocks.Lookup(found.block(), "the save at "
                + found.block().orElseThrow().place() + " writes a secret in its " + secret.get()
                + ", which is not copied into another script: pass it from a Secret block or the environment");
    }

    /**
     * The deployments of the run that load the infrastructure block {@code "slug/name"} by name, as the scan's detectors
     * read them: the Python ones ({@code deployments/deploy.py:9}) and the converted command lines
     * ({@code Makefile:4}); read on the first question.
     */
    synchronized Loaders loaders(String reference) {
        if (loaders == null) {
            loaders = new HashMap<>();
            PrefectDeploymentDetector detector = new PrefectDeploymentDetector();
            InventorySink sink = new InventorySink() {
                @Override
                public void job(Job job) {
                    String r = job.attributes().get(SavedBlockResolver.INFRASTRUCTURE_REFERENCE);
                    if (r != null) {
                        loaders.computeIfAbsent(r, k -> new ArrayList<>()).add(place(job));
                    }
                }

                @Override
                public void finding(Finding finding) {
                }
            };
            for (PythonFile py : deploying) {
                ScanFile file = scanFile(py);
                if (detector.accepts(file) && detector.prefilter().passes(file.path(), file.text())) {
                    PythonModule.parsed(file, py);
                    detector.detect(file, sink);
                }
            }
            detector.finish(sink);
            deploying.clear();
        }
        if (commandLoaders == null) {
            commandLoaders = new HashMap<>();
            for (Job job : commandLines == null ? List.<Job>of() : commandLines.get()) {
                commandReference(job).ifPresent(r -> commandLoaders.computeIfAbsent(r, k -> new ArrayList<>()).add(place(job)));
            }
        }
        return new Loaders(places(loaders, reference), places(commandLoaders, reference));
    }

    /**
     * The {@code "slug/name"} a 2.x command line's {@code -ib} names (or the value of the variable it names), when its
     * conversion gives the deployment that block's settings: a build naming a pool of its own ({@code -p}) keeps it and
     * takes none. The scan's reading of the line, as its saved-block resolver reads it.
     */
    private static Optional<String> commandReference(Job job) {
        Map<String, String> a = job.attributes();
        String value = a.getOrDefault("infrastructureValue", a.get("infrastructure"));
        String pool = a.get("workPool");
        if (job.source().path().endsWith(".py") || value == null || !value.contains("/")
                || pool != null && !pool.isEmpty() && !pool.equals(AGENT_POOL)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static String place(Job job) {
        return job.source().path() + ":" + job.source().line();
    }

    private static List<String> places(Map<String, List<String>> byReference, String reference) {
        return byReference.getOrDefault(reference, List.of()).stream().distinct().sorted().toList();
    }

    /**
     * The deployments loading one saved block by name: Python deployments, whose conversion passes every setting the
     * pool takes, and converted command lines, which pass the block's {@code image}, {@code env}, {@code namespace}
     * and {@code image_pull_policy} as {@code --job-variable} flags.
     */
    record Loaders(List<String> scripts, List<String> commandLines) {
        static final Loaders NONE = new Loaders(List.of(), List.of());

        boolean isEmpty() {
            return scripts.isEmpty() && commandLines.isEmpty();
        }
    }

    private static ScanFile scanFile(PythonFile py) {
        return new ScanFile(py.getSourcePath().normalize().toString().replace('\\', '/'), py.text());
    }

    /** The saves of the run's files, read on the first question (every file was offered by then). */
    private synchronized SavedBlocks saved() {
        if (saved == null) {
            saved = new SavedBlocks();
            for (PythonFile py : offered) {
                ScanFile file = scanFile(py);
                PythonModule.parsed(file, py); // the run's tree, not parsed again
                saved.add(PythonModule.parse(file));
            }
            offered.clear();
        }
        return saved;
    }
}
