package dev.migrate.recipes.python;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.ModulePaths;
import dev.migrate.rewriters.python.tree.Node;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * The task functions of every Python module of a run, and which of them each module imports: real projects define
 * tasks in {@code tasks.py} or a package and import them into their flow modules ({@code from pipelines.tasks import
 * load}, {@code from . import tasks as t}). Every Python file is recorded while the run scans (a map entry, no walk);
 * the modules' tasks are read only when a recipe first asks about a file that imports Prefect, so a run over files
 * without Prefect costs nothing more. Modules are found from paths as {@link ModulePaths} reads them (relative
 * imports from the importer's package, absolute ones by the one file whose path ends so, else the importer's
 * sibling): an import that does not resolve to a project file is never taken for a task.
 *
 * <p>One instance per run, shared by every recipe that asks (kept in the execution context).
 */
public final class ProjectTasks {
    private static final String CONTEXT_KEY = "dev.migrate.recipes.python.ProjectTasks";
    /** Re-exports followed ({@code pkg/__init__.py} importing from {@code .tasks}), at most this deep. */
    private static final int MAX_HOPS = 4;

    /** A task function: its name, the project file that defines it, and whether it is {@code async def}. */
    public record Task(String name, String path, boolean async) {
    }

    /** Every Python file's path (a module that does not parse still makes another of the same name ambiguous). */
    private final Set<String> paths = new HashSet<>();
    private final Map<String, PythonFile> files = new HashMap<>();
    /** Lazily: path to the module-level tasks it defines, by name (files that define none are absent). */
    private Map<String, Map<String, Task>> defined;
    /** Lazily: every task name of the project, and the stems of the modules that define tasks (a cheap first filter). */
    private Set<String> taskNames;
    private Set<String> homeStems;
    private final Map<String, Map<String, Task>> importedBy = new HashMap<>();
    /** Module names already resolved, by the importer's directory and the name (which is all a resolution reads). */
    private final Map<String, Optional<String>> resolved = new HashMap<>();

    /** The run's index, made on first use. */
    public static ProjectTasks in(ExecutionContext ctx) {
        return ctx.computeMessageIfAbsent(CONTEXT_KEY, k -> new ProjectTasks());
    }

    /** Records a file of the run (a later version of the same path replaces the earlier one). */
    public synchronized void record(PythonFile file) {
        boolean added = paths.add(path(file));
        if (file.hasSyntaxErrors() ? added : files.put(path(file), file) != file) {
            defined = null;
            importedBy.clear();
            resolved.clear();
        }
    }

    /**
     * The tasks {@code file} imports from modules of the project, by the name or dotted name its code reaches them
     * with: {@code load} ({@code from pipelines.tasks import load}, or {@code import ... as} another name), {@code
     * t.load} ({@code from . import tasks as t}), {@code pipelines.tasks.load} ({@code import pipelines.tasks}), the
     * names of a star import. Read from the file as the run scanned it; which names the module binds otherwise is
     * the caller's to check ({@link PrefectFunctions#taskRefs}).
     */
    public synchronized Map<String, Task> importedBy(PythonFile file) {
        String path = path(file);
        PythonFile scanned = files.getOrDefault(path, file);
        return importedBy.computeIfAbsent(path, p -> resolveImports(p, scanned));
    }

