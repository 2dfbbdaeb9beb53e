package dev.migrate.recipes.python;

import dev.migrate.analyzers.sources.python.ProjectTaskIndex;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.query.Imports;
import java.util.Map;
import org.openrewrite.ExecutionContext;

/**
 * The task functions of every Python module of a run, and which of them each module imports, as the scan knows them:
 * a run's view of the project's {@link ProjectTaskIndex}, which the scan's BHV001, BHV002 and BHV008 read too. Every
 * Python file is recorded while the run scans (a map entry, no walk); the modules' tasks are read only when a recipe
 * first asks about a file that imports Prefect, so a run over files without Prefect costs nothing more.
 *
 * <p>One instance per run, shared by every recipe that asks (kept in the execution context).
 */
public final class ProjectTasks {
    private static final String CONTEXT_KEY = "dev.migrate.recipes.python.ProjectTasks";

    /** The file recorded last: the task-aware recipes scan each file one after another, so it is recorded already. */
    private volatile PythonFile last;
    /** Whether a module may define tasks: answered from the words the run's recipes already looked for. */
    private final ProjectTaskIndex index = new ProjectTaskIndex(root -> MentionedWords.any(root, "prefect"));

    /** The run's index, made on first use. */
    public static ProjectTasks in(ExecutionContext ctx) {
        return ctx.computeMessageIfAbsent(CONTEXT_KEY, k -> new ProjectTasks());
    }

    /**
     * Records a file of the run (a later version of the same path replaces the earlier one); a file that does not
     * parse is only listed, and still makes another module of the same name ambiguous.
     */
    public void record(PythonFile file) {
        if (file == last) {
            return;
        }
        last = file;
        if (file.hasSyntaxErrors()) {
            index.listed(path(file));
        } else {
            index.record(path(file), file.module());
        }
    }

    /**
     * The tasks {@code file} imports from modules of the project, by the name or dotted name its code reaches them
     * with ({@link ProjectTaskIndex#importedBy}), read from the file as the run scanned it; which names the module
     * binds otherwise is the caller's to check ({@link PrefectFunctions#taskRefs}, which the scan's {@code TaskRefs}
     * shares).
     */
    public Map<String, ProjectTaskIndex.Task> importedBy(PythonFile file) {
        return index.importedBy(path(file), Imports.of(file.module()));
    }

    private static String path(PythonFile file) {
        return file.getSourcePath().toString().replace('\\', '/');
    }
}
