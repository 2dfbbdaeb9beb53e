package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.python.ArgEdits;
import dev.migrate.recipes.python.PythonRecipe;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Space;
import java.util.Optional;
import org.openrewrite.ExecutionContext;

/**
 * Prefect 2's {@code flow.serve(...)}, {@code flow.deploy(...)} and {@code flow.to_deployment(...)} took one schedule
 * as {@code schedule=}; Prefect 3.0 and 3.1 took only {@code schedules=} (TypeError: unexpected keyword argument
 * 'schedule'), and 3.2 brought {@code schedule=} back. When the target is before 3.2, {@code schedule=X} becomes
 * {@code schedules=[X]}, which every 3.x reads the same (the schedule expression kept as written), and {@code
 * schedule=None} goes. A call that also passes {@code schedules=} is left alone.
 */
public class ReplaceScheduleArgumentBeforePrefect32 extends PythonRecipe {
    /** The release that took {@code schedule=} again. */
    private static final int SCHEDULE_BACK_IN_MINOR = 2;

    @Override
    public String getDisplayName() {
        return "Pass one schedule as `schedules=[...]` for Prefect 3.0 and 3.1";
    }

    @Override
    public String getDescription() {
        return "Prefect 3.0 and 3.1's `flow.serve`, `flow.deploy` and `flow.to_deployment` have no `schedule` argument "
                + "(TypeError); with a target before 3.2, `schedule=X` becomes `schedules=[X]`.";
    }

    @Override
    protected String[] mentions() {
        return new String[] {"schedule="};
    }

    @Override
    protected Node edit(PythonFile file, ExecutionContext ctx) {
        Node before = file.module();
        if (PrefectTarget.from(ctx).atLeast(SCHEDULE_BACK_IN_MINOR) || !Imports.of(before).uses("prefect")) {
            return before;
        }
        Node after = before;
        for (Node call : TreeIndex.of(before).find(NodeKind.CALL)) {
            CallView view = new CallView(call);
            Optional<Argument> schedule = view.keyword("schedule");
            if (schedule.isEmpty() || view.keyword("schedules").isPresent()
                    || !ReplaceIsScheduleActiveWithPaused.deploymentMethodCall(view)
                    || TreeEdits.path(after, call) == null) {
                continue;
            }
            Node arg = schedule.get().node();
            Node value = schedule.get().value();
            Node unwrapped = Expressions.unwrap(value);
            Node newCall;
            if (unwrapped.kind() == NodeKind.CONSTANT && unwrapped.text().strip().equals("None")) {
                newCall = ArgEdits.remove(call, arg);
            } else {
                // [X] around the expression as written (its quotes and layout kept)
                Node list = Snippets.expression("[_]", file.style());
                Node placeholder = list.nodes().get(0);
                list = TreeEdits.replace(list, placeholder, value.withPrefix(Space.EMPTY)).withPrefix(value.prefix());
                Node renamed = ArgEdits.rename(arg, "schedules");
                newCall = TreeEdits.replace(call, arg, renamed.withChild(renamed.children().indexOf(renamed.nodes().get(0)),
                        list));
            }
            after = TreeEdits.replace(after, call, newCall);
        }
        return after;
    }
}
