package dev.migrate.recipes.prefect1.internal;

import dev.migrate.analyzers.sources.python.ProjectImports;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.ModulePaths;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Flow settings a project keeps in a module of its own ({@code from schedules import every_hour}): the modules of the
 * project that assign a Prefect 1 schedule at their top level, by path, and the value an imported name has there.
 * Filled while scanning, read once every file has been seen.
 */
public final class ImportedSettings {
    /** A value assigned in another module, with that module (its imports and constants read it) and its path. */
    public record Value(Node value, Node module, String path) {
    }

    private final Map<String, Node> modules = new HashMap<>();

    /** Keeps {@code module} when it assigns a Prefect 1 schedule at its top level. */
    public void offer(String path, Node module) {
        if (ProjectImports.assignsPrefectSchedule(module, Imports.of(module))) {
            modules.put(path, module);
        }
    }

    /**
     * What {@code setting}, a name or {@code module.name} that {@code module} (at {@code path}) imports from
     * another module of the project, is assigned there once; empty for anything else (Prefect's own names, packages
     * the project does not hold, names assigned twice).
     */
    public Optional<Value> valueOf(Node setting, Node module, String path) {
        Optional<ModulePaths.ModuleName> name = ProjectImports.importedName(setting, Imports.of(module));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> home = ModulePaths.resolve(path, name.get().module(), modules.keySet());
        if (home.isEmpty()) {
            return Optional.empty();
        }
        Node there = modules.get(home.get());
        Node value = null;
        int assignments = 0;
        for (Node stmt : Statements.of(there)) {
            if (name.get().name().equals(ModuleConstants.name(stmt))) {
                value = Statements.assignment(stmt).get().value();
                assignments++;
            }
        }
        return assignments == 1 && value != null ? Optional.of(new Value(value, there, home.get())) : Optional.empty();
    }
}
