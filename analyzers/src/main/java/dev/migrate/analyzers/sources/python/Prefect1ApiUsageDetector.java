package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Token;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prefect 1 code inside and around flows that breaks on Prefect 3, file by file, so that the inventory shows the
 * work the Prefect 1 recipes do (or leave) rather than the flows alone: {@code @task} options Prefect 3 rejects and
 * {@code Task} subclasses with {@code run()} (PF103), {@code prefect.context} lookups of run values (PF104),
 * signals and renamed state predicates (PF105), the control-flow tasks (PF106), the task library and
 * GraphQL client (PF110), and the imports of other Prefect 1 names Prefect 3 lacks (PF216; the rule for each name is
 * {@link Prefect1ImportCodes}, which the rewrite's TODOs follow too). A name Prefect 3.8.3 has is never reported
 * ({@link PrefectApi}); the findings go to the module's flow, when it has one, in {@link Prefect1UsageOwners}.
 */
public final class Prefect1ApiUsageDetector extends PythonDetector {
    /** Where Prefect 1 defines the task decorator and the Task class. */
    private static final Set<String> TASK_DECORATORS = Set.of("prefect.task", "prefect.utilities.tasks.task");
    private static final Set<String> TASK_CLASSES = Set.of("prefect.Task", "prefect.core.Task", "prefect.core.task.Task");

    public Prefect1ApiUsageDetector() {
        super("prefect1-api-usage", "prefect", "prefect");
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        PrefectApi api = PrefectApi.get();
        boolean prefect1 = false;
        Set<String> seen = new HashSet<>();
        for (ImportBinding b : m.imports().all()) {
            String q = ImportFallbacks.importedName(b);
            if (!q.startsWith("prefect.") || api.existsIn3(q) || (!b.isFromImport() && api.moduleImportWorksIn3(q))) {
                continue;
            }
            // prefect.orion.* is early Prefect 2 (2.0-2.9), absent from the 2.20 surface but not Prefect 1's
            boolean of2 = api.existsIn2(q) || api.early2Package(q).isPresent();
            prefect1 |= !of2;
            if (!seen.add(q)) {
                continue;
            }
            Node at = b.alias() != null ? b.alias() : b.statement();
            String code = Prefect1ImportCodes.of(q);
            if (code.equals("PF106")) {
                sink.finding(Findings.of("PF106", q + " is a Prefect 1 control-flow task; Prefect 3 flows use Python's if/else "
                        + "and with blocks", m.at(at), null));
            } else if (code.equals("PF110")) {
                Prefect1Names.get().library(q).ifPresent(l -> sink.finding(Findings.of("PF110", message(q, l), m.at(at), null)));
            } else if (code.equals(Prefect1ImportCodes.REMOVED) && !of2) {
                // the other codes are reported where the name is used; a name of Prefect 2 is PrefectApiUsageDetector's
                sink.finding(Findings.of(code, q + " is Prefect 1's and does not exist in Prefect 3: the import fails; "
                        + "replace its uses", m.at(at), null));
            }
        }
        Set<String> taskClasses = taskClasses(m, sink);
        Set<Node> contextGets = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node call : m.nodes(NodeKind.CALL)) {
            String callee = m.nameOf(call);
            if (TASK_DECORATORS.contains(callee) || taskClasses.contains(callee) || TASK_CLASSES.contains(callee)) {
                taskOptions(m, call, callee, sink);
            } else if (callee.equals("prefect.context.get")) {
                contextGets.add(Expressions.unwrap(call.nodes().get(0)));
                Optional<String> key = new CallView(call).positional(0).flatMap(a -> m.string(a.value()));
                sink.finding(Findings.of("PF104", "prefect.context.get(" + key.map(k -> "\"" + k + "\"").orElse("...")
                        + ") reads Prefect 1's run context, which Prefect 3 does not have: " + contextAdvice(key.orElse(null)),
                        m.at(call), null));
            } else if (prefect1 && new CallView(call).callee().kind() == NodeKind.ATTRIBUTE
                    && new CallView(call).arguments().isEmpty()) {
                // the method name is the attribute's last token, as the recipe renames it
                List<Token> tokens = new CallView(call).callee().tokens();
                String method = tokens.get(tokens.size() - 1).text();
                Prefect1Names.get().predicate(method).ifPresent(p -> sink.finding(Findings.of("PF105", "state predicate "
                        + method + "() is Prefect 1's; Prefect 3 states have " + p + "()", m.at(call), null)));
            }
        }
        for (Node n : m.nodes()) {
            if (n.kind() == NodeKind.ATTRIBUTE && !contextGets.contains(n)) {
                contextAttribute(m, api, n, sink);
                libraryAttribute(m, api, n, seen, sink);
            } else if (n.kind() == NodeKind.SUBSCRIPT && m.qualifiedName(n.nodes().get(0)).filter("prefect.context"::equals).isPresent()) {
                Optional<String> key = n.nodes().size() > 1 ? m.string(n.nodes().get(1)) : Optional.empty();
                sink.finding(Findings.of("PF104", n.text().strip() + " reads Prefect 1's run context, which Prefect 3 does "
                        + "not have: " + contextAdvice(key.orElse(null)), m.at(n), null));
            } else if (n.kind() == NodeKind.RAISE && !n.nodes().isEmpty()) {
                String raised = m.nameOf(n.nodes().get(0));
                if (raised.startsWith("prefect.engine.signals.")) {
                    String signal = raised.substring(raised.lastIndexOf('.') + 1);
                    Optional<String> manual = Prefect1Names.get().manualSignal(signal);
                    String message = "raise of Prefect 1 signal " + signal + ": prefect.engine.signals does not exist in "
                            + "Prefect 3 (" + manual.orElse(signal.endsWith("FAIL") ? "raise an exception instead"
                            : "return a state or end the task early instead") + ")";
                    // a signal without a Prefect 3 form only gets a TODO from the rewrite: a person's to change
                    sink.finding(manual.isPresent() ? Findings.manual("PF105", message, m.at(n), null)
                            : Findings.of("PF105", message, m.at(n), null));
                }
            }
        }
    }

    /** {@code prefect.context.today} and the like: a run value Prefect 1 kept on the context (not a Prefect 3 name). */
    private static void contextAttribute(PythonModule m, PrefectApi api, Node n, InventorySink sink) {
        Optional<String> q = m.qualifiedName(n);
        if (q.isEmpty() || !q.get().startsWith("prefect.context.") || q.get().indexOf('.', "prefect.context.".length()) >= 0
                || api.existsIn3(q.get())) {
            return;
        }
        String key = q.get().substring("prefect.context.".length());
        sink.finding(Findings.of("PF104", "prefect.context." + key + " is Prefect 1's run context, which Prefect 3 does not "
                + "have: " + contextAdvice(key), m.at(n), null));
    }

    /** What reads a context key in Prefect 3, from the recipe's mapping; a key without one is for a person. */
    private static String contextAdvice(String key) {
        Optional<String> instead = key == null ? Optional.empty() : Prefect1Names.get().contextKey(key);
        if (instead.isPresent()) {
            return "use " + instead.get() + (instead.get().startsWith("runtime.") ? " (from prefect import runtime)"
                    : instead.get().startsWith("get_run_logger") ? " (from prefect import get_run_logger)" : "");
        }
        return key == null ? "use prefect.runtime (flow_run, task_run) or get_run_logger()"
                : "Prefect 3 has no " + key + " in its run context: pass the value as a flow parameter";
    }

    /**
     * {@code prefect.tasks.shell.ShellTask(...)} after {@code import prefect}: the task library reached through the
     * package, reported once per name at its outermost spelling (pre-order meets {@code a.b.c} before {@code a.b}),
     * and not under a name whose import was reported already.
     */
    private static void libraryAttribute(PythonModule m, PrefectApi api, Node n, Set<String> seen, InventorySink sink) {
        Optional<String> q = m.qualifiedName(n);
        if (q.isEmpty() || !q.get().startsWith("prefect.") || api.existsIn3(q.get())
                || seen.stream().anyMatch(s -> s.equals(q.get()) || s.startsWith(q.get() + ".") || q.get().startsWith(s + "."))) {
            return;
        }
        Optional<Prefect1Names.Library> l = Prefect1Names.get().library(q.get());
        if (l.isPresent()) {
            seen.add(q.get());
            sink.finding(Findings.of("PF110", message(q.get(), l.get()), m.at(n), null));
        }
    }

    private static String message(String q, Prefect1Names.Library l) {
        return q + " is Prefect 1's " + (q.startsWith("prefect.tasks.") ? "task library" : "client and backend API")
                + ", gone in Prefect 3: use " + l.instead() + (!l.converted() ? "" : l.safe() ? " (migrate rewrite converts it)"
                : " (migrate rewrite --unsafe-fixes converts it)");
    }

    /** PF103 for each Prefect 1 option of a {@code @task(...)}, {@code task(fn, ...)} or Task subclass call. */
    private static void taskOptions(PythonModule m, Node call, String callee, InventorySink sink) {
        for (Argument a : new CallView(call).arguments()) {
            if (a.keyword() == null) {
                continue;
            }
            Prefect1Names.get().taskOption(a.keyword()).ifPresent(instead -> sink.finding(Findings.of("PF103", "task option "
                    + a.keyword() + "= of " + callee.substring(callee.lastIndexOf('.') + 1) + " is Prefect 1's: " + instead,
                    m.at(a.node()), null)));
        }
    }

    /**
     * The classes of the module that subclass Prefect 1's Task (directly or through each other); PF103 for each
     * that defines {@code run()}, which Prefect 3 never calls.
     */
    private static Set<String> taskClasses(PythonModule m, InventorySink sink) {
        Set<String> out = Prefect1FlowClasses.subclassesOf(m.root(), m.imports(), TASK_CLASSES, Set.of());
        for (Node stmt : Statements.of(m.root())) {
            if (stmt.kind() != NodeKind.CLASS_DEF || !out.contains(new Definitions(stmt).name())) {
                continue;
            }
            Definitions d = new Definitions(stmt);
            if (Statements.of(d.body()).stream().anyMatch(s -> s.kind() == NodeKind.FUNCTION_DEF
                    && new Definitions(s).name().equals("run"))) {
                sink.finding(Findings.of("PF103", "class " + d.name() + " subclasses Prefect 1's Task and defines run(); "
                        + "Prefect 3 tasks are @task functions", m.at(stmt), null));
            }
        }
        return out;
    }
}
