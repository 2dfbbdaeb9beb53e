package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names a module reaches through {@code from prefect import *} (or another Prefect module's star import), which
 * {@link Imports} leaves unresolved: a name the module neither imports by name nor defines itself is the
 * star-imported module's when Prefect 2 or 3 has it there ({@code @task} gives {@code prefect.task}). A star import
 * from any other module binds names nobody can list without running it, so those stay unknown. One rule for
 * {@link PythonModule} and the project's task index.
 */
final class PrefectStars {
    private PrefectStars() {
    }

    /** The Prefect modules of a module's star imports, last first (a later one wins). */
    static List<String> of(Imports imports) {
        List<String> out = new ArrayList<>();
        for (ImportBinding b : imports.all()) {
            if (b.localName().equals("*") && (b.module().equals("prefect") || b.module().startsWith("prefect."))) {
                out.add(0, b.module());
            }
        }
        return out;
    }

    /**
     * What {@code expr} (a name, dotted name, call or decorator) names through {@code stars}, when the imports do not
     * bind its first name and the module does not define it ({@code ownNames}).
     */
    static Optional<String> qualifiedName(Imports imports, List<String> stars, Set<String> ownNames, Node expr) {
        if (stars.isEmpty()) {
            return Optional.empty();
        }
        Node e = Expressions.unwrap(expr);
        while (e.kind() == NodeKind.CALL || e.kind() == NodeKind.DECORATOR) {
            if (e.nodes().isEmpty()) {
                return Optional.empty();
            }
            e = Expressions.unwrap(e.nodes().get(0));
        }
        Optional<List<String>> parts = Expressions.dottedParts(e);
        String first = parts.isEmpty() ? null : parts.get().get(0);
        if (first == null || ownNames.contains(first) || imports.binding(first).isPresent()) {
            return Optional.empty();
        }
        PrefectApi api = PrefectApi.get();
        for (String module : stars) {
            String candidate = module + "." + first;
            if (api.existsIn2(candidate) || api.existsIn3(candidate)) {
                return Optional.of(String.join(".", module, String.join(".", parts.get())));
            }
        }
        return Optional.empty();
    }
}
