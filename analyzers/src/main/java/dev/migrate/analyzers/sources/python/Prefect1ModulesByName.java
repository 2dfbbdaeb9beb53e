package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project modules a file loads by name, as Prefect 1 registration scripts do: {@code mod =
 * importlib.import_module("flows.etl")}, also over a list of names ({@code for name in ["flows.etl", "flows.report"]:
 * mod = importlib.import_module(name)}, the list written there or in a module constant), and what it reads from them:
 * {@code mod.flow}, {@code getattr(mod, "flow")}, {@code importlib.import_module("flows.etl").flow}. Such a read is the
 * same as {@code from flows.etl import flow}, so the scan's reading of another module's flow and the rewrite's
 * ({@link Prefect1ImportedFlows}, and the converted module's record of who reads its names) take it as one. A module
 * name known only when the script runs is not read.
 */
public final class Prefect1ModulesByName {
    private static final Set<String> IMPORT_MODULE = Set.of("importlib.import_module");

    private final Imports imports;
    /** Local name -> the dotted module names it may hold; a name bound to anything else as well is not here. */
    private final Map<String, Set<String>> bound;

    private Prefect1ModulesByName(Imports imports, Map<String, Set<String>> bound) {
        this.imports = imports;
        this.bound = bound;
    }

    public static Prefect1ModulesByName of(Node root, Imports imports) {
        Map<String, Set<String>> bound = new HashMap<>();
        if (imports.all().stream().noneMatch(b -> b.qualifiedName().equals("importlib")
                || b.qualifiedName().startsWith("importlib."))) {
            return new Prefect1ModulesByName(imports, bound); // most modules: no walk of the tree
        }
        Set<String> otherwise = new HashSet<>();
        for (Node n : Nodes.find(root, NodeKind.ASSIGN)) {
            Optional<Statements.Assignment> a = Statements.assignment(n);
            if (a.isEmpty() || a.get().value() == null || a.get().targets().size() != 1
                    || a.get().targets().get(0).kind() != NodeKind.NAME) {
                continue;
            }
            String name = Expressions.name(a.get().targets().get(0));
            Set<String> modules = loaded(root, imports, a.get().value(), n);
            if (modules.isEmpty()) {
                otherwise.add(name);
            } else {
                bound.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(modules);
            }
        }
        otherwise.forEach(bound::remove);
        return new Prefect1ModulesByName(imports, bound);
    }

    /**
     * The calls of {@code root} that load a module, or read a name from a module loaded by a literal name, by a name
     * known only when the script runs: {@code importlib.import_module(os.environ["FLOW_MODULE"])},
     * {@code import_module(sys.argv[1])}, {@code getattr(mod, os.getenv("FLOW_NAME", "flow"))}. A literal, or a loop's
     * name over a list of literals, is read ({@link #of}); anything else is not, and these calls say where.
     */
    public static List<Node> chosenAtRunTime(Node root, Imports imports) {
        if (imports.all().stream().noneMatch(b -> b.qualifiedName().equals("importlib")
                || b.qualifiedName().startsWith("importlib."))) {
            return List.of();
        }
        Prefect1ModulesByName byName = of(root, imports);
        List<Node> out = new ArrayList<>();
        for (Node call : Nodes.find(root, NodeKind.CALL)) {
            if (imports.qualifiedName(call).filter(IMPORT_MODULE::contains).isPresent()) {
                Optional<Node> name = new CallView(call).positional(0).map(a -> Expressions.unwrap(a.value()));
                if (name.isPresent() && !staticName(root, call, name.get())) {
                    out.add(call);
                }
            } else if (call.kind() == NodeKind.CALL && byName.isGetattr(call)) {
                CallView view = new CallView(call);
                Optional<Node> holder = view.positional(0).map(a -> Expressions.unwrap(a.value()));
                Optional<Node> name = view.positional(1).map(a -> Expressions.unwrap(a.value()));
                // a module loaded by a literal name, read by a name the script gets when it runs
                if (holder.isPresent() && name.isPresent() && !byName.modules(holder.get()).isEmpty()
                        && !staticName(root, call, name.get())) {
                    out.add(call);
                }
            }
        }
        return out;
    }

    /** Whether {@code name}, an argument of {@code call}, is a literal or a loop's name over literals around it. */
    private static boolean staticName(Node root, Node call, Node name) {
        if (StringLiterals.value(name).isPresent()) {
            return true;
        }
        if (name.kind() != NodeKind.NAME) {
            return false;
        }
        for (Node loop : Nodes.find(root, NodeKind.FOR)) {
            Node target = loop.nodes().get(0);
            if (target.kind() == NodeKind.NAME && Expressions.name(target).equals(Expressions.name(name))
                    && loop.encloses(call)) {
                return !strings(root, Expressions.unwrap(loop.nodes().get(1))).isEmpty();
            }
        }
        return false;
    }

    /** Whether the file loads any module by a name this reads. */
    public boolean any() {
        return !bound.isEmpty();
    }

    /**
     * The qualified names {@code expr} reads from a module loaded by name ({@code mod.flow}, {@code getattr(mod, "flow")}):
     * one per module the name may hold ({@code flows.etl.flow}); empty when it is no such read.
     */
    public List<String> qualifiedNames(Node expr) {
        Node e = Expressions.unwrap(expr);
        Node holder;
        String attribute;
        if (e.kind() == NodeKind.ATTRIBUTE) {
            List<Token> tokens = e.tokens();
            holder = Expressions.unwrap(e.nodes().get(0));
            attribute = tokens.get(tokens.size() - 1).text();
        } else if (e.kind() == NodeKind.CALL && isGetattr(e)) {
            CallView call = new CallView(e);
            Optional<String> name = call.positional(1).flatMap(a -> StringLiterals.value(Expressions.unwrap(a.value())));
            if (name.isEmpty() || call.positional(0).isEmpty()) {
                return List.of();
            }
            holder = Expressions.unwrap(call.positional(0).get().value());
            attribute = name.get();
        } else {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String module : modules(holder)) {
            out.add(module + "." + attribute);
        }
        return out;
    }

    private boolean isGetattr(Node call) {
        Node callee = Expressions.unwrap(call.nodes().get(0));
        return callee.kind() == NodeKind.NAME && Expressions.name(callee).equals("getattr")
                && imports.binding("getattr").isEmpty();
    }

    /** The modules {@code holder} (a name bound to a loaded module, or the import_module call itself) may be. */
    private Set<String> modules(Node holder) {
        if (holder.kind() == NodeKind.NAME) {
            return bound.getOrDefault(Expressions.name(holder), Set.of());
        }
        return holder.kind() == NodeKind.CALL ? literalModules(holder, imports) : Set.of();
    }

    /** The modules an assigned {@code value} loads: an import_module call of a literal, or of a loop's name. */
    private static Set<String> loaded(Node root, Imports imports, Node value, Node assignment) {
        Node call = Expressions.unwrap(value);
        if (call.kind() != NodeKind.CALL || !imports.qualifiedName(call).filter(IMPORT_MODULE::contains).isPresent()) {
            return Set.of();
        }
        Set<String> literal = literalModules(call, imports);
        if (!literal.isEmpty()) {
            return literal;
        }
        Node arg = new CallView(call).positional(0).map(a -> Expressions.unwrap(a.value())).orElse(null);
        if (arg == null || arg.kind() != NodeKind.NAME) {
            return Set.of();
        }
        // for name in ["flows.etl", ...]: mod = importlib.import_module(name)
        String name = Expressions.name(arg);
        for (Node loop : Nodes.find(root, NodeKind.FOR)) {
            Node target = loop.nodes().get(0);
            if (target.kind() == NodeKind.NAME && Expressions.name(target).equals(name) && loop.encloses(assignment)) {
                return strings(root, Expressions.unwrap(loop.nodes().get(1)));
            }
        }
        return Set.of();
    }

    private static Set<String> literalModules(Node call, Imports imports) {
        if (!imports.qualifiedName(call).filter(IMPORT_MODULE::contains).isPresent()) {
            return Set.of();
        }
        return new CallView(call).positional(0).flatMap(a -> StringLiterals.value(Expressions.unwrap(a.value())))
                .filter(m -> !m.startsWith(".")).map(Set::of).orElse(Set.of());
    }

    /** The strings of a literal list or tuple, or of a module constant holding one; empty if any is not a literal. */
    private static Set<String> strings(Node root, Node iterable) {
        Node list = iterable;
        if (list.kind() == NodeKind.NAME) {
            List<Node> values = new ArrayList<>();
            for (Node s : Statements.of(root)) {
                Statements.assignment(s).filter(a -> a.value() != null && a.targets().size() == 1
                                && a.targets().get(0).kind() == NodeKind.NAME
                                && Expressions.name(a.targets().get(0)).equals(Expressions.name(iterable)))
                        .ifPresent(a -> values.add(Expressions.unwrap(a.value())));
            }
            if (values.size() != 1) {
                return Set.of();
            }
            list = values.get(0);
        }
        if (list.kind() != NodeKind.LIST && list.kind() != NodeKind.TUPLE) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (Node item : list.nodes()) {
            Optional<String> s = StringLiterals.value(Expressions.unwrap(item));
            if (s.isEmpty() || s.get().startsWith(".")) {
                return Set.of();
            }
            out.add(s.get());
        }
        return out;
    }
}
