package dev.migrate.recipes.prefect1.internal;

import dev.migrate.analyzers.sources.python.Prefect1FlowClasses;
import dev.migrate.recipes.FixSafety;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * The {@code with Flow(...)} blocks of a module that ConvertPrefect1Flows leaves as Prefect 1 code (a blocker, no
 * --unsafe-fixes, or a block inside a function, which it does not convert): code inside them still runs on Prefect 1
 * when the flow is built, so the recipes after it must not give it Prefect 3 forms ({@code Root(checkpoint=False)}
 * renamed to {@code persist_result=} runs on neither version; {@code os.environ["X"]} for {@code EnvVarSecret("X")}
 * is read at build time). In the composite such a block is any one still in the tree, as the flows recipe runs
 * first; on its own, a block the flows recipe would convert is treated as converted.
 */
public final class FlowsLeftAsPrefect1 {
    private FlowsLeftAsPrefect1() {
    }

    /**
     * The with statements of the module's flows, at any depth, that stay Prefect 1 code: also those made with a Flow
     * subclass of the module or of another module of the project ({@code from myproj.flows import MyFlow}, read from
     * the run's {@link ProjectFlowClasses}, which the calling recipe's scanning phase fills), which the flow conversion
     * always leaves.
     *
     * @param module the module of {@code file} as the calling recipe edits it
     */
    public static List<Node> statements(PythonFile file, Node module, ExecutionContext ctx) {
        Set<String> elsewhere = ProjectFlowClasses.of(ctx).importedBy(file, module);
        List<Node> converted = FixSafety.unsafeAllowed(ctx) ? FlowAnalysis.of(module, elsewhere).stream()
                .filter(f -> !f.imperative() && f.convertible()).map(Prefect1Flow::statement).toList() : List.of();
        Imports imports = Imports.of(module);
        Set<String> local = Prefect1FlowClasses.subclasses(module, imports, elsewhere);
        List<Node> out = new ArrayList<>();
        for (Node with : Nodes.find(module, NodeKind.WITH)) {
            boolean flow = Statements.withItems(with).stream()
                    .anyMatch(i -> FlowAnalysis.makesFlow(i.context(), imports, local, elsewhere));
            if (flow && converted.stream().noneMatch(c -> c == with)) {
                out.add(with);
            }
        }
        return out;
    }

    public static boolean inside(List<Node> statements, Node node) {
        return statements.stream().anyMatch(s -> TreeEdits.path(s, node) != null);
    }
}
