package dev.migrate.recipes.python;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.List;
import java.util.Optional;

/**
 * Qualified names through {@code from prefect.X import *}, which {@link Imports} leaves unresolved: a name no
 * import binds, used in a file that star-imports a Prefect module that exported it in 2.20
 * ({@code Deployment} with {@code from prefect.deployments import *} is {@code prefect.deployments.Deployment}).
 */
public final class StarImports {
    private StarImports() {
    }

    /** {@link Imports#qualifiedName}, else the name through a Prefect star import; empty when neither knows it. */
    public static Optional<String> qualifiedName(Imports imports, Node expr) {
        Optional<String> bound = imports.qualifiedName(expr);
        if (bound.isPresent()) {
            return bound;
        }
        if (!hasStarImport(imports)) {
            return Optional.empty(); // most modules have none: nothing to resolve through
        }
        Node e = Expressions.unwrap(expr);
        if (e.kind() == NodeKind.CALL) {
            e = Expressions.unwrap(e.nodes().get(0));
        }
        Optional<List<String>> parts = Expressions.dottedParts(e);
        if (parts.isEmpty() || imports.binding(parts.get().get(0)).isPresent()) {
            return Optional.empty();
        }
        String first = parts.get().get(0);
        for (ImportBinding b : imports.all()) {
            if (b.localName().equals("*") && PythonCode.isPrefectModule(b.module())
                    && PrefectApi.get().existsIn2(b.module() + "." + first)) {
                return Optional.of(b.module() + "." + String.join(".", parts.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean hasStarImport(Imports imports) {
        for (ImportBinding b : imports.all()) {
            if (b.localName().equals("*")) {
                return true;
            }
        }
        return false;
    }
}
