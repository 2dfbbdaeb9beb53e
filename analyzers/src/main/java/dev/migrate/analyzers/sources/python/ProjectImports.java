package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.ModulePaths;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.Optional;

/**
 * Prefect 1 settings a project keeps in modules of its own ({@code from schedules import nightly}): which modules hold
 * schedules, and which project module and name an expression refers to. The scan's Prefect 1 detector and the Prefect
 * 1 flow conversion read imported schedules with these, each after every file has been seen.
 */
public final class ProjectImports {
    private ProjectImports() {
    }

    /** Whether {@code module} assigns a Prefect 1 schedule ({@code prefect.schedules...} call) at its top level. */
    public static boolean assignsPrefectSchedule(Node module, Imports imports) {
        for (Node stmt : Statements.of(module)) {
            Optional<Statements.Assignment> a = Statements.assignment(stmt);
            if (a.isPresent() && a.get().value() != null && Expressions.unwrap(a.get().value()).kind() == NodeKind.CALL
                    && imports.qualifiedName(a.get().value()).filter(q -> q.startsWith("prefect.schedules")).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The module and name that {@code expr}, a name or {@code module.name}, refers to through the imports, when it is
     * not one of Prefect's own; empty for anything else.
     */
    public static Optional<ModulePaths.ModuleName> importedName(Node expr, Imports imports) {
        Node e = Expressions.unwrap(expr);
        if (e.kind() != NodeKind.NAME && e.kind() != NodeKind.ATTRIBUTE) {
            return Optional.empty();
        }
        return imports.qualifiedName(e).filter(q -> !q.equals("prefect") && !q.startsWith("prefect."))
                .flatMap(ModulePaths::split);
    }
}
