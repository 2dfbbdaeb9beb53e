package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BHV008: a sync flow that calls an {@code async def} task directly, one of its module or one it imports from another
 * module of the project ({@code from .tasks import fetch}, {@code t.fetch(url)} with {@code from . import tasks as
 * t}). Prefect 2 ran the call; Prefect 3 returns an un-awaited coroutine, so the task never runs. {@code .submit} and
 * {@code .map} are not flagged: Prefect 3's task runners run async tasks from sync flows. The project's tasks are
 * known once every file has been seen ({@link ProjectTaskIndex}, as the rewrite knows them), so a call of an imported
 * name is decided in {@link #finish}; a name nobody can trace to a task of the project is never one.
 */
public final class AsyncTaskInSyncFlowDetector extends PythonDetector {
    private final ProjectTaskIndex project = new ProjectTaskIndex();
    /** Calls of imported names that may be async tasks of another module (guarded by this detector). */
    private final List<Pending> pending = new ArrayList<>();

    /** A call of {@code ref} in a sync flow of the module at {@code path}, whose imports say where ref comes from. */
    private record Pending(String path, Imports imports, String flow, String ref, SourceRef at) {
    }

    public AsyncTaskInSyncFlowDetector() {
        // packages' __init__.py re-export tasks without naming Prefect (from .tasks import fetch)
        super("prefect-async-task-in-sync-flow", null,
                Prefilter.keywords("prefect").orPath(ProjectTaskIndex::isPackageInit));
    }

    /** Modules without Prefect that a re-export goes through are read when the index follows it, and only then. */
    @Override
    public void scanning(Path base) {
        project.readUnrecordedWith(new UnscannedModules(base));
    }

    @Override
    public void listed(String path) {
        if (path.endsWith(".py")) {
            project.listed(path);
        }
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        ModuleFacts facts = project.record(m.file().path(), m.root(), m.imports());
        if (!m.imports().uses("prefect")) {
            return;
        }
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            Definitions flow = new Definitions(def);
            if (flow.isAsync() || !decoratedWith(m, def, "prefect.flow")) {
                continue;
            }
            Set<String> locals = PythonScopes.localNames(flow);
            Map<String, Boolean> own = TaskRefs.visible(facts.tasks(), locals);
            for (Node c : AsyncTaskCalls.in(flow.body(), ref -> own.containsKey(ref)
                    || TaskRefs.mayBeImported(ref, m.imports(), facts.ownNames(), locals))) {
                String ref = AsyncTaskCalls.callee(c);
                if (own.containsKey(ref)) {
                    if (own.get(ref)) {
                        report(sink, flow.name(), ref, null, m.at(c));
                    }
                } else {
                    synchronized (this) {
                        pending.add(new Pending(m.file().path(), m.imports(), flow.name(), ref, m.at(c)));
                    }
                }
            }
        }
    }

    @Override
    public synchronized void finish(InventorySink sink) {
        pending.sort(Comparator.comparing(Pending::at));
        for (Pending p : pending) {
            ProjectTaskIndex.Task task = project.importedBy(p.path(), p.imports()).get(p.ref());
            if (task != null && task.async()) {
                report(sink, p.flow(), p.ref(), task.path(), p.at());
            }
        }
        pending.clear();
    }

    private static void report(InventorySink sink, String flow, String task, String home, SourceRef at) {
        sink.finding(Findings.of("BHV008", "sync flow " + flow + " calls async task " + task
                + (home == null ? "" : " (" + home + ")") + " directly; Prefect 3 returns a coroutine there and never "
                + "runs it", at, null));
    }

    /** Whether a decorator of {@code def} is {@code qualified} ({@code @task} or {@code @task(...)}, through any alias). */
    private static boolean decoratedWith(PythonModule m, Node def, String qualified) {
        return new Definitions(def).decorators().stream().map(m::nameOf).anyMatch(qualified::equals);
    }
}
