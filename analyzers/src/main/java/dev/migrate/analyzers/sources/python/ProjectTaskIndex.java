package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.ModulePaths;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The task functions of every Python module of a project, and which of them each module imports: real projects
 * define tasks in {@code tasks.py} or a package and import them into their flow modules ({@code from pipelines.tasks
 * import load}, {@code from . import tasks as t}). One index for the scan (BHV001, BHV002, BHV008) and the rewrite's
 * futures recipes, so that what scan reports the rewrite fixes.
 *
 * <p>Every Python path of the project is listed (a module that is not read, or does not parse, still makes another of
 * the same name ambiguous); modules are recorded either as trees read lazily, when the index is first asked (the
 * rewrite, whose trees stay in memory anyway, so a run over files without Prefect costs nothing more), or as facts
 * read at once (the scan, which drops each tree after its file). Modules are found from paths as {@link ModulePaths}
 * reads them (relative imports from the importer's package, absolute ones by the one file whose path ends so, else
 * the importer's sibling): an import that does not resolve to a project file is never taken for a task. Re-exports
 * are followed, under the same name or another ({@code from .tasks import fetch as get}), from a package's {@code
 * __init__.py} or any other module of the project; a module the scan did not record (it records those naming Prefect,
 * and packages' {@code __init__.py}) is read when a re-export goes through it ({@link #readUnrecordedWith}), and only
 * then. Nothing is imported or run.
 */
public final class ProjectTaskIndex {
    /** Re-exports followed ({@code pkg/__init__.py} importing from {@code .tasks}), at most this deep. */
    private static final int MAX_HOPS = 4;

    /** A task function: its name, the project file that defines it, and whether it is {@code async def}. */
    public record Task(String name, String path, boolean async) {
    }

    /**
     * A module of the index: its tree when recorded lazily (kept: it is the version importers are read from), its
     * facts once read.
     */
    private static final class Entry {
        Node tree;
        ModuleFacts facts;
    }

    private final Predicate<Node> mentionsPrefect;
    /** Every Python path of the project, read or not. */
    private final Set<String> paths = new HashSet<>();
    private final Map<String, Entry> modules = new HashMap<>();
    /** Lazily: path to the tasks it defines, by name (modules that define none are absent). */
    private Map<String, Map<String, Task>> defined;
    /** Lazily: every task name of the project, and the stems of the modules defining tasks (a cheap first filter). */
    private Set<String> taskNames;
    private Set<String> homeStems;
    private final Map<String, Map<String, Task>> importedBy = new HashMap<>();
    /** Lazily: the project's modules and packages by their last name ({@link #modulesByName()}). */
    private Map<String, List<String>> modulesByName;
    /** Reads a listed module that was never recorded, asked for one name it may re-export; null for none. */
    private BiFunction<String, String, Node> unrecorded = (path, name) -> null;
    /** Module names already resolved, by the importer's directory and the name (which is all a resolution reads). */
    private final Map<String, Optional<String>> resolved = new HashMap<>();

    /** An index whose lazily recorded trees are first looked at for the word {@code prefect} in their text. */
    public ProjectTaskIndex() {
        this(root -> TreeIndex.of(root).contains("prefect"));
    }

    /**
     * @param mentionsPrefect whether a lazily recorded tree may define tasks (a task is decorated with Prefect's
     *                        {@code task}, a word the file's text holds); the rewrite answers from the words its
     *                        recipes already looked for
     */
    public ProjectTaskIndex(Predicate<Node> mentionsPrefect) {
        this.mentionsPrefect = mentionsPrefect;
    }

    /**
     * How to read a module of the project that was listed but never recorded: the scan records only modules naming
     * Prefect, while a re-export may go through any module ({@code from .tasks import extract as pull} in {@code
     * common/helpers.py}). Asked only for a module an import follows, with the name followed: the reader may answer
     * null at once where its text shows the name is no re-export (a module defining it itself). A tree it gives is
     * read once, and kept as facts.
     */
    public synchronized void readUnrecordedWith(BiFunction<String, String, Node> reader) {
        this.unrecorded = reader;
    }

    /** Whether {@code path} is a package's {@code __init__.py}, which re-exports tasks without naming Prefect. */
    public static boolean isPackageInit(String path) {
        return path.equals("__init__.py") || path.endsWith("/__init__.py");
    }

    /** Lists a Python file of the project that is not (or not yet) read. */
    public synchronized void listed(String path) {
        if (paths.add(normal(path))) {
            pathsChanged();
        }
    }

    /** Records a module to be read when the index is first asked (a later version of the same path replaces it). */
    public synchronized void record(String path, Node module) {
        String p = normal(path);
        if (paths.add(p)) {
            pathsChanged();
        }
        Entry e = modules.computeIfAbsent(p, k -> new Entry());
        if (e.tree != module) {
            e.tree = module;
            e.facts = null;
            changed();
        }
    }

    /** Records a module read now, so that its tree need not be kept; returns what was read of it. */
    public ModuleFacts record(String path, Node module, Imports imports) {
        ModuleFacts facts = ModuleFacts.read(module, imports, true); // outside the lock: scanner threads read at once
        synchronized (this) {
            String p = normal(path);
            if (paths.add(p)) {
                pathsChanged();
            }
            Entry e = modules.computeIfAbsent(p, k -> new Entry());
            e.tree = null;
            e.facts = facts;
            changed();
        }
        return facts;
    }

    /**
     * The tasks the module at {@code path} imports from modules of the project, by the name or dotted name its code
     * reaches them with: {@code load} ({@code from pipelines.tasks import load}, or {@code import ... as} another
     * name), {@code t.load} ({@code from . import tasks as t}), {@code pipelines.tasks.load} ({@code import
     * pipelines.tasks}), the names of a star import. Read from the module as recorded when its tree is kept (the
     * version the run scanned), else from {@code imports}. Which names the module binds otherwise is the caller's to
     * check ({@link TaskRefs}).
     */
    public synchronized Map<String, Task> importedBy(String path, Imports imports) {
        String p = normal(path);
        Map<String, Task> known = importedBy.get(p);
        if (known != null) {
            return known;
        }
        Entry e = modules.get(p);
        Map<String, Task> out = resolveImports(p, e != null && e.tree != null ? Imports.of(e.tree) : imports);
        importedBy.put(p, out);
        return out;
    }

    /** A module's text changed: what it defines and imports is read again; where modules are stays as it was. */
    private void changed() {
        defined = null;
        importedBy.clear();
    }

    /**
     * A file was added: module names may resolve elsewhere now. (Each edit of a recipe records a new tree of a known
     * path; clearing the resolutions then made every later lookup scan all the project's paths again.)
     */
    private void pathsChanged() {
        changed();
        resolved.clear();
        modulesByName = null;
    }

    private Map<String, Task> resolveImports(String path, Imports imports) {
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
            if (b.isFromImport() && (taskNames.contains(q.substring(q.lastIndexOf('.') + 1)) || fromProjectModule(path, q))) {
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
        // pkg/__init__.py or any module: from .tasks import load (names it defines otherwise are not tasks)
        ModuleFacts facts = facts(home.get(), name);
        if (facts == null || facts.ownNames().contains(name) || !facts.imported().containsKey(name)) {
            return Optional.empty();
        }
        return taskAt(home.get(), facts.imported().get(name), hops + 1);
    }

    /**
     * Whether {@code qualified} ({@code pkg.get}, {@code common.helpers.get}) is imported from a module of the project,
     * which may re-export a task under another name ({@code from .tasks import fetch as get}): a name no task has, which
     * the first filter by task names would pass over.
     */
    private boolean fromProjectModule(String importer, String qualified) {
        Optional<ModulePaths.ModuleName> split = ModulePaths.split(qualified);
        if (split.isEmpty()) {
            return false;
        }
        String module = split.get().module();
        String last = module.substring(module.lastIndexOf('.') + 1);
        // most from-imports name no module of the project (datetime, pandas): only a file or a package directory of
        // that name can be one, which a set answers without resolving the module
        if (!last.isEmpty() && !modulesByName().containsKey(last)) {
            return false;
        }
        return moduleFile(importer, module).isPresent();
    }

    /**
     * The project's module files ({@code helpers} gives {@code common/helpers.py}) and packages' {@code __init__.py}
     * ({@code common} gives {@code common/__init__.py}) by their last name: an absolute import can only resolve to one
     * of these, so resolving it reads those, not every path of the project (every from-import of a flow module that
     * names a module of the project is resolved, to follow re-exports).
     */
    private Map<String, List<String>> modulesByName() {
        if (modulesByName == null) {
            modulesByName = new HashMap<>();
            for (String p : paths) {
                String file = p.substring(p.lastIndexOf('/') + 1);
                String name = null;
                if (isPackageInit(p)) {
                    if (p.contains("/")) {
                        String dir = p.substring(0, p.lastIndexOf('/'));
                        name = dir.substring(dir.lastIndexOf('/') + 1);
                    }
                } else if (file.endsWith(".py")) {
                    name = file.substring(0, file.length() - ".py".length());
                }
                if (name != null) {
                    modulesByName.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
                }
            }
        }
        return modulesByName;
    }

    private Optional<String> moduleFile(String importer, String module) {
        String dir = importer.contains("/") ? importer.substring(0, importer.lastIndexOf('/') + 1) : "";
        return resolved.computeIfAbsent(dir + "|" + module, k -> ModulePaths.resolve(importer, module, module.startsWith(".")
                ? paths : modulesByName().getOrDefault(module.substring(module.lastIndexOf('.') + 1), List.of())));
    }

    /**
     * The facts of the module at {@code path}, asked about the re-export of {@code name}: a module only listed is read
     * now ({@link #readUnrecordedWith}) unless its reader tells it holds no such re-export; null when it is not read.
     */
    private ModuleFacts facts(String path, String name) {
        if (modules.get(path) == null && paths.contains(path)) {
            // not recorded: it names no Prefect, so it defines no task; what it imports may still be a re-export
            Node tree = unrecorded.apply(path, name);
            if (tree == null) {
                return null;
            }
            Entry e = new Entry();
            e.facts = ModuleFacts.read(tree, Imports.of(tree), false);
            modules.put(path, e);
        }
        return facts(path);
    }

    /** A recorded module's facts, read now when only its tree was kept; null for a path that was only listed. */
    private ModuleFacts facts(String path) {
        Entry e = modules.get(path);
        if (e == null) {
            return null;
        }
        if (e.facts == null && e.tree != null) {
            e.facts = ModuleFacts.read(e.tree, Imports.of(e.tree), mentionsPrefect.test(e.tree));
        }
        return e.facts;
    }

    /** Reads the tasks every recorded module defines at its top level, once per version of the project's files. */
    private void index() {
        if (defined != null) {
            return;
        }
        defined = new HashMap<>();
        taskNames = new HashSet<>();
        homeStems = new HashSet<>();
        modules.forEach((path, e) -> {
            if (e.facts == null && (e.tree == null || !mentionsPrefect.test(e.tree))) {
                return; // read on demand, as a re-export's home: it defines no task
            }
            ModuleFacts facts = facts(path);
            if (facts.tasks().isEmpty()) {
                return;
            }
            Map<String, Task> byName = new LinkedHashMap<>();
            facts.tasks().forEach((name, async) -> byName.put(name, new Task(name, path, async)));
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

    private static String normal(String path) {
        return path.replace('\\', '/');
    }
}
