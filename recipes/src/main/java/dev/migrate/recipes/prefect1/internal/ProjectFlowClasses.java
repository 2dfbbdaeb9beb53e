package dev.migrate.recipes.prefect1.internal;

import dev.migrate.analyzers.sources.python.Prefect1FlowClasses;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.ModulePaths;
import dev.migrate.rewriters.python.tree.Node;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * The project's own subclasses of Prefect 1's Flow ({@link Prefect1FlowClasses}), by the module that defines them, and
 * which of them each module imports ({@code from myproj.flows import TeamFlow}). A flow made with one is left as
 * Prefect 1 code by the flow conversion, and the recipes after it must leave the code inside it alone
 * ({@link FlowsLeftAsPrefect1}), so they all need the same answer for a class another module defines.
 *
 * <p>One index per run (kept in the execution context), filled by the scanning phase of every recipe that asks: the
 * modules are read as the run found them, before any edit, and a file recorded by two recipes is read once.
 */
public final class ProjectFlowClasses {
    private static final String CONTEXT_KEY = ProjectFlowClasses.class.getName();

    /** Path of a module that defines Flow subclasses -> their names. */
    private final Map<String, Set<String>> byModule = new HashMap<>();
    private final Set<String> recorded = new HashSet<>();

    /** The run's index, made on first use. */
    public static ProjectFlowClasses of(ExecutionContext ctx) {
        return ctx.computeMessageIfAbsent(CONTEXT_KEY, k -> new ProjectFlowClasses());
    }

    /** Reads one Python file of the run, in the scanning phase (once per path, whichever recipe asks first). */
    public void record(PythonFile file) {
        String path = path(file);
        synchronized (this) {
            if (!recorded.add(path)) {
                return;
            }
        }
        if (file.hasSyntaxErrors() || !PythonCode.mentions(file, "prefect")) {
            return; // a Flow subclass names prefect in its module
        }
        Set<String> subclasses = Prefect1FlowClasses.subclasses(file.module(), Imports.of(file.module()), Set.of());
        if (!subclasses.isEmpty()) {
            synchronized (this) {
                byModule.put(path, subclasses);
            }
        }
    }

    /**
     * The qualified names, as {@code module} (the module at {@code path}) imports them, of Flow subclasses other modules
     * of the project define; modules are found from paths as {@link ModulePaths} reads imports.
     */
    public synchronized Set<String> importedBy(String path, Node module) {
        Set<String> out = new HashSet<>();
        if (byModule.isEmpty()) {
            return out;
        }
        for (ImportBinding b : Imports.of(module).all()) {
            ModulePaths.split(b.qualifiedName()).ifPresent(n -> ModulePaths.resolve(path, n.module(), byModule.keySet())
                    .filter(home -> byModule.get(home).contains(n.name()))
                    .ifPresent(home -> out.add(b.qualifiedName())));
        }
        return out;
    }

    /** {@link #importedBy(String, Node)} for a file of the run, as it is now. */
    public Set<String> importedBy(PythonFile file, Node module) {
        return importedBy(path(file), module);
    }

    private static String path(PythonFile file) {
        return file.getSourcePath().toString().replace('\\', '/');
    }
}
