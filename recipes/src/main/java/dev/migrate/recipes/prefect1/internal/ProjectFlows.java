package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.SourceFile;

/**
 * The project's Prefect 1 flows by name, read before any edit, and the Prefect 3 deployment each one gets from
 * the flow conversion. A flow run started by name ({@code create_flow_run(flow_name="child")},
 * {@code StartFlowRun(flow_name="child")}) targets a deployment in Prefect 3, and only the conversion knows its
 * name: a flow it deploys gets one deployment named after the flow ({@code "child/child"}). A flow the project does
 * not define, or defines without a deployment, has no name to write.
 */
public final class ProjectFlows {
    /** Flow name -> its deployment's full name, or null when it gets none (then {@link #why} says why). */
    private final Map<String, String> deployments = new HashMap<>();
    private final Map<String, String> why = new HashMap<>();
    /**
     * "module.NAME" -> a string the name holds: a module-level string constant ({@code FLOW_NAME = "etl"}), or a
     * flow's name for its Flow variable and its function name ({@code etl_flow.name}, {@code etl.name} after the
     * conversion). The module is the last part of its path (see {@link ModuleConstants#moduleName}).
     */
    private final Map<String, String> strings = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();

    /** Whether the conversion writes a deployment for {@code flow}: it registers or carries a deployment setting. */
    public static boolean deployed(Prefect1Flow flow) {
        return !flow.registers().isEmpty() || flow.settings().keySet().stream().anyMatch(k -> !k.equals("executor"));
    }

    /** The flows the project registers with {@code prefect register -p/-m}, read from its other files. */
    private final CliRegistrations cli;
    /** Flows offered but not yet given a deployment or a reason: the command registering them may come later. */
    private final List<Runnable> pending = new ArrayList<>();

    /** @param cli the run's registrations ({@link CliRegistrations#of}) */
    public ProjectFlows(CliRegistrations cli) {
        this.cli = cli;
    }

    /** Records the {@code prefect register} commands of one file of the project that is not Python. */
    public void offerCommands(SourceFile file) {
        cli.offer(file);
    }

    private synchronized void settle() {
        pending.forEach(Runnable::run);
        pending.clear();
    }

    /** Records the flows of one module of the project; {@code unsafe}: whether the run converts flows at all. */
    public synchronized void offer(String path, Node module, boolean unsafe) {
        String moduleName = ModuleConstants.moduleName(path);
        for (Node s : Statements.of(module)) {
            String name = ModuleConstants.name(s);
            Optional<String> value = name == null ? Optional.empty()
                    : Statements.assignment(s).flatMap(a -> PyValues.string(a.value()));
            value.ifPresent(v -> remember(moduleName + "." + name, v));
        }
        for (Prefect1Flow flow : FlowAnalysis.of(module)) {
            if (flow.name() == null) {
                continue;
            }
            if (flow.variable() != null) {
                remember(moduleName + "." + flow.variable() + ".name", flow.name());
            }
            remember(moduleName + "." + flow.function() + ".name", flow.name());
            pending.add(() -> {
                String reason = null;
                if (!flow.convertible()) {
                    reason = "it is left as Prefect 1 code in " + path + " (see its PF102 note), so it has no deployment yet";
                } else if (!unsafe) {
                    reason = "it becomes a flow with a deployment only with --unsafe-fixes";
                } else if (!deployed(flow) && cli.registering(path).isEmpty()) {
                    reason = "nothing in " + path + " registers it (flow.register, schedule, run config or storage) and no "
                            + "`prefect register` command names it, so the migration writes no deployment for it; add one "
                            + "(prefect.yaml or .deploy())";
                }
                if (reason == null) {
                    deployments.put(flow.name(), flow.name() + "/" + flow.name());
                    why.remove(flow.name());
                } else if (!deployments.containsKey(flow.name())) {
                    why.put(flow.name(), reason);
                }
            });
        }
    }

    private void remember(String key, String value) {
        String before = strings.putIfAbsent(key, value);
        if (before != null && !before.equals(value)) {
            ambiguous.add(key); // namesake modules disagree
        }
    }

    /**
     * The flow name {@code expr} (a create_flow_run/StartFlowRun {@code flow_name=}) stands for: a literal, a module
     * constant of this or an imported project module ({@code FLOW_NAME}, {@code child.FLOW_NAME}), or a project
     * flow's {@code .name}; empty when it cannot be known.
     *
     * @param path the path of the module {@code expr} is in
     */
    public Optional<String> flowName(Node expr, Imports imports, String path) {
        Node e = Expressions.unwrap(expr);
        Optional<String> literal = PyValues.string(e);
        if (literal.isPresent()) {
            return literal;
        }
        String suffix = "";
        if (e.kind() == NodeKind.ATTRIBUTE) {
            Optional<List<String>> parts = Expressions.dottedParts(e);
            if (parts.isPresent() && parts.get().size() == 2 && parts.get().get(1).equals("name")) {
                suffix = ".name";
                e = e.nodes().get(0);
            }
        }
        String key;
        if (e.kind() == NodeKind.NAME && imports.binding(Expressions.name(e)).isEmpty()) {
            key = ModuleConstants.moduleName(path) + "." + Expressions.name(e);
        } else {
            String[] q = imports.qualifiedName(e).orElse("").split("\\.");
            if (q.length < 2) {
                return Optional.empty();
            }
            key = q[q.length - 2] + "." + q[q.length - 1];
        }
        key = key + suffix;
        return ambiguous.contains(key) ? Optional.empty() : Optional.ofNullable(strings.get(key));
    }

    /** {@code "<flow>/<deployment>"} of the deployment the migration writes for the flow named {@code flowName}. */
    public Optional<String> deploymentOf(String flowName) {
        settle();
        return Optional.ofNullable(deployments.get(flowName));
    }

    /** Why the flow named {@code flowName} has no known deployment (when {@link #deploymentOf} is empty). */
    public String whyNone(String flowName) {
        settle();
        return why.getOrDefault(flowName, "this project does not define it (no Flow(\"" + flowName + "\") in its modules)");
    }
}
