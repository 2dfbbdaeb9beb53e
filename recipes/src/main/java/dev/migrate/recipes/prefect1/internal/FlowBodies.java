package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.PyElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of a {@code with Flow(...)} block. Prefect 1 runs it once to build a graph and runs the graph later;
 * Prefect 3 runs it as Python. The two agree when the body only binds Parameters and calls tasks on names bound
 * earlier in the body (so statement order is a topological order of the graph), with {@code case} blocks and
 * {@code merge} as the only control flow. {@link #check} lists what breaks that; {@link #convert} rewrites the
 * body: Parameters go (they become function parameters), {@code with case(c, v):} becomes {@code if c == v:},
 * {@code merge(a, b)} picks the branch's value (a task call the cases test is bound to a name first, see
 * {@link CaseSubjects}), and call-time {@code upstream_tasks=} becomes {@code wait_for=}.
 */
public final class FlowBodies {
    private static final Set<String> ORDERING_METHODS = Set.of("set_upstream", "set_downstream", "set_dependencies",
            "add_edge", "bind");

    private FlowBodies() {
    }

    public static void check(Node suite, Imports imports, String flowVariable, List<String> blockers) {
        check(suite, imports, flowVariable, blockers, Set.of());
    }

    /** {@code moduleTasks}: the module-level names bound to tasks ({@link TaskDefinitions#moduleTaskNames}). */
    public static void check(Node suite, Imports imports, String flowVariable, List<String> blockers,
                             Set<String> moduleTasks) {
        check(suite, imports, flowVariable, blockers, true, suite, moduleTasks);
    }

