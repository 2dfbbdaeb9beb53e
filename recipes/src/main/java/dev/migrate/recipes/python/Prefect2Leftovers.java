package dev.migrate.recipes.python;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prefect-2-only constructs left in a Python file, found with the syntax tree (no regular expressions):
 * imports of names Prefect 3.8.3 does not have or that moved, {@code build_from_flow}, 2.x deployment
 * keywords, {@code Variable.get(...).value}. Used to check a migrated tree the way a re-scan would.
 */
public final class Prefect2Leftovers {
    private static final Set<String> DEPLOY_METHODS = Set.of("deploy", "serve", "to_deployment", "build_from_flow");
    private static final Set<String> TWO_X_KEYWORDS = Set.of("is_schedule_active", "infra_overrides");

    private Prefect2Leftovers() {
    }

    /** One description per construct, as {@code line: what}. */
    public static List<String> of(PythonFile file) {
        List<String> out = new ArrayList<>();
        Node module = file.module();
        Imports imports = Imports.of(module);
        for (String missing : importsMissingIn3(file)) {
            out.add(missing);
        }
        for (ImportBinding b : imports.all()) {
            String q = b.isFromImport() ? b.qualifiedName() : b.module();
            if (!b.isRelative() && q.startsWith("prefect.")
                    && PrefectMoves.get().target(q, PrefectTarget.defaultTarget()).isPresent()) {
                out.add(file.start(b.statement()).line() + ": " + q + " moved in Prefect 3");
            }
        }
        for (Node call : TreeIndex.of(module).find(NodeKind.CALL)) {
            CallView view = new CallView(call);
            Optional<List<String>> parts = Expressions.dottedParts(view.callee());
            String method = parts.map(p -> p.get(p.size() - 1)).orElse("");
            int line = file.start(call).line();
            if (method.equals("build_from_flow")) {
                out.add(line + ": Deployment.build_from_flow");
            }
            if (DEPLOY_METHODS.contains(method)) {
                for (Argument a : view.arguments()) {
                    if (a.keyword() != null && (TWO_X_KEYWORDS.contains(a.keyword()) || a.keyword().equals("schedule"))) {
                        out.add(line + ": " + a.keyword() + "= on " + method + "()");
                    }
                }
            }
        }
        for (Node attr : TreeIndex.of(module).find(NodeKind.ATTRIBUTE)) {
            Node receiver = Expressions.unwrap(attr.nodes().get(0));
            String last = attr.tokens().isEmpty() ? "" : attr.tokens().get(attr.tokens().size() - 1).text();
            if (last.equals("value") && receiver.kind() == NodeKind.CALL
                    && imports.qualifiedName(receiver).filter("prefect.variables.Variable.get"::equals).isPresent()) {
                out.add(file.start(attr).line() + ": Variable.get(...).value");
            }
        }
        return out;
    }

    /** Imports from {@code prefect} (and its modules) that do not exist in Prefect 3.8.3. */
    public static List<String> importsMissingIn3(PythonFile file) {
        List<String> out = new ArrayList<>();
        PrefectApi api = PrefectApi.get();
        for (ImportBinding b : Imports.of(file.module()).all()) {
            if (b.isRelative() || b.localName().equals("*")) {
                continue;
            }
            String q = b.isFromImport() ? b.qualifiedName() : b.module();
            if ((q.equals("prefect") || q.startsWith("prefect.")) && !api.existsIn3(q)) {
                out.add(file.start(b.statement()).line() + ": " + q + " does not exist in Prefect 3.8.3");
            }
        }
        return out;
    }
}
