package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code await}s Prefect 2 code put on task futures, which Prefect 3 makes synchronous (awaiting one raises
 * TypeError): one definition for the scan's BHV007 and DropAwaitOnTaskFutures, so that what one reports the other
 * fixes.
 *
 * <p>Where: every {@code async def} but a task's own body, not only flows. Prefect 2 ran {@code t.submit(...)} in
 * whatever code ran inside a flow run, so an async helper a flow awaits ({@code async def fetch_all(urls): return
 * [await fetch.submit(u) for u in urls]}) awaited task futures as the flow did, and raises TypeError on Prefect 3 as
 * the flow would: the change is in the future, not in the function holding it. A task's body is left out: Prefect 2
 * refused task runs inside a task, so no code there awaited a task future that worked.
 */
public final class AwaitedTaskFutures {
    private AwaitedTaskFutures() {
    }

    /**
     * An {@code await} on a task future. {@code droppable}: on a submit or map, or on a future's {@code result()} or
     * {@code wait()}, which give the same value without the {@code await}; otherwise it awaits the future itself, and
     * a person picks {@code .result()} or {@code .wait()}.
     */
    public record Await(Node await, Node operand, boolean droppable) {
    }

    /**
     * An {@code await asyncio.gather(...)} over task futures' coroutines: Prefect 2 made {@code t.submit(x)} (of an
     * async task) and {@code f.result()}/{@code f.wait()} coroutines in async code, so gathering them ran them
     * together; Prefect 3 gives futures and values, and gather raises TypeError on them. {@code list}: the list
     * comprehension of {@code gather(*[f.result() for f in futures])}, which gives the same list in Prefect 3 (the
     * futures are already running); null where the gather does more than collect (a keyword such as {@code
     * return_exceptions=True}, several arguments, a generator), which a person rewrites.
     */
    public record Gather(Node await, Node call, Node list) {
    }

    /** Whether a function's awaits are read: {@code async def}, and not a task ({@code isTask}). */
    public static boolean judged(Definitions function, boolean isTask) {
        return function.isAsync() && !isTask;
    }

    /**
     * The awaits of {@code body}'s own code (nested functions are read on their own) on futures of {@code tasks} (the
     * names and dotted names the function reaches tasks by), in source order.
     */
    public static List<Await> in(Node body, Set<String> tasks) {
        List<Node> scope = PythonScopes.ownScope(body);
        Set<String> futures = futureNames(scope, tasks);
        List<Await> out = new ArrayList<>();
        for (Node await : scope) {
            if (await.kind() != NodeKind.AWAIT || await.nodes().isEmpty()) {
                continue;
            }
            Node operand = Expressions.unwrap(await.nodes().get(0));
            if (submitsTask(operand, tasks) || resultOfFuture(operand, futures, tasks)) {
                out.add(new Await(await, operand, true));
            } else if (operand.kind() == NodeKind.NAME && futures.contains(Expressions.name(operand))) {
                out.add(new Await(await, operand, false));
            }
        }
        return out;
    }

    /**
     * The {@code await asyncio.gather(...)}s of {@code body}'s own code whose every gathered element is a submit or map
     * of {@code tasks} or a {@code result()}/{@code wait()} of their futures, in source order.
     */
    public static List<Gather> gathers(Node body, Set<String> tasks) {
        List<Node> scope = PythonScopes.ownScope(body);
        Set<String> futures = null;
        List<Gather> out = new ArrayList<>();
        for (Node await : scope) {
            if (await.kind() != NodeKind.AWAIT || await.nodes().isEmpty()) {
                continue;
            }
            Node call = Expressions.unwrap(await.nodes().get(0));
            if (call.kind() != NodeKind.CALL || !Expressions.dottedName(call.nodes().get(0)).filter("asyncio.gather"::equals)
                    .isPresent()) {
                continue;
            }
            if (futures == null) {
                futures = futureNames(scope, tasks);
            }
            List<Argument> args = new CallView(call).arguments();
            List<Node> elements = new ArrayList<>();
            Node list = null;
            boolean keywords = false;
            boolean known = true;
            for (Argument a : args) {
                Node value = Expressions.unwrap(a.value());
                if (a.keyword() != null) {
                    keywords = true; // return_exceptions=True: failures become values, which a person decides
                } else if ("*".equals(a.unpacking()) && (value.kind() == NodeKind.LIST_COMP
                        || value.kind() == NodeKind.GENERATOR) && !value.nodes().isEmpty()) {
                    elements.add(Expressions.unwrap(value.nodes().get(0)));
                    list = value.kind() == NodeKind.LIST_COMP ? value : null;
                } else if (a.isPositional()) {
                    elements.add(value);
                } else {
                    known = false; // *futures, **options: what they hold is not read here
                }
            }
            Set<String> bound = futures;
            if (!known || elements.isEmpty()
                    || !elements.stream().allMatch(e -> submitsTask(e, tasks) || resultOfFuture(e, bound, tasks))) {
                continue;
            }
            out.add(new Gather(await, call, args.size() == 1 ? list : null));
        }
        return out;
    }