    /** {@code block}: the whole body of the with-Flow statement, {@code suite} the part checked (a case block's). */
    private static void check(Node suite, Imports imports, String flowVariable, List<String> blockers, boolean top,
                              Node block, Set<String> moduleTasks) {
        for (Node stmt : Statements.of(suite)) {
            if (stmt.kind() == NodeKind.WITH) {
                List<Statements.WithItem> items = Statements.withItems(stmt);
                if (items.size() == 1 && items.get(0).target() == null && isControlFlow(items.get(0).context(), imports, "case")) {
                    check(stmt.firstNode(NodeKind.SUITE), imports, flowVariable, blockers, false, block, moduleTasks);
                    continue;
                }
                blockers.add("`with` block `" + firstLine(stmt) + "` inside the flow (resource managers and nested "
                        + "contexts run at build time in Prefect 1)");
                continue;
            }
            if (top && (FlowChains.convertible(stmt, suite, flowVariable)
                    || FlowAnalysis.settingAttribute(stmt, flowVariable).isPresent())) {
                // flow.chain(...) becomes calls; flow.storage = ... moves to the deployment as after the block
                continue;
            }
            if (!Set.of(NodeKind.ASSIGN, NodeKind.EXPR_STMT, NodeKind.PASS).contains(stmt.kind())) {
                blockers.add("`" + firstLine(stmt) + "` runs once at build time in Prefect 1 but at run time in Prefect 3");
                continue;
            }
            for (Node n : Nodes.find(stmt, NodeKind.NAME)) {
                if (flowVariable != null && Expressions.name(n).equals(flowVariable)) {
                    blockers.add("`" + firstLine(stmt) + "` uses the Flow object inside its block");
                }
            }
            boolean conditional = top && ConditionalTasks.isConditionalCall(stmt, imports);
            if (conditional) {
                ConditionalTasks.plan(suite, stmt, imports, blockers);
            }
            for (Node c : Nodes.find(stmt, NodeKind.CALL)) {
                CallView call = new CallView(c);
                Optional<List<String>> parts = Expressions.dottedParts(call.callee());
                if (parts.isPresent() && ORDERING_METHODS.contains(parts.get().get(parts.get().size() - 1))
                        && !(top && OrderedEdges.satisfied(stmt, suite))) {
                    blockers.add("`" + firstLine(stmt) + "` adds an edge that the statement order does not show; "
                            + "pass the upstream result with wait_for= instead");
                }
                boolean planned = conditional && c == Expressions.unwrap(stmt.nodes().get(0));
                if (!planned && (isControlFlow(c, imports, "ifelse") || isControlFlow(c, imports, "switch"))
                        || isControlFlow(c, imports, "flatten") || isControlFlow(c, imports, "resource_manager")
                        || isControlFlow(c, imports, "apply_map") || isControlFlow(c, imports, "mapped")) {
                    blockers.add("`" + firstLine(stmt) + "` uses Prefect 1 control flow; write it in Python in the "
                            + "flow function (if/else, a loop or .map(), a with block)");
                }
                if (call.keyword("task_args").isPresent() && TaskArgsCalls.options(call, imports).isEmpty()) {
                    blockers.add("`" + firstLine(stmt) + "` passes task_args= that is not a literal dict of options with "
                            + "Prefect 3 forms; use task.with_options(...)(...)");
                }
                if (call.keyword("mapped").isPresent()) {
                    blockers.add("`" + firstLine(stmt) + "` passes mapped=; use .map(...)");
                }
                for (String task : upstreamTaskObjects(call, block, flowVariable)) {
                    blockers.add("`" + firstLine(stmt) + "` names the task " + task + " itself in upstream_tasks=, not a "
                            + "result bound in the flow: Prefect 1 added that task to the flow and ran it first, which "
                            + "wait_for=[" + task + "] would not; call it in the flow (" + task + "_result = " + task
                            + "()) and pass wait_for=[" + task + "_result]");
                }
                // Prefect 1's own functions (ifelse, merge, apply_map, unmapped) take task objects by design
                // and the Flow's methods and the edge methods have their own TODO above
                boolean prefectFunction = imports.qualifiedName(c).filter(q -> q.startsWith("prefect.")).isPresent()
                        || parts.isPresent() && (parts.get().get(0).equals(flowVariable)
                        || ORDERING_METHODS.contains(parts.get().get(parts.get().size() - 1)));
                for (String task : prefectFunction ? List.<String>of() : taskObjectArguments(call, block, moduleTasks)) {
                    blockers.add("`" + firstLine(stmt) + "` passes the task " + task + " itself as an argument: Prefect 1 "
                            + "ran it first and passed its result, Prefect 3 would pass the function; call it in the "
                            + "flow (" + task + "_result = " + task + "()) and pass " + task + "_result");
                }
            }
        }
        // merges as convert sees them: with the task-call subjects it can bind to names first bound
        Node merging = CaseSubjects.hoist(suite, imports, PythonStyle.DEFAULT);
        Map<String, CaseBranch> branches = caseBranches(merging, imports);
        for (Node stmt : Statements.of(merging)) {
            for (Node c : Nodes.find(stmt, NodeKind.CALL)) {
                if (isControlFlow(c, imports, "merge") && mergeCode(new CallView(c), branches).isEmpty()) {
                    blockers.add(testsACall(new CallView(c), branches)
                            ? "`" + firstLine(stmt) + "` merges case branches that test a task call, which testing again "
                            + "would run again, and it cannot be bound to a name once here (it reads another call, the "
                            + "flow uses it elsewhere, or its inputs change between the blocks): bind it where it fits "
                            + "(check = task(...)) and case on the name"
                            : "`" + firstLine(stmt) + "` merges values that are not each bound in one case branch "
                            + "of the same condition");
                }
            }
        }
    }

    /** The converted body: a SUITE ready to be the body of the flow function. */
    public static Node convert(Node written, List<FlowParameter> params, Imports imports, PythonStyle style) {
        Node suite = CaseSubjects.hoist(written, imports, style);
        Map<String, CaseBranch> branches = caseBranches(suite, imports);
        Node out = suite;
        // ifelse/switch first, planned on the body as written (their plan reads the merge calls)
        for (ConditionalTasks.Plan plan : plans(suite, imports)) {
            out = StatementEdits.replace(out, plan.statement(), plan.code(), style);
            for (ConditionalTasks.Branch b : plan.branches()) {
                if (b.moved() != null) {
                    out = StatementEdits.remove(out, b.moved(), style);
                }
            }
        }
        // then merge(a, b): the case blocks it reads are still there
        for (Node stmt : Statements.of(suite)) {
            for (Node c : Nodes.find(stmt, NodeKind.CALL)) {
                if (isControlFlow(c, imports, "merge")) {
                    out = TreeEdits.replace(out, c, Snippets.expression(mergeCode(new CallView(c), branches).orElseThrow(),
                            style));
                }
            }
        }
        out = renameUpstreamTasks(out);
        out = TaskArgsCalls.convert(out, imports, style);
        out = convertCases(out, imports, style);
        List<String> aliases = new ArrayList<>();
        for (FlowParameter p : params) {
            if (TreeEdits.path(out, p.statement()) == null) {
                // a module-level Parameter (ModuleTasks): the conversion removes it from the module
                if (!p.variable().equals(p.apiName())) {
                    aliases.add(p.variable() + " = " + p.apiName());
                }
                continue;
            }
            // the Parameter line goes, what its comments say stays, above the statement that followed it
            List<String> comments = comments(Todos.statementOf(out, p.statement()));
            int at = Statements.of(out).indexOf(p.statement());
            out = StatementEdits.remove(out, p.statement(), style);
            List<Node> rest = Statements.of(out);
            if (!comments.isEmpty() && at >= 0 && !rest.isEmpty()) {
                out = commentsFirst(out, rest.get(Math.min(at, rest.size() - 1)), comments, style.newline());
            }
            if (!p.variable().equals(p.apiName())) {
                aliases.add(p.variable() + " = " + p.apiName());
            }
        }
        if (!aliases.isEmpty()) {
            List<Node> remaining = Statements.of(out);
            out = StatementEdits.insertBefore(out, remaining.get(0), String.join("\n", aliases), style);
        }
        return withoutLeadingBlankLines(out);
    }

