package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Prefect 1's {@code Flow} class and the project's own subclasses of it ({@code class TeamFlow(Flow)}, often kept in a
 * shared module): a {@code with TeamFlow("etl") as flow:} block is a Prefect 1 flow all the same. In Prefect 3
 * {@code prefect.Flow} is the class behind {@code @flow}, so such a subclass still imports and breaks only when it runs.
 */
public final class Prefect1FlowClasses {
    /** Where Prefect 1 defines Flow. */
    public static final Set<String> FLOW = Set.of("prefect.Flow", "prefect.core.Flow", "prefect.core.flow.Flow");

    private Prefect1FlowClasses() {
    }

    /**
     * The names of the classes {@code module} defines at its top level that subclass Prefect 1's Flow: directly,
     * through each other, or through a class of {@code inherited} (qualified names, as this module's imports read
     * them, of other modules' subclasses).
     */
    public static Set<String> subclasses(Node module, Imports imports, Set<String> inherited) {
        return subclassesOf(module, imports, FLOW, inherited);
    }

    /**
     * The names of the classes {@code module} defines at its top level that subclass one of {@code bases} (qualified
     * names): directly, through each other, or through a class of {@code inherited}. A fixed point, because a
     * subclass may come before its base in the file.
     */
    public static Set<String> subclassesOf(Node module, Imports imports, Set<String> bases, Set<String> inherited) {
        Set<String> out = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Node stmt : Statements.of(module)) {
                if (stmt.kind() != NodeKind.CLASS_DEF) {
                    continue;
                }
                Definitions d = new Definitions(stmt);
                if (!out.contains(d.name()) && d.bases().stream().anyMatch(b -> isSubclass(b, imports, bases, out, inherited))) {
                    out.add(d.name());
                    grew = true;
                }
            }
        }
        return out;
    }

    private static boolean isSubclass(Argument base, Imports imports, Set<String> bases, Set<String> local,
            Set<String> inherited) {
        if (!base.isPositional()) {
            return false; // metaclass=...
        }
        Node b = Expressions.unwrap(base.value());
        String q = imports.qualifiedName(b).orElse(null);
        if (q != null) {
            return bases.contains(q) || inherited.contains(q);
        }
        return b.kind() == NodeKind.NAME && local.contains(Expressions.name(b));
    }
}