    /** {@code t.submit(...)} or {@code t.map(...)} of one of the tasks. */
    private static boolean submitsTask(Node expr, Set<String> tasks) {
        return expr.kind() == NodeKind.CALL && TaskFutureUses.receiver(expr, "submit", "map").filter(tasks::contains)
                .isPresent();
    }

    /** {@code f.result(...)} or {@code f.wait(...)} of a name bound to task futures, or of a submit (awaited or not). */
    private static boolean resultOfFuture(Node expr, Set<String> futures, Set<String> tasks) {
        if (expr.kind() != NodeKind.CALL || Expressions.unwrap(expr.nodes().get(0)).kind() != NodeKind.ATTRIBUTE) {
            return false;
        }
        Node callee = Expressions.unwrap(expr.nodes().get(0));
        if (!List.of("result", "wait").contains(TaskFutureUses.lastName(callee))) {
            return false;
        }
        Node receiver = awaited(callee.nodes().get(0));
        return receiver.kind() == NodeKind.NAME && futures.contains(Expressions.name(receiver))
                || submitsTask(receiver, tasks);
    }

    /**
     * Names the scope binds to task futures: a submit or map of a task (awaited or not), a list of submits ({@code
     * [await t.submit(u) for u in urls]}), a list made empty and given only futures ({@code futures = []} then {@code
     * futures.append(t.submit(u))} or of a name bound to one), and the loop variable of a {@code for} statement or
     * comprehension over such a list ({@code [await f.result() for f in futures]}).
     */
    static Set<String> futureNames(List<Node> scope, Set<String> tasks) {
        Set<String> out = new HashSet<>();
        List<Node> loops = new ArrayList<>();
        Set<String> emptyLists = new HashSet<>();
        Set<String> boundOtherwise = new HashSet<>();
        List<Node> appends = new ArrayList<>();
        for (Node n : scope) {
            if (n.kind() == NodeKind.FOR || n.kind() == NodeKind.COMP_FOR) {
                loops.add(n);
            }
            if (n.kind() == NodeKind.CALL && n.nodes().size() == 2 && Expressions.unwrap(n.nodes().get(0)).kind()
                    == NodeKind.ATTRIBUTE && TaskFutureUses.lastName(Expressions.unwrap(n.nodes().get(0))).equals("append")) {
                appends.add(n);
            }
            Optional<Statements.Assignment> a = n.kind() == NodeKind.ASSIGN ? Statements.assignment(n) : Optional.empty();
            if (a.isPresent() && a.get().value() != null && holdsFutures(a.get().value(), tasks)) {
                for (Node target : a.get().targets()) {
                    if (target.kind() == NodeKind.NAME) {
                        out.add(Expressions.name(target));
                    }
                }
            } else if (a.isPresent() && a.get().value() != null) {
                Node value = Expressions.unwrap(a.get().value());
                for (Node target : a.get().targets()) {
                    if (target.kind() == NodeKind.NAME) {
                        (value.kind() == NodeKind.LIST && value.nodes().isEmpty() ? emptyLists : boundOtherwise)
                                .add(Expressions.name(target));
                    }
                }
            }
        }
        emptyLists.removeAll(boundOtherwise);
        // a list given anything but futures is none; what is a future depends on the lists, so read again without it
        for (Set<String> lists = emptyLists; ; ) {
            Set<String> found = grown(out, lists, appends, loops, tasks);
            Set<String> mixed = new HashSet<>();
            for (Node append : appends) {
                String list = appendedTo(append, lists);
                if (list != null && !isFuture(appendedItem(append), found, tasks)) {
                    mixed.add(list);
                }
            }
            if (mixed.isEmpty()) {
                return found;
            }
            lists = new HashSet<>(lists);
            lists.removeAll(mixed);
        }
    }

