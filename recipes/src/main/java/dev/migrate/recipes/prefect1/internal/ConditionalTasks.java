package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prefect 1 {@code ifelse(condition, true_task, false_task)} and {@code switch(condition, {value: task, ...})} as
 * statements of a flow body. Prefect 1 ran a branch task only when the condition matched ({@code bool(condition)}
 * for ifelse, {@code condition == value} for switch) and skipped it, and everything downstream of it, otherwise.
 * The Prefect 3 form is an {@code if}/{@code elif}/{@code else} at the place of the call holding each branch task's
 * call. A branch is a task object ({@code t}, called with no arguments), an inline task call, or a name bound by one
 * earlier {@code x = t(...)} statement of the body that nothing reads before the branch and nothing but
 * {@code merge} reads after it; that statement moves into the branch.
 */
public final class ConditionalTasks {
    /**
     * One branch.
     *
     * @param test  the Python condition of the branch
     * @param code  the statement the branch runs
     * @param bound the name the branch binds (read by merge), or null
     * @param moved the statement that moves into the branch, or null
     */
    public record Branch(String test, String code, String bound, Node moved) {
    }

    /** One convertible call: the statement holding it, what it tests, and its branches in order. */
    public record Plan(Node statement, String subject, boolean ifElse, List<Branch> branches) {
        /** The if/elif/else statement that replaces the call. */
        public String code() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < branches.size(); i++) {
                Branch b = branches.get(i);
                if (i == 0) {
                    sb.append("if ").append(b.test()).append(":\n");
                } else if (ifElse) {
                    sb.append("else:\n");
                } else {
                    sb.append("elif ").append(b.test()).append(":\n");
                }
                sb.append("    ").append(b.code()).append("\n");
            }
            return sb.toString();
        }
    }

    private ConditionalTasks() {
    }

    /** Whether {@code stmt} is an ifelse/switch call statement (convertible or not). */
    public static boolean isConditionalCall(Node stmt, Imports imports) {
        Node call = stmt.kind() == NodeKind.EXPR_STMT ? Expressions.unwrap(stmt.nodes().get(0)) : null;
        return call != null && (FlowBodies.isControlFlow(call, imports, "ifelse")
                || FlowBodies.isControlFlow(call, imports, "switch"));
    }

    /** The plan for an ifelse/switch statement of {@code suite}, or a reason why there is none. */
    public static Optional<Plan> plan(Node suite, Node stmt, Imports imports, List<String> blockers) {
        CallView call = new CallView(Expressions.unwrap(stmt.nodes().get(0)));
        boolean ifElse = FlowBodies.isControlFlow(call.node(), imports, "ifelse");
        Optional<Argument> condition = call.argument("condition", 0);
        if (condition.isEmpty() || call.keyword("mapped").isPresent()
                || call.arguments().stream().anyMatch(a -> a.unpacking() != null)) {
            blockers.add("`" + FlowBodies.firstLine(stmt) + "` has no plain condition");
            return Optional.empty();
        }
        Node cond = Expressions.unwrap(condition.get().value());
        String subject = cond.print().strip();
        List<Node[]> raw = new ArrayList<>(); // {value expression or null for the test, branch node}
        List<String> tests = new ArrayList<>();
        if (ifElse) {
            call.argument("true_task", 1).ifPresent(a -> {
                raw.add(new Node[] {a.value()});
                tests.add(subject);
            });
            call.argument("false_task", 2).ifPresent(a -> {
                raw.add(new Node[] {a.value()});
                tests.add("not " + subject);
            });
        } else {
            Node cases = call.argument("cases", 1).map(a -> Expressions.unwrap(a.value())).orElse(null);
            if (cases == null || cases.kind() != NodeKind.DICT || cond.kind() != NodeKind.NAME) {
                blockers.add("`" + FlowBodies.firstLine(stmt) + "` is not a switch on a name with a literal dict of cases");
                return Optional.empty();
            }
            for (Node entry : cases.nodes()) {
                if (entry.nodes().size() != 2) {
                    blockers.add("`" + FlowBodies.firstLine(stmt) + "` unpacks a dict into its cases");
                    return Optional.empty();
                }
                raw.add(new Node[] {entry.nodes().get(1)});
                tests.add(subject + " == " + entry.nodes().get(0).print().strip());
            }
        }
        List<Node> statements = Statements.of(suite);
        int at = statements.indexOf(stmt);
        List<Branch> branches = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Node value = Expressions.unwrap(raw.get(i)[0]);
            if (value.kind() == NodeKind.CONSTANT && value.print().strip().equals("None")) {
                continue; // Prefect 1 leaves a None branch out
            }
            Optional<Branch> b = branch(statements, at, value, tests.get(i), imports, blockers, stmt);
            if (b.isEmpty()) {
                return Optional.empty();
            }
            if (b.get().bound() != null && !seen.add(b.get().bound())) {
                blockers.add("`" + FlowBodies.firstLine(stmt) + "` runs `" + b.get().bound() + "` in two branches");
                return Optional.empty();
            }
            if (b.get().bound() != null && cond.kind() != NodeKind.NAME) {
                blockers.add("`" + FlowBodies.firstLine(stmt) + "` tests a call; bind it to a name first so that merge "
                        + "can test it again");
                return Optional.empty();
            }
            branches.add(b.get());
        }
        if (branches.isEmpty()) {
            blockers.add("`" + FlowBodies.firstLine(stmt) + "` has no branch");
            return Optional.empty();
        }
        return Optional.of(new Plan(stmt, subject, ifElse && branches.size() == 2, branches));
    }

    private static Optional<Branch> branch(List<Node> statements, int at, Node value, String test, Imports imports,
                                           List<String> blockers, Node stmt) {
        if (value.kind() == NodeKind.CALL) {
            return Optional.of(new Branch(test, value.print().strip(), null, null));
        }
        if (value.kind() != NodeKind.NAME) {
            blockers.add("`" + FlowBodies.firstLine(stmt) + "` has a branch that is not a task, a task call or a name");
            return Optional.empty();
        }
        String name = Expressions.name(value);
        List<Integer> bindings = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            if (binds(statements.get(i), name)) {
                bindings.add(i);
            }
        }
        if (bindings.isEmpty()) {
            // a task object of the module: Prefect 1 added it to the flow without arguments
            return Optional.of(new Branch(test, name + "()", null, null));
        }
        int s = bindings.get(0);
        Optional<Statements.Assignment> a = Statements.assignment(statements.get(s));
        boolean plain = bindings.size() == 1 && s < at && a.isPresent() && a.get().targets().size() == 1
                && a.get().targets().get(0).kind() == NodeKind.NAME && a.get().value() != null
                && Expressions.unwrap(a.get().value()).kind() == NodeKind.CALL
                && !FlowParameter.isParameterCall(a.get().value(), imports)
                && imports.qualifiedName(a.get().value()).filter(q -> q.startsWith("prefect.")).isEmpty();
        if (!plain) {
            blockers.add("`" + name + "` (a branch of `" + FlowBodies.firstLine(stmt) + "`) is not bound by one task call "
                    + "before it");
            return Optional.empty();
        }
        Set<String> inputs = new HashSet<>();
        Nodes.find(a.get().value(), NodeKind.NAME).forEach(n -> inputs.add(Expressions.name(n)));
        for (int i = s + 1; i < at; i++) {
            Node between = statements.get(i);
            boolean reads = Nodes.find(between, NodeKind.NAME).stream().anyMatch(n -> Expressions.name(n).equals(name));
            boolean rebinds = inputs.stream().anyMatch(in -> binds(between, in));
            if (reads || rebinds) {
                blockers.add("`" + FlowBodies.firstLine(between) + "` stands between `" + name + "` and the "
                        + "branch that runs it");
                return Optional.empty();
            }
        }
        for (int i = at + 1; i < statements.size(); i++) {
            for (Node n : Nodes.find(statements.get(i), NodeKind.NAME)) {
                if (Expressions.name(n).equals(name) && !isMergeArgument(statements.get(i), n, imports)) {
                    blockers.add("`" + FlowBodies.firstLine(statements.get(i)) + "` reads the branch result `" + name
                            + "` outside merge (Prefect 1 skipped it with the branch)");
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Branch(test, statements.get(s).print().strip(), name, statements.get(s)));
    }

    private static boolean binds(Node stmt, String name) {
        return Statements.assignment(stmt).map(a -> a.targets().stream().anyMatch(t -> Nodes.find(t, NodeKind.NAME)
                .stream().anyMatch(n -> Expressions.name(n).equals(name)))).orElse(false);
    }

    private static boolean isMergeArgument(Node stmt, Node name, Imports imports) {
        for (Node c : Nodes.find(stmt, NodeKind.CALL)) {
            if (FlowBodies.isControlFlow(c, imports, "merge") && new CallView(c).arguments().stream()
                    .anyMatch(a -> a.isPositional() && Expressions.unwrap(a.value()) == name)) {
                return true;
            }
        }
        return false;
    }
}