    /** {@code comments} as the first lines above the statement holding {@code node}, before its own comments. */
    /**
     * The module-level statements that move into the flow ({@link ModuleTasks}), on top of the converted body: a
     * secret task's assignment with the comments above it, and of a Parameter (now a function parameter) only its
     * comments. The TODOs migrate wrote above them were about their place in the module and are left out.
     */
    public static Node moveIn(Node body, Node module, List<Node> moved, List<Node> code, PythonStyle style) {
        List<String> statements = new ArrayList<>();
        List<List<String>> above = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (Node s : moved) {
            List<String> mine = comments(Todos.statementOf(module, s)).stream()
                    .filter(l -> !l.startsWith("# TODO(migrate ")).toList();
            if (!code.contains(s)) {
                comments.addAll(mine);
                continue;
            }
            List<String> lines = new ArrayList<>(s.print().lines().toList());
            while (!lines.isEmpty() && (lines.get(0).isBlank() || lines.get(0).strip().startsWith("#"))) {
                lines.remove(0);
            }
            String text = String.join("\n", lines).stripTrailing();
            statements.add(text);
            // the comments inside the statement move with its code
            above.add(mine.stream().filter(c -> !text.contains(c)).toList());
        }
        Node out = body;
        if (!statements.isEmpty()) {
            out = StatementEdits.insertBefore(out, Statements.of(out).get(0), String.join("\n", statements) + "\n", style);
            for (int i = 0; i < above.size(); i++) {
                if (!above.get(i).isEmpty()) {
                    out = commentsFirst(out, Statements.of(out).get(i), above.get(i), style.newline());
                }
            }
        }
        if (!comments.isEmpty()) {
            out = commentsFirst(out, Statements.of(out).get(0), comments, style.newline());
        }
        return out;
    }

    private static Node commentsFirst(Node root, Node node, List<String> comments, String newline) {
        PyElement stmt = Todos.statementOf(root, node);
        String prefix = stmt.prefix().text();
        int lastBreak = Math.max(prefix.lastIndexOf('\n'), prefix.lastIndexOf('\r'));
        String indent = prefix.substring(lastBreak + 1);
        // a prefix starts where the line before it ended: the comments go right under that line
        StringBuilder added = new StringBuilder();
        comments.forEach(c -> added.append(indent).append(c).append(newline));
        String text = added + prefix;
        return TreeEdits.replaceKeepingPrefix(root, stmt, stmt.withPrefix(dev.migrate.rewriters.python.tree.Space.of(text)));
    }

    /** The comments written in and above a statement, in order ({@code # the day}, {@code  # trailing}). */
    public static List<String> comments(PyElement element) {
        List<String> out = new ArrayList<>();
        element.prefix().text().lines().map(String::strip).filter(l -> l.startsWith("#")).forEach(out::add);
        if (element instanceof Node n) {
            n.children().forEach(c -> out.addAll(comments(c)));
        }
        return out;
    }