    /** {@code bound} grown by the lists given futures and the loop variables over futures, to a fixed point. */
    private static Set<String> grown(Set<String> bound, Set<String> lists, List<Node> appends, List<Node> loops,
            Set<String> tasks) {
        Set<String> out = new HashSet<>(bound);
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Node append : appends) {
                String list = appendedTo(append, lists);
                if (list != null && isFuture(appendedItem(append), out, tasks) && out.add(list)) {
                    grew = true;
                }
            }
            for (Node loop : loops) {
                List<Node> parts = loop.nodes();
                if (parts.size() < 2 || parts.get(0).kind() != NodeKind.NAME) {
                    continue;
                }
                Node iterated = Expressions.unwrap(parts.get(1));
                boolean overFutures = iterated.kind() == NodeKind.NAME && out.contains(Expressions.name(iterated))
                        || holdsFutures(iterated, tasks);
                if (overFutures && out.add(Expressions.name(parts.get(0)))) {
                    grew = true;
                }
            }
        }
        return out;
    }

    /** The name of the list of {@code lists} that {@code append} appends to, or null. */
    private static String appendedTo(Node append, Set<String> lists) {
        Node list = Expressions.unwrap(Expressions.unwrap(append.nodes().get(0)).nodes().get(0));
        return list.kind() == NodeKind.NAME && lists.contains(Expressions.name(list)) ? Expressions.name(list) : null;
    }

    /** The one positional argument of an {@code append} call, or null. */
    private static Node appendedItem(Node append) {
        List<Argument> args = new CallView(append).arguments();
        return args.size() == 1 && args.get(0).isPositional() ? Expressions.unwrap(args.get(0).value()) : null;
    }

    private static boolean isFuture(Node item, Set<String> futures, Set<String> tasks) {
        return item != null && (holdsFutures(item, tasks)
                || item.kind() == NodeKind.NAME && futures.contains(Expressions.name(item)));
    }

    /**
     * A submit or map of a task (awaited or not), a list literal or comprehension of such submits, or their gather
     * (awaited).
     */
    static boolean holdsFutures(Node expr, Set<String> tasks) {
        Node value = awaited(expr);
        if (submitsTask(value, tasks)) {
            return true;
        }
        if (value.kind() == NodeKind.LIST_COMP && !value.nodes().isEmpty()) {
            return submitsTask(awaited(value.nodes().get(0)), tasks);
        }
        if (value.kind() == NodeKind.CALL && Expressions.dottedName(value.nodes().get(0)).filter("asyncio.gather"::equals)
                .isPresent()) {
            // futures = await asyncio.gather(*[t.submit(u) for u in urls]): the futures Prefect 2 gave
            List<Argument> args = new CallView(value).arguments();
            Node only = args.size() == 1 && "*".equals(args.get(0).unpacking()) ? Expressions.unwrap(args.get(0).value())
                    : null;
            return only != null && (only.kind() == NodeKind.LIST_COMP || only.kind() == NodeKind.GENERATOR)
                    && !only.nodes().isEmpty() && submitsTask(awaited(only.nodes().get(0)), tasks);
        }
        if (value.kind() == NodeKind.LIST && !value.nodes().isEmpty()) {
            return value.nodes().stream().allMatch(e -> submitsTask(awaited(e), tasks));
        }
        return false;
    }

    /** {@code expr} unwrapped, without an {@code await} in front. */
    private static Node awaited(Node expr) {
        Node value = Expressions.unwrap(expr);
        return value.kind() == NodeKind.AWAIT && !value.nodes().isEmpty() ? Expressions.unwrap(value.nodes().get(0)) : value;
    }
}
