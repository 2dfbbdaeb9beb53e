package dev.migrate.recipes.prefectcli;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.config.DeploymentYamlDetector;
import dev.migrate.analyzers.sources.config.GitlabIncludes;
import dev.migrate.analyzers.sources.config.GitlabPipelines;
import dev.migrate.analyzers.sources.config.MakeIncludes;
import dev.migrate.analyzers.sources.config.PrefectCliLineDetector;
import dev.migrate.analyzers.sources.config.QueuePools;
import dev.migrate.analyzers.sources.python.PrefectDeploymentDetector;
import dev.migrate.analyzers.sources.python.PythonModule;
import dev.migrate.recipes.internal.RunIndexScanner;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.rewriters.python.PythonFile;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.openrewrite.ExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;

/**
 * The Prefect 2 deployments of a run, by work queue, with the work pool each moves to ({@link QueuePools}), as the
 * scan's detectors read them: a deployment built in a Makefile or a CI step ({@code prefect deployment build ... -q etl
 * -ib docker-container/etl-runner}), a Python {@code Deployment.build_from_flow(..., work_queue_name="etl",
 * infrastructure=...)}, a 2.x deployment file. The recipes turning agents into workers (compose services, systemd
 * units, scripts) read it, so that a worker serves the pool the deployments of its agent's queues were moved to. Every
 * file is offered while the run scans; the detectors read them when a recipe first asks, once all were seen.
 *
 * <p>One index per run, shared by every recipe that asks (kept in the execution context).
 */
public final class DeploymentQueues {
    private static final String CONTEXT_KEY = "dev.migrate.recipes.prefectcli.DeploymentQueues";

    private final List<Detector> detectors = List.of(new PrefectCliLineDetector(), new DeploymentYamlDetector(),
            new PrefectDeploymentDetector());
    /** The words without one of which the Python detector reads no file. */
    private static final String[] PYTHON_WORDS = new PrefectDeploymentDetector().prefilter().keywords().toArray(String[]::new);
    private final List<Job> deployments = new ArrayList<>();
    /**
     * The source offered last: OpenRewrite hands one file to every scanning recipe in turn (about a dozen share this
     * index), so the same tree again is decided already, by identity.
     */
    private SourceFile last;
    /** Sources already offered, by tree id (a later cycle's edit of a file keeps its id; a new file has its own). */
    private final Set<UUID> seen = new HashSet<>();
    /** The files offered that may hold a deployment or a variable one reads, until {@link #pools} reads them. */
    private final List<SourceFile> offered = new ArrayList<>();
    private QueuePools pools;
    /** The texts of the files read that are no Python, by path: where their commands run is read from them. */
    private final java.util.Map<String, String> commandTexts = new java.util.HashMap<>();

    private DeploymentQueues() {
    }

    /** The run's index, made on first use. */
    public static DeploymentQueues in(ExecutionContext ctx) {
        return ctx.computeMessageIfAbsent(CONTEXT_KEY, k -> new DeploymentQueues());
    }

    /** A scanner for a recipe's scanning phase: offers each source file to the index. */
    public static TreeVisitor<?, ExecutionContext> scanner() {
        return RunIndexScanner.offering((ctx, source) -> in(ctx).scan(source));
    }

    /**
     * Keeps one file of the run (once, whichever recipe offers it first) for {@link #pools}: a Python file only when its
     * words say it may build a deployment (read from the module's words, not printed: most files of a run are Python
     * without deployments).
     */
    public synchronized void scan(SourceFile source) {
        if (source == last) {
            return;
        }
        last = source;
        if (pools != null || !seen.add(source.getId())) {
            return;
        }
        if (source instanceof PythonFile py && !(PythonCode.mentions(py, "Deployment") && PythonCode.mentions(py, PYTHON_WORDS))) {
            return;
        }
        offered.add(source);
    }

    /**
     * The pools of the deployments of each queue, over every file offered so far (all of them, once the run edits). The
     * detectors read the files only now: a run without an agent to turn into a worker never asks.
     */
    public synchronized QueuePools pools() {
        if (pools == null) {
            offered.forEach(this::read);
            offered.clear();
            detectors.forEach(d -> d.finish(sink()));
            pools = QueuePools.of(deployments);
        }
        return pools;
    }

    /** The run's 2.x deployments, as the scan's detectors read them from every file offered (read on first use). */
    public synchronized List<Job> deployments() {
        pools();
        return List.copyOf(deployments);
    }

    /**
     * The text of a file {@link #deployments} read that is no Python ({@code path} as a job's source names it), or null:
     * a command's directory is read from its file's lines.
     */
    public synchronized String commandText(String path) {
        pools();
        return commandTexts.get(path);
    }

    private void read(SourceFile source) {
        String path = source.getSourcePath().normalize().toString().replace('\\', '/');
        String text = source instanceof PlainText plain ? plain.getText() : source.printAll();
        // a 2.x deployment is the Deployment class in Python, a `prefect deployment build` command elsewhere, or a
        // build output's work_queue_name: other files are not parsed again, except the env files and scripts a
        // Makefile may include or a script source (-ib $(INFRA) with INFRA set in .env), whose variables the
        // command-line detector reads when it finishes
        boolean python = path.endsWith(".py");
        // a GitLab pipeline that includes local files too: the build lines of a file it includes (ci/build.yml) run in
        // its jobs, and are read as its, whatever the pipeline's own words
        boolean including = GitlabPipelines.isPipeline(path) && !GitlabIncludes.locals(text).isEmpty();
        if (python ? !text.contains("Deployment")
                : !text.contains("work_queue_name") && !(text.contains("deployment") && text.contains("build"))
                && !MakeIncludes.mayBeIncluded(path) && !including) {
            return;
        }
        ScanFile file = new ScanFile(path, text);
        if (!python) {
            commandTexts.put(path, text);
        }
        if (source instanceof PythonFile py) {
            PythonModule.parsed(file, py); // the Python detector reads the run's tree instead of parsing the text again
        }
        for (Detector d : detectors) {
            // as the scan hands them files: what a detector's prefilter passes over it never reads
            if (d.accepts(file) && d.prefilter().passes(path, text)) {
                d.detect(file, sink());
            }
        }
    }

    private InventorySink sink() {
        return new InventorySink() {
            @Override
            public void job(Job job) {
                if (job.kind() == JobKind.PREFECT2_DEPLOYMENT) {
                    deployments.add(job);
                }
            }

            @Override
            public void finding(Finding finding) {
            }
        };
    }
}
