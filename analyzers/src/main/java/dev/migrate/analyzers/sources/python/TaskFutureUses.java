package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Task futures used the Prefect 2 way: awaited (BHV007) or asked for their state by {@code get_state()} or by the
 * value of {@code wait()} (BHV009). A future is what {@code .submit(...)} or {@code .map(...)} of a task gives, and a
 * task is one of the names the caller passes (the module's tasks, the project's tasks it imports, tasks made from them
 * with {@code with_options}, as BHV001 and BHV002 read them): an executor's, a queue's or an unknown name's {@code
 * submit} gives no task future.
 */
final class TaskFutureUses {
    private TaskFutureUses() {
    }

    /**
     * BHV007: {@code await t.submit(...)}, {@code await t.map(...)}, {@code await f.result()} or {@code f.wait()}, and
     * {@code await f} itself, which Prefect 2 allowed in async code run by a flow; Prefect 3 futures are synchronous.
     * Which awaits, and in which functions, is {@link AwaitedTaskFutures}' to say, as it is for the rewrite. ({@code
     * .result()} of other objects, such as a state's, is left alone: only a name bound to a task's submit counts, or a
     * submit written in place.)
     */
    static void awaited(PythonModule m, Definitions function, boolean flow, Set<String> tasks, InventorySink sink) {
        String who = (flow ? "flow " : "function ") + function.name();
        for (AwaitedTaskFutures.Await a : AwaitedTaskFutures.in(function.body(), tasks)) {
            String message = a.droppable()
                    ? who + " awaits " + a.operand().text().strip()
                            + "; Prefect 3 futures are synchronous and awaiting one raises TypeError"
                    : who + " awaits the task future " + a.operand().text().strip() + "; Prefect 3 futures are synchronous "
                            + "and awaiting one raises TypeError: use its .result() for the value, or .wait()";
            sink.finding(Findings.of("BHV007", message, m.at(a.await()), null));
        }
        for (AwaitedTaskFutures.Gather g : AwaitedTaskFutures.gathers(function.body(), tasks)) {
            sink.finding(Findings.of("BHV007", who + " gathers task futures' coroutines with "
                    + g.call().text().strip() + "; Prefect 3 futures are synchronous, so .result() and .submit() give "
                    + "no coroutine and asyncio.gather raises TypeError: collect them in a list", m.at(g.await()), null));
        }
    }

    /**
     * BHV009 in {@code body} (a function's, or the module's top level): on a name bound there only to a task's {@code
     * submit(...)} (awaited or not), {@code f.get_state()}, which Prefect 3 futures lack (AttributeError: they have a
     * {@code state} property), and any use of the value of {@code f.wait(...)} or {@code t.submit(x).wait()}, which
     * Prefect 3 returns as None instead of the state.
     */
    static void states(PythonModule m, Node body, Set<String> tasks, InventorySink sink) {
        List<Node> nodes = scope(body);
        Set<Node> statements = new HashSet<>();
        for (Node n : nodes) {
            if (n.kind() == NodeKind.EXPR_STMT && n.nodes().size() == 1) {
                // `await f.wait()` on a line of its own discards the value as `f.wait()` does
                statements.add(awaitedValue(n.nodes().get(0)));
            }
        }
        Set<String> futures = futures(nodes, tasks);
        futures.addAll(TaskFutureLoops.of(nodes, tasks));
        for (Node n : nodes) {
            if (n.kind() != NodeKind.CALL || Expressions.unwrap(n.nodes().get(0)).kind() != NodeKind.ATTRIBUTE) {
                continue;
            }
            Node callee = Expressions.unwrap(n.nodes().get(0));
            Node receiver = Expressions.unwrap(callee.nodes().get(0));
            String method = lastName(callee);
            if (receiver.kind() == NodeKind.CALL && method.equals("wait") && !statements.contains(n)) {
                chainedWait(m, n, receiver, tasks, sink);
            }
            if (receiver.kind() != NodeKind.NAME || !futures.contains(Expressions.name(receiver))) {
                continue;
            }
            String f = Expressions.name(receiver);
            if (method.equals("get_state") && new CallView(n).arguments().isEmpty()) {
                sink.finding(Findings.of("BHV009", f + ".get_state() raises AttributeError in Prefect 3, whose task futures "
                        + "have a state property: read " + f + ".state", m.at(n), null));
            } else if (method.equals("wait") && !statements.contains(n)) {
                sink.finding(Findings.of("BHV009", "the value of " + n.text().strip() + " is None in Prefect 3, not the "
                        + "future's state: call " + f + ".wait(), then read " + f + ".state", m.at(n), null));
            }
        }
    }

    /**
     * The chained form, {@code t.submit(x).wait()} used in place (assigned, returned, passed on, {@code .is_failed()}
     * read from it), as ReadFutureStateFromProperty reads it: without {@code return_state=}.
     */
    private static void chainedWait(PythonModule m, Node wait, Node submit, Set<String> tasks, InventorySink sink) {
        Optional<String> task = receiver(submit, "submit").filter(tasks::contains);
        if (task.isEmpty() || new CallView(submit).keyword("return_state").isPresent()) {
            return;
        }
        String submitted = task.get() + ".submit";
        sink.finding(Findings.of("BHV009", "the value of " + wait.text().strip() + " is None in Prefect 3, not the "
                + "future's state: " + submitted + "(..., return_state=True) waits and returns the state", m.at(wait), null));
    }

    /** Names bound in {@code nodes} only to {@code t.submit(...)} of a task, awaited or not. */
    private static Set<String> futures(List<Node> nodes, Set<String> tasks) {
        Set<String> futures = new HashSet<>();
        Set<String> other = new HashSet<>();
        for (Node n : nodes) {
            Optional<Statements.Assignment> a = Statements.assignment(n);
            if (a.isEmpty()) {
                continue;
            }
            Node value = awaitedValue(a.get().value());
            boolean submit = value != null && value.kind() == NodeKind.CALL && a.get().targets().size() == 1
                    && receiver(value, "submit").filter(tasks::contains).isPresent();
            for (Node target : a.get().targets()) {
                if (target.kind() == NodeKind.NAME) {
                    (submit ? futures : other).add(Expressions.name(target));
                }
            }
        }
        futures.removeAll(other);
        return futures;
    }

    /** {@code value} unwrapped, and without an {@code await} in front; null for none. */
    private static Node awaitedValue(Node value) {
        Node v = value == null ? null : Expressions.unwrap(value);
        if (v != null && v.kind() == NodeKind.AWAIT && !v.nodes().isEmpty()) {
            v = Expressions.unwrap(v.nodes().get(0));
        }
        return v;
    }

    private static boolean isSubmit(Node call, Set<String> tasks) {
        return receiver(call, "submit", "map").filter(tasks::contains).isPresent();
    }

    /**
     * What {@code call} calls one of {@code methods} on, as written ({@code load} of {@code load.submit(x)}, {@code
     * t.load} of {@code t.load.map(xs)}, {@code load} of {@code load.with_options(name=n).submit(x)}), or empty.
     */
    static Optional<String> receiver(Node call, String... methods) {
        return TaskRefs.calledOn(call, methods);
    }

    /** The last name of a dotted expression: {@code submit} of {@code t.load.submit}. */
    static String lastName(Node attribute) {
        return TaskRefs.lastName(attribute);
    }

    /** {@code n} and its descendants, but not those of nested functions and classes, which are scopes of their own. */
    static List<Node> scope(Node n) {
        return PythonScopes.ownScope(n);
    }
}
