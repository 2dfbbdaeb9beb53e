package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code flow.register(...)} on a flow made in another module, as registration scripts do
 * ({@code f = importlib.import_module(m); f.flow.register(project_name="p")}): PF108 with no job, since which flow it
 * is only running the script tells. A flow of the module itself is reported with its job by the flow detector. The
 * Prefect 1 to 3 rewrite reads the same calls ({@link #importsPrefect1}, {@link #calls}) and marks each with a TODO.
 */
public final class Prefect1Registrations {
    private Prefect1Registrations() {
    }

    static void report(PythonModule m, InventorySink sink) {
        for (Node call : reported(m)) {
            sink.finding(finding(m, call));
        }
    }

    /** The calls {@link #report} reports in {@code m}. */
    private static List<Node> reported(PythonModule m) {
        if (!importsPrefect1(m.imports())) {
            return List.of(); // `.register(...)` means nothing Prefect 1 in a module that uses no Prefect 1 name
        }
        return calls(m.nodes(NodeKind.CALL), flowNames(m.root(), m.imports()));
    }

    private static Finding finding(PythonModule m, Node call) {
        return Findings.of("PF108", "a flow is registered with the Prefect 1 API: " + receiver(call)
                + ".register(); Prefect 3 deploys flows with prefect.yaml (prefect deploy) instead", m.at(call), null);
    }

    /**
     * {@code register()} on a flow another module of the project makes ({@code from flows.etl import flow;
     * flow.register(project_name="p")}, or {@code importlib.import_module("flows.etl").flow}), read once every file is
     * seen ({@link Prefect1ImportedFlows}): a Prefect 1 registration even where the calling module imports no Prefect 1
     * name. Every module-level flow of the project counts, whether the rewrite converts it or leaves it as Prefect 1 code
     * (its registration fails once it is converted, by the rewrite or by hand), and the rewrite marks each of these calls
     * with a PF108 TODO by the same reading. Calls {@link #report} reports are not reported twice.
     */
    public static final class OfImportedFlows {
        private final Set<String> flows = new HashSet<>();
        private final List<PythonModule> registering = new ArrayList<>();

        /** Records the module's own flows, and the module itself when it calls some {@code register()}. */
        synchronized void offer(PythonModule m) {
            Prefect1ImportedFlows.ownFlows(m.root(), m.imports()).forEach(v -> flows.add(Prefect1ImportedFlows.key(m.file().path(), v)));
            // getattr(mod, "flow").register(...) is no dotted name: the method is read off the attribute
            boolean registers = m.nodes(NodeKind.CALL).stream().anyMatch(c -> Prefect1ImportedFlows.method(c).equals("register"));
            if (registers) {
                registering.add(m);
            }
        }

        synchronized void finish(InventorySink sink) {
            for (PythonModule m : registering) {
                Set<Node> done = Collections.newSetFromMap(new IdentityHashMap<>());
                done.addAll(reported(m));
                for (Node call : Prefect1ImportedFlows.methodCalls(m.root(), flows, Set.of("register"))) {
                    if (!done.contains(call)) {
                        sink.finding(finding(m, call));
                    }
                }
            }
        }
    }

    /** The job attribute naming the Prefect 1 project a flow is registered in ({@link #project}). */
    public static final String PROJECT = "prefect1.project";

    /**
     * The project the module registers its flow {@code variable} in: the {@code project_name} (keyword, or Prefect
     * 1.4.1's first positional parameter of {@code Flow.register}) of every {@code variable.register(...)} call, when
     * each is a string literal, directly or through a module constant, and all name the same one. A call that names
     * none, or one only running the code gives ({@code os.environ[...]}, {@code sys.argv[1]}), leaves it unknown.
     */
    static Optional<String> project(PythonModule m, String variable) {
        if (variable == null) {
            return Optional.empty();
        }
        Set<String> named = new HashSet<>();
        for (Node call : m.nodes(NodeKind.CALL)) {
            if (!Expressions.dottedName(Expressions.unwrap(call.nodes().get(0))).orElse("").equals(variable + ".register")) {
                continue;
            }
            Optional<String> project = PythonModule.arg(call, "project_name", 0).flatMap(m::string);
            if (project.isEmpty() || project.get().isBlank()) {
                return Optional.empty();
            }
            named.add(project.get());
        }
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }

    /**
     * The calls among {@code candidates} that register a Prefect 1 flow other than one of {@code flowNames}: a
     * {@code .register(...)} with Prefect 1's {@code project_name=}, or on a receiver named {@code flow} as most scripts
     * name it ({@code f.flow.register()}). Read only in a module that {@link #importsPrefect1}.
     */
    public static List<Node> calls(Collection<Node> candidates, Collection<String> flowNames) {
        List<Node> out = new ArrayList<>();
        for (Node call : candidates) {
            Optional<List<String>> callee = Expressions.dottedParts(Expressions.unwrap(call.nodes().get(0)));
            if (callee.isEmpty() || callee.get().size() < 2 || !callee.get().get(callee.get().size() - 1).equals("register")) {
                continue;
            }
            List<String> receiver = callee.get().subList(0, callee.get().size() - 1);
            // Prefect 1's register takes project_name=; without it, the receiver is called flow as in most scripts
            boolean flowLike = new CallView(call).keyword("project_name").isPresent()
                    || receiver.get(receiver.size() - 1).equals("flow");
            if (flowLike && !flowNames.contains(String.join(".", receiver))) {
                out.add(call);
            }
        }
        return out;
    }

    /**
     * The names {@code module} binds what may be one of its own flows to, whose registrations the flow detector reports
     * with their jobs: the target of an assignment or a {@code with} item whose value is a call of Prefect 1's Flow, of
     * a Flow subclass the module defines, or of a class imported from outside Prefect (maybe a project's subclass, which
     * the detector resolves once every file is seen). A name bound to anything else ({@code flow = module.flow} in a
     * script) is not the module's flow.
     */
    public static Set<String> flowNames(Node module, Imports imports) {
        Set<String> subclasses = Prefect1FlowClasses.subclasses(module, imports, Set.of());
        Set<String> out = new HashSet<>();
        for (Node n : Nodes.find(module, x -> x.kind() == NodeKind.WITH || Statements.assignment(x).isPresent())) {
            if (n.kind() == NodeKind.WITH) {
                for (Statements.WithItem item : Statements.withItems(n)) {
                    if (item.target() != null && mayBeFlow(item.context(), imports, subclasses)) {
                        Expressions.dottedName(item.target()).ifPresent(out::add);
                    }
                }
                continue;
            }
            Statements.Assignment a = Statements.assignment(n).get();
            if (a.value() != null && a.targets().size() == 1 && mayBeFlow(a.value(), imports, subclasses)) {
                Expressions.dottedName(a.targets().get(0)).ifPresent(out::add);
            }
        }
        return out;
    }

    private static boolean mayBeFlow(Node value, Imports imports, Set<String> subclasses) {
        Node call = Expressions.unwrap(value);
        if (call.kind() != NodeKind.CALL) {
            return false;
        }
        Optional<String> q = imports.qualifiedName(call);
        if (q.isPresent()) {
            return Prefect1FlowClasses.FLOW.contains(q.get()) || !q.get().startsWith("prefect.");
        }
        return Expressions.dottedName(call.nodes().get(0)).filter(subclasses::contains).isPresent();
    }

    /** What a call of {@link #calls} registers, as written ({@code f.flow}, {@code getattr(mod, "flow")}). */
    public static String receiver(Node call) {
        return Prefect1ImportedFlows.receiver(call);
    }

    /** Whether the module imports a Prefect name of neither Prefect 3 nor Prefect 2. */
    public static boolean importsPrefect1(Imports imports) {
        PrefectApi api = PrefectApi.get();
        for (ImportBinding b : imports.all()) {
            String q = ImportFallbacks.importedName(b);
            if ((q.equals("prefect") || q.startsWith("prefect.")) && !api.existsIn3(q) && !api.existsIn2(q)
                    && api.early2Package(q).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
