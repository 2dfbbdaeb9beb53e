package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Calls of a Prefect 1 Flow method on a flow another module of the project makes ({@code from flows.etl import flow;
 * flow.register(project_name="p")} in a script, {@code basic_flow.run()} in a test, {@code mod.flow.register()} after
 * {@code mod = importlib.import_module("flows.etl")}): once that module's flow is a Prefect 3 flow, the method is gone
 * and the call fails, whatever the calling module imports. The scan reports the registrations of every flow
 * {@link #ownFlows} finds and the Prefect 1 rewrite marks the same calls with a PF108 TODO, both by this reading (the
 * rewrite also marks the other methods on the flows it converts). A flow is known by
 * {@link #key} ("etl.flow": the last part of its module's path and the name it is bound to), so a namesake module
 * elsewhere counts too.
 */
public final class Prefect1ImportedFlows {
    /** Prefect 1 Flow methods a Prefect 3 flow does not have. */
    public static final Set<String> FLOW_METHODS = Set.of("run", "register", "visualize", "serialize", "save",
            "validate", "serialized_hash");

    private Prefect1ImportedFlows() {
    }

    /** "module.variable" of a flow bound to {@code variable} in the file at {@code sourcePath}. */
    public static String key(String sourcePath, String variable) {
        String[] parts = sourcePath.replace('\\', '/').split("/");
        String file = parts[parts.length - 1].replaceFirst("\\.pyi?$", "");
        return (file.equals("__init__") && parts.length > 1 ? parts[parts.length - 2] : file) + "." + variable;
    }

    /**
     * The names {@code module} binds Prefect 1 flows of its own to, at its top level ({@code with Flow(...) as flow:},
     * {@code flow = Flow(...)}, or a Flow subclass it defines): what other modules may import.
     */
    public static Set<String> ownFlows(Node module, Imports imports) {
        Set<String> subclasses = Prefect1FlowClasses.subclasses(module, imports, Set.of());
        Set<String> out = new HashSet<>();
        for (Node s : Statements.of(module)) {
            if (s.kind() == NodeKind.WITH) {
                for (Statements.WithItem item : Statements.withItems(s)) {
                    if (item.target() != null && item.target().kind() == NodeKind.NAME && isFlow(item.context(), imports, subclasses)) {
                        out.add(Expressions.name(item.target()));
                    }
                }
            }
            Statements.assignment(s).filter(a -> a.value() != null && a.targets().size() == 1
                            && a.targets().get(0).kind() == NodeKind.NAME && isFlow(a.value(), imports, subclasses))
                    .ifPresent(a -> out.add(Expressions.name(a.targets().get(0))));
        }
        return out;
    }

    private static boolean isFlow(Node value, Imports imports, Set<String> subclasses) {
        Node call = Expressions.unwrap(value);
        if (call.kind() != NodeKind.CALL) {
            return false;
        }
        Optional<String> q = imports.qualifiedName(call);
        return q.isPresent() ? Prefect1FlowClasses.FLOW.contains(q.get())
                : Expressions.dottedName(call.nodes().get(0)).filter(subclasses::contains).isPresent();
    }

    /**
     * The calls in {@code root} of one of {@code methods} on a flow {@code flows} (keys) names, as the module imports
     * it, loads its module by name ({@code importlib.import_module("flows.etl").flow}, {@code getattr(mod, "flow")}, see
     * {@link Prefect1ModulesByName}), or through a name holding such flows ({@code flows = (etl_flow, report_flow)},
     * {@code for flow in flows:}).
     */
    public static List<Node> methodCalls(Node root, Set<String> flows, Set<String> methods) {
        Imports imports = Imports.of(root);
        Prefect1ModulesByName byName = Prefect1ModulesByName.of(root, imports);
        Set<String> holders = holders(root, imports, byName, flows);
        List<Node> out = new ArrayList<>();
        for (Node call : Nodes.find(root, NodeKind.CALL)) {
            Node callee = Expressions.unwrap(call.nodes().get(0));
            if (callee.kind() == NodeKind.ATTRIBUTE && methods.contains(method(call))
                    && isImportedFlow(callee.nodes().get(0), imports, byName, holders, flows)) {
                out.add(call);
            }
        }
        return out;
    }

    /** The method a call of {@link #methodCalls} calls ({@code register}). */
    public static String method(Node call) {
        Node callee = Expressions.unwrap(call.nodes().get(0));
        List<Token> tokens = callee.tokens();
        return callee.kind() == NodeKind.ATTRIBUTE && !tokens.isEmpty() ? tokens.get(tokens.size() - 1).text() : "";
    }

    /** What a call of {@link #methodCalls} calls the method on, as written ({@code etl.flow}, {@code getattr(mod, "flow")}). */
    public static String receiver(Node call) {
        return Expressions.unwrap(call.nodes().get(0)).nodes().get(0).print().strip();
    }

    /** Whether {@code expr} is another module's flow, as imported or loaded here, or a name {@code holders} has. */
    private static boolean isImportedFlow(Node expr, Imports imports, Prefect1ModulesByName byName, Set<String> holders,
                                          Set<String> flows) {
        Node e = Expressions.unwrap(expr);
        if (e.kind() == NodeKind.NAME && holders.contains(Expressions.name(e))) {
            return true;
        }
        List<String> names = new ArrayList<>(byName.qualifiedNames(e));
        imports.qualifiedName(e).ifPresent(names::add);
        for (String name : names) {
            String[] q = name.split("\\.");
            if (q.length >= 2 && flows.contains(q[q.length - 2] + "." + q[q.length - 1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Names that hold imported flows: a name assigned one of them ({@code flow = getattr(mod, "flow")} in a loop over
     * module names) or a collection of them, and the target of a loop over one; two passes, for a loop over a name
     * assigned further up.
     */
    private static Set<String> holders(Node root, Imports imports, Prefect1ModulesByName byName, Set<String> flows) {
        Set<String> out = new HashSet<>();
        for (int pass = 0; pass < 2; pass++) {
            for (Node s : Nodes.find(root, NodeKind.ASSIGN)) {
                Optional<Statements.Assignment> a = Statements.assignment(s).filter(x -> x.operator().equals("=")
                        && x.targets().size() == 1 && x.targets().get(0).kind() == NodeKind.NAME);
                if (a.isPresent() && mentionsFlow(a.get().value(), imports, byName, out, flows)) {
                    out.add(Expressions.name(a.get().targets().get(0)));
                }
            }
            for (Node loop : Nodes.find(root, NodeKind.FOR)) {
                Node target = loop.nodes().get(0);
                if (target.kind() == NodeKind.NAME && mentionsFlow(loop.nodes().get(1), imports, byName, out, flows)) {
                    out.add(Expressions.name(target));
                }
            }
        }
        return out;
    }

    private static boolean mentionsFlow(Node expr, Imports imports, Prefect1ModulesByName byName, Set<String> holders,
                                        Set<String> flows) {
        if (expr == null) {
            return false;
        }
        for (Node n : Nodes.find(expr, x -> x.kind() == NodeKind.NAME || x.kind() == NodeKind.ATTRIBUTE
                || x.kind() == NodeKind.CALL)) {
            if (isImportedFlow(n, imports, byName, holders, flows)) {
                return true;
            }
        }
        return false;
    }
}
