package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.migrate.rewriters.python.query.Imports;

/**
 * Call-time {@code task_args=dict(...)} / {@code task_args={...}} in a Prefect 1 flow body: Prefect 3 sets per-call
 * options with {@code task.with_options(...)(...)}, under the Prefect 3 names of {@code prefect1/task-arguments.yaml}.
 * Only literal option sets whose every key has a Prefect 3 form are converted.
 */
public final class TaskArgsCalls {
    /** Task options that keep their name and value. */
    private static final Set<String> SAME = Set.of("name", "tags", "task_run_name");

    private TaskArgsCalls() {
    }

    /** The {@code with_options} arguments for the call's task_args, or empty when they have no mechanical form. */
    public static Optional<List<String>> options(CallView call, Imports imports) {
        Optional<Argument> taskArgs = call.keyword("task_args");
        Node callee = call.callee();
        boolean mapCall = Expressions.dottedParts(callee).filter(p -> p.size() == 2 && p.get(1).equals("map")).isPresent();
        if (taskArgs.isEmpty() || !(callee.kind() == NodeKind.NAME || mapCall)) {
            return Optional.empty();
        }
        Optional<Map<String, Node>> entries = entries(Expressions.unwrap(taskArgs.get().value()));
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        TaskArgumentRules rules = TaskArgumentRules.get();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Node> e : entries.get().entrySet()) {
            String k = e.getKey();
            String value = e.getValue().print().strip();
            if (SAME.contains(k)) {
                out.add(k + "=" + value);
            } else if (rules.rename().containsKey(k)) {
                out.add(rules.rename().get(k) + "=" + value);
            } else if (rules.seconds().containsKey(k)) {
                out.add(rules.seconds().get(k) + "=" + PyValues.secondsCode(e.getValue(), imports));
            } else if (!rules.remove().contains(k)) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** {@code dict(k=v, ...)} or {@code {"k": v, ...}} as key -> value, in order. */
    private static Optional<Map<String, Node>> entries(Node value) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (value.kind() == NodeKind.CALL && new CallView(value).callee().kind() == NodeKind.NAME
                && Expressions.name(new CallView(value).callee()).equals("dict")) {
            for (Argument a : new CallView(value).arguments()) {
                if (a.keyword() == null) {
                    return Optional.empty();
                }
                out.put(a.keyword(), a.value());
            }
            return Optional.of(out);
        }
        if (value.kind() == NodeKind.DICT) {
            for (Node entry : value.nodes()) {
                Optional<String> key = entry.nodes().size() == 2 ? PyValues.string(entry.nodes().get(0)) : Optional.empty();
                if (key.isEmpty()) {
                    return Optional.empty();
                }
                out.put(key.get(), entry.nodes().get(1));
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** Every convertible {@code t(..., task_args=...)} in {@code root} as {@code t.with_options(...)(...)}. */
    public static Node convert(Node root, Imports imports, PythonStyle style) {
        Node out = root;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Node c : Nodes.find(out, NodeKind.CALL)) {
                CallView call = new CallView(c);
                Optional<List<String>> options = options(call, imports);
                if (options.isEmpty()) {
                    continue;
                }
                Node callee = call.callee();
                String task = callee.kind() == NodeKind.NAME ? Expressions.name(callee)
                        : Expressions.dottedParts(callee).get().get(0);
                String withOptions = options.get().isEmpty() ? task
                        : task + ".with_options(" + String.join(", ", options.get()) + ")";
                String newCallee = callee.kind() == NodeKind.NAME ? withOptions : withOptions + ".map";
                out = Args.remove(out, call.argList(), call.keyword("task_args").get());
                out = TreeEdits.replace(out, callee, Snippets.expression(newCallee, style));
                changed = true;
                break;
            }
        }
        return out;
    }
}
