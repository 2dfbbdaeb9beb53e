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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code with case(check(x), True):} blocks whose branch values a {@code merge} picks. The merge becomes a test of the
 * case's subject, and testing {@code check(x)} again would run the task again; so the call is bound to a name before
 * the first block ({@code check_result = check(x)}) and every block and the merge test that name: the task runs once.
 * Blocks with the same call (same text) share the name, as one {@code check = check(x)} written by hand would. That is
 * done only when it cannot change what runs: the call reads no other call, the names it reads are not bound again
 * from its first block to its last, and the body uses the call nowhere but as the subject of case blocks.
 */
final class CaseSubjects {
    private CaseSubjects() {
    }

    /** The suite with the task-call subjects that merges read bound to names first; {@code suite} when none is. */
    static Node hoist(Node suite, Imports imports, PythonStyle style) {
        Map<String, List<Node>> blocks = hoistable(suite, imports);
        if (blocks.isEmpty()) {
            return suite;
        }
        Set<String> taken = new HashSet<>();
        Nodes.find(suite, NodeKind.NAME).forEach(n -> taken.add(Expressions.name(n)));
        List<Node> statements = Statements.of(suite);
        // subjects first (statements keep their places), then the bindings from the last one up, so that each
        // insertion leaves the places of the statements above it as they were
        Node out = suite;
        TreeMap<Integer, String> bindings = new TreeMap<>(Comparator.reverseOrder());
        for (Map.Entry<String, List<Node>> e : blocks.entrySet()) {
            String name = freeName(subject(e.getValue().get(0), imports).orElseThrow(), taken);
            taken.add(name);
            for (Node block : e.getValue()) {
                Node now = Statements.of(out).get(statements.indexOf(block));
                out = TreeEdits.replace(out, subject(now, imports).orElseThrow(), Snippets.expression(name, style));
            }
            bindings.put(statements.indexOf(e.getValue().get(0)), name + " = " + e.getKey());
        }
        for (Map.Entry<Integer, String> b : bindings.entrySet()) {
            out = StatementEdits.insertBefore(out, Statements.of(out).get(b.getKey()), b.getValue(), style);
        }
        return out;
    }

    /** Subject text -> its case blocks, in order, for the call subjects merges read that can be bound first. */
    private static Map<String, List<Node>> hoistable(Node suite, Imports imports) {
        List<Node> statements = Statements.of(suite);
        Map<String, List<Node>> out = new LinkedHashMap<>();
        for (Node block : merged(suite, imports)) {
            String text = subjectText(block, imports);
            if (out.containsKey(text)) {
                continue;
            }
            List<Node> same = new ArrayList<>();
            for (Node s : statements) {
                if (text.equals(subjectText(s, imports))) {
                    same.add(s);
                }
            }
            if (safe(statements, same, subject(block, imports).orElseThrow())) {
                out.put(text, same);
            }
        }
        return out;
    }

    /** The case blocks with a call subject that bind a name some merge of the body reads. */
    private static List<Node> merged(Node suite, Imports imports) {
        Set<String> read = new HashSet<>();
        for (Node c : Nodes.find(suite, NodeKind.CALL)) {
            if (FlowBodies.isControlFlow(c, imports, "merge")) {
                for (Argument a : new CallView(c).arguments()) {
                    Node v = Expressions.unwrap(a.value());
                    if (v.kind() == NodeKind.NAME) {
                        read.add(Expressions.name(v));
                    }
                }
            }
        }
        List<Node> out = new ArrayList<>();
        for (Node s : Statements.of(suite)) {
            boolean bindsRead = s.kind() == NodeKind.WITH && Statements.of(s.firstNode(NodeKind.SUITE)).stream()
                    .anyMatch(inner -> Statements.assignment(inner).filter(a -> a.targets().stream()
                            .anyMatch(t -> t.kind() == NodeKind.NAME && read.contains(Expressions.name(t)))).isPresent());
            if (bindsRead && subject(s, imports).filter(x -> x.kind() == NodeKind.CALL).isPresent()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The call reads no other call (a second task), the body uses it only as these blocks' subject, and nothing from
     * the first block to the last binds a name it reads: one run gives every block the value each run would.
     */
    private static boolean safe(List<Node> statements, List<Node> blocks, Node call) {
        if (Nodes.find(call, NodeKind.CALL).size() != 1) {
            return false;
        }
        String text = call.print().strip();
        long uses = statements.stream().flatMap(s -> Nodes.find(s, NodeKind.CALL).stream())
                .filter(c -> c.print().strip().equals(text)).count();
        if (uses != blocks.size()) {
            return false;
        }
        Set<String> inputs = new HashSet<>();
        Nodes.find(call, NodeKind.NAME).forEach(n -> inputs.add(Expressions.name(n)));
        for (int i = statements.indexOf(blocks.get(0)); i <= statements.indexOf(blocks.get(blocks.size() - 1)); i++) {
            for (Node a : Nodes.find(statements.get(i), n -> Statements.assignment(n).isPresent())) {
                for (Node target : Statements.assignment(a).get().targets()) {
                    if (Nodes.find(target, NodeKind.NAME).stream().anyMatch(n -> inputs.contains(Expressions.name(n)))
                            || target.kind() == NodeKind.NAME && inputs.contains(Expressions.name(target))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The task argument of a {@code with case(task, value):} statement. */
    private static Optional<Node> subject(Node stmt, Imports imports) {
        if (stmt.kind() != NodeKind.WITH) {
            return Optional.empty();
        }
        List<Statements.WithItem> items = Statements.withItems(stmt);
        Node ctx = items.size() == 1 ? Expressions.unwrap(items.get(0).context()) : null;
        if (ctx == null || ctx.kind() != NodeKind.CALL || !FlowBodies.isControlFlow(ctx, imports, "case")) {
            return Optional.empty();
        }
        return new CallView(ctx).argument("task", 0).map(a -> Expressions.unwrap(a.value()));
    }

    private static String subjectText(Node stmt, Imports imports) {
        return subject(stmt, imports).map(s -> s.print().strip()).orElse(null);
    }

    /** {@code check_result} for {@code check(x)} (or {@code tasks.check(x)}), numbered when the name is taken. */
    private static String freeName(Node call, Set<String> taken) {
        Node callee = new CallView(call).callee();
        List<String> parts = Expressions.dottedParts(callee).orElse(List.of("case_subject"));
        String base = parts.get(parts.size() - 1) + "_result";
        String name = base;
        for (int i = 2; taken.contains(name) || PyKeywords.is(name) || PyKeywords.isBuiltin(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

}
