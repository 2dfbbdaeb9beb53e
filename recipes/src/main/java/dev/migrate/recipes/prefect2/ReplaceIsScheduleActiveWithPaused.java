package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.python.ArgEdits;
import dev.migrate.recipes.python.PythonRecipe;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Token;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * Prefect 2's {@code flow.serve(...)}, {@code flow.deploy(...)} and {@code flow.to_deployment(...)} took
 * {@code is_schedule_active=}; Prefect 3's signatures have only {@code paused=} (its inverse, already in 2.x), so
 * the call raises TypeError. {@code is_schedule_active=X} becomes {@code paused=<not X>} (PF220): a literal is
 * inverted, anything else is negated. A call that also passes {@code paused=} is left alone.
 */
public class ReplaceIsScheduleActiveWithPaused extends PythonRecipe {
    /** The flow (and runner deployment) methods that took is_schedule_active in 2.x, sync and async. */
    private static final Set<String> METHODS = Set.of("serve", "deploy", "to_deployment", "aserve", "adeploy",
            "ato_deployment");

    @Override
    public String getDisplayName() {
        return "Replace `is_schedule_active` with `paused` on flow deployments";
    }

    @Override
    public String getDescription() {
        return "Prefect 3's `flow.serve`, `flow.deploy` and `flow.to_deployment` have no `is_schedule_active` "
                + "argument (TypeError); `is_schedule_active=X` becomes `paused=not X` (PF220).";
    }

    @Override
    protected String[] mentions() {
        return new String[] {"is_schedule_active"};
    }

    @Override
    protected Node edit(PythonFile file, ExecutionContext ctx) {
        Node before = file.module();
        if (!Imports.of(before).uses("prefect")) {
            return before;
        }
        Node after = before;
        for (Node call : TreeIndex.of(before).find(NodeKind.CALL)) {
            CallView view = new CallView(call);
            Optional<Argument> active = view.keyword("is_schedule_active");
            if (active.isEmpty() || view.keyword("paused").isPresent() || !deploymentMethodCall(view)) {
                continue;
            }
            Node arg = active.get().node();
            Node paused = ArgEdits.withValue(ArgEdits.rename(arg, "paused"), negated(active.get().value()), file.style());
            after = TreeEdits.replace(after, arg, paused);
        }
        return after;
    }

    /**
     * A call of a flow's (or runner deployment's) {@code serve}, {@code deploy} or {@code to_deployment}, sync or async:
     * the signatures whose 2.x keywords Prefect 3 changed ({@code is_schedule_active}, {@code schedule} before 3.2).
     */
    static boolean deploymentMethodCall(CallView view) {
        return METHODS.contains(method(view.callee()));
    }

    /** The attribute name a call's callee ends with ({@code deploy} for {@code a.b.deploy}), or "". */
    private static String method(Node callee) {
        if (callee.kind() != NodeKind.ATTRIBUTE) {
            return "";
        }
        List<Token> tokens = callee.tokens();
        return tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1).text();
    }

    private static String negated(Node value) {
        Node v = Expressions.unwrap(value);
        if (v.kind() == NodeKind.CONSTANT && (v.text().strip().equals("True") || v.text().strip().equals("False"))) {
            return v.text().strip().equals("True") ? "False" : "True";
        }
        boolean atom = v.kind() == NodeKind.NAME || v.kind() == NodeKind.ATTRIBUTE || v.kind() == NodeKind.CALL;
        return atom ? "not " + v.text().strip() : "not (" + v.text().strip() + ")";
    }
}