    private Map<String, Task> resolveImports(String path, PythonFile file) {
        Imports imports = Imports.of(file.module());
        if (!imports.uses("prefect")) {
            return Map.of(); // a module that imports nothing of Prefect has no flow to run tasks in
        }
        index();
        Map<String, Task> out = new LinkedHashMap<>();
        for (ImportBinding b : imports.all()) {
            if (b.localName().equals("*")) {
                if (!b.module().startsWith("prefect")) {
                    moduleFile(path, b.module()).map(defined::get).ifPresent(tasks -> tasks.forEach((name, t) -> {
                        if (!name.startsWith("_")) {
                            out.put(name, t);
                        }
                    }));
                }
                continue;
            }
            String q = b.qualifiedName();
            // a later import of the same name wins, but import a.b and import a.c both stay reachable
            boolean spelledWhole = !b.isFromImport() && !q.equals(b.module());
            if (!spelledWhole && imports.binding(b.localName()).orElse(null) != b || q.equals("prefect")
                    || q.startsWith("prefect.")) {
                continue;
            }
            if (b.isFromImport() && taskNames.contains(q.substring(q.lastIndexOf('.') + 1))) {
                Optional<Task> task = taskAt(path, q, 0);
                if (task.isPresent()) {
                    out.put(b.localName(), task.get());
                    continue;
                }
            }
            // a module (from . import tasks as t, import pipelines.tasks): its tasks are reached as prefix.task;
            // `import a.b` binds a, and the code spells a.b
            String module = b.isFromImport() ? q : b.module();
            String prefix = b.isFromImport() || q.equals(b.module()) ? b.localName() : b.module();
            if (homeStems.contains(module.substring(module.lastIndexOf('.') + 1))) {
                moduleFile(path, module).map(defined::get).ifPresent(tasks ->
                        tasks.forEach((name, t) -> out.put(prefix + "." + name, t)));
            }
        }
        return out;
    }

    /** The task {@code qualified} ({@code module.name}, as {@code importer} imports it) names, following re-exports. */
    private Optional<Task> taskAt(String importer, String qualified, int hops) {
        Optional<ModulePaths.ModuleName> split = ModulePaths.split(qualified);
        if (split.isEmpty() || hops > MAX_HOPS) {
            return Optional.empty();
        }
        Optional<String> home = moduleFile(importer, split.get().module());
        if (home.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Task> tasks = defined.get(home.get());
        String name = split.get().name();
        if (tasks != null && tasks.containsKey(name)) {
            return Optional.of(tasks.get(name));
        }
        // pkg/__init__.py: from .tasks import load (names it defines otherwise are not tasks)
        PythonFile homeFile = files.get(home.get());
        if (homeFile == null || PrefectFunctions.boundAtTopLevel(homeFile.module()).contains(name)) {
            return Optional.empty();
        }
        return Imports.of(homeFile.module()).binding(name)
                .flatMap(b -> taskAt(home.get(), b.qualifiedName(), hops + 1));
    }

    private Optional<String> moduleFile(String importer, String module) {
        String dir = importer.contains("/") ? importer.substring(0, importer.lastIndexOf('/') + 1) : "";
        return resolved.computeIfAbsent(dir + "|" + module, k -> ModulePaths.resolve(importer, module, paths));
    }

    /** Reads the tasks every recorded module defines at its top level, once per version of the run's files. */
    private void index() {
        if (defined != null) {
            return;
        }
        defined = new HashMap<>();
        taskNames = new HashSet<>();
        homeStems = new HashSet<>();
        files.forEach((path, file) -> {
            // a task is decorated with prefect's task, a word the file's text holds (import or decorator)
            if (!PythonCode.mentions(file, "prefect")) {
                return;
            }
            Map<String, Node> tasks = PrefectFunctions.tasks(file.module(), Imports.of(file.module()));
            if (tasks.isEmpty()) {
                return;
            }
            Map<String, Task> byName = new LinkedHashMap<>();
            tasks.forEach((name, def) -> byName.put(name, new Task(name, path, new Definitions(def).isAsync())));
            defined.put(path, byName);
            taskNames.addAll(byName.keySet());
            String stem = path.substring(path.lastIndexOf('/') + 1, path.length() - ".py".length());
            if (stem.equals("__init__")) {
                String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                stem = dir.substring(dir.lastIndexOf('/') + 1);
            }
            homeStems.add(stem);
        });
    }

    private static String path(PythonFile file) {
        return file.getSourcePath().toString().replace('\\', '/');
    }
}