    /** The blank line that separated the Parameters from the rest would open the function body: drop it. */
    private static Node withoutLeadingBlankLines(Node suite) {
        for (PyElement c : suite.children()) {
            if (c instanceof Node n && (n.kind() == NodeKind.SIMPLE_LINE || n.kind().isStatement())) {
                String prefix = n.prefix().text();
                int lastBreak = Math.max(prefix.lastIndexOf('\n'), prefix.lastIndexOf('\r'));
                boolean onlyBlank = lastBreak >= 0 && prefix.substring(0, lastBreak + 1).isBlank();
                if (!onlyBlank) {
                    return suite;
                }
                return TreeEdits.replaceKeepingPrefix(suite, n,
                        n.withPrefix(dev.migrate.rewriters.python.tree.Space.of(prefix.substring(lastBreak + 1))));
            }
        }
        return suite;
    }

    /**
     * The plain names in a call's {@code upstream_tasks=[...]} that no assignment of the flow block binds: task
     * objects defined outside the flow, which Prefect 1 added to the flow as tasks of their own.
     */
    private static List<String> upstreamTaskObjects(CallView call, Node block, String flowVariable) {
        Optional<Argument> up = call.keyword("upstream_tasks");
        if (up.isEmpty() || Expressions.unwrap(up.get().value()).kind() != NodeKind.LIST) {
            return List.of();
        }
        Set<String> bound = boundNames(block);
        List<String> out = new ArrayList<>();
        for (Node element : Expressions.unwrap(up.get().value()).nodes()) {
            Node e = Expressions.unwrap(element);
            if (e.kind() == NodeKind.NAME && !bound.contains(Expressions.name(e))
                    && !Expressions.name(e).equals(flowVariable)) {
                out.add(Expressions.name(e));
            }
        }
        return out;
    }

    /**
     * The module-level tasks a call passes as arguments themselves ({@code transform(extract)},
     * {@code load.map(x, unmapped(conn))} with a task {@code conn}), where the block binds no result of that name.
     */
    private static List<String> taskObjectArguments(CallView call, Node block, Set<String> moduleTasks) {
        if (moduleTasks.isEmpty()) {
            return List.of();
        }
        Set<String> bound = boundNames(block);
        List<String> out = new ArrayList<>();
        for (Argument a : call.arguments()) {
            if ("upstream_tasks".equals(a.keyword()) || "task_args".equals(a.keyword())) {
                continue;
            }
            Node v = Expressions.unwrap(a.value());
            if (v.kind() == NodeKind.CALL && new CallView(v).callee().kind() == NodeKind.NAME
                    && Expressions.name(new CallView(v).callee()).equals("unmapped")
                    && new CallView(v).positional(0).isPresent()) {
                v = Expressions.unwrap(new CallView(v).positional(0).get().value());
            }
            if (v.kind() == NodeKind.NAME && moduleTasks.contains(Expressions.name(v))
                    && !bound.contains(Expressions.name(v))) {
                out.add(Expressions.name(v));
            }
        }
        return out;
    }

    /** The names the assignments of a flow block bind (anywhere in it, case blocks included). */
    private static Set<String> boundNames(Node block) {
        Set<String> bound = new java.util.HashSet<>();
        for (Node a : Nodes.find(block, NodeKind.ASSIGN)) {
            Statements.assignment(a).ifPresent(x -> x.targets().forEach(t -> Nodes.find(t, NodeKind.NAME)
                    .forEach(n -> bound.add(Expressions.name(n)))));
        }
        return bound;
    }

    private static Node renameUpstreamTasks(Node root) {
        Node out = root;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Node c : Nodes.find(out, NodeKind.CALL)) {
                Optional<Argument> up = new CallView(c).keyword("upstream_tasks");
                if (up.isPresent()) {
                    out = Args.renameKeyword(out, up.get(), "wait_for");
                    changed = true;
                    break;
                }
            }
        }
        return out;
    }

    private static Node convertCases(Node suite, Imports imports, PythonStyle style) {
        Node out = suite;
        for (Node stmt : Statements.of(suite)) {
            if (stmt.kind() != NodeKind.WITH) {
                continue;
            }
            CallView caseCall = new CallView(Expressions.unwrap(Statements.withItems(stmt).get(0).context()));
            Node body = convertCases(stmt.firstNode(NodeKind.SUITE), imports, style);
            Node ifStmt = (Node) Snippets.statements("if " + condition(caseCall) + ":\n    pass\n", style, "").get(0);
            ifStmt = TreeEdits.replaceKeepingPrefix(ifStmt, ifStmt.firstNode(NodeKind.SUITE), body);
            out = TreeEdits.replace(out, stmt, ifStmt);
        }
        return out;
    }

    private static List<ConditionalTasks.Plan> plans(Node suite, Imports imports) {
        List<ConditionalTasks.Plan> out = new ArrayList<>();
        for (Node stmt : Statements.of(suite)) {
            if (ConditionalTasks.isConditionalCall(stmt, imports)) {
                ConditionalTasks.plan(suite, stmt, imports, new ArrayList<>()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** {@code case(task, value)} runs its block when the task's result equals the value. */
    private static String condition(CallView caseCall) {
        String task = caseCall.argument("task", 0).map(a -> a.value().print().strip()).orElse("None");
        String value = caseCall.argument("value", 1).map(a -> a.value().print().strip()).orElse("None");
        return task + " == " + value;
    }

    /** A branch of a body: the value it tests (case's task, ifelse's condition) and its whole test. */
    private record CaseBranch(String subject, String test) {
    }

    /** Names bound in the case blocks and ifelse/switch branches of a body: name -> branch. */
    private static Map<String, CaseBranch> caseBranches(Node suite, Imports imports) {
        Map<String, CaseBranch> out = new LinkedHashMap<>();
        for (Node stmt : Statements.of(suite)) {
            if (stmt.kind() != NodeKind.WITH) {
                continue;
            }
            Node ctx = Expressions.unwrap(Statements.withItems(stmt).get(0).context());
            if (!isControlFlow(ctx, imports, "case")) {
                continue;
            }
            CallView call = new CallView(ctx);
            String task = call.argument("task", 0).map(a -> a.value().print().strip()).orElse(null);
            String value = call.argument("value", 1).map(a -> a.value().print().strip()).orElse(null);
            for (Node inner : Statements.of(stmt.firstNode(NodeKind.SUITE))) {
                Statements.assignment(inner).ifPresent(a -> a.targets().stream().filter(t -> t.kind() == NodeKind.NAME)
                        .forEach(t -> out.put(Expressions.name(t), new CaseBranch(task, task + " == " + value))));
            }
        }
        for (ConditionalTasks.Plan plan : plans(suite, imports)) {
            for (ConditionalTasks.Branch b : plan.branches()) {
                if (b.bound() != null) {
                    out.put(b.bound(), new CaseBranch(plan.subject(), b.test()));
                }
            }
        }
        return out;
    }

    /**
     * {@code merge(a, b)} where {@code a} and {@code b} are bound in case blocks of one condition: the value of the
     * branch that ran, else None (Prefect 1 merge returns None when every branch was skipped).
     */
    private static Optional<String> mergeCode(CallView merge, Map<String, CaseBranch> branches) {
        String condition = null;
        StringBuilder sb = new StringBuilder();
        for (Argument a : merge.arguments()) {
            Node v = Expressions.unwrap(a.value());
            if (!a.isPositional() || v.kind() != NodeKind.NAME || !branches.containsKey(Expressions.name(v))) {
                return Optional.empty();
            }
            CaseBranch b = branches.get(Expressions.name(v));
            if (condition != null && !condition.equals(b.subject()) || b.subject() == null
                    || !b.subject().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                // a call as the subject would run its task again in the merge's tests
                return Optional.empty();
            }
            condition = b.subject();
            sb.append(Expressions.name(v)).append(" if ").append(b.test()).append(" else ");
        }
        return condition == null ? Optional.empty() : Optional.of(sb.append("None").toString());
    }

    /** Whether a merge reads a branch whose case tests something other than a plain name (a task call). */
    private static boolean testsACall(CallView merge, Map<String, CaseBranch> branches) {
        for (Argument a : merge.arguments()) {
            Node v = Expressions.unwrap(a.value());
            CaseBranch b = v.kind() == NodeKind.NAME ? branches.get(Expressions.name(v)) : null;
            if (b != null && b.subject() != null && !b.subject().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return true;
            }
        }
        return false;
    }

    static boolean isControlFlow(Node expr, Imports imports, String simpleName) {
        Node e = Expressions.unwrap(expr);
        return imports.qualifiedName(e).filter(q -> q.startsWith("prefect.") && q.endsWith("." + simpleName)).isPresent();
    }

    public static String firstLine(PyElement stmt) {
        String text = stmt.toString().strip();
        if (stmt instanceof Node n) {
            text = n.print().strip();
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).strip() + " ...";
    }
}
