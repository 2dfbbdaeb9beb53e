package dev.migrate.recipes.prefect1;

import dev.migrate.recipes.prefect1.internal.Blocks;
import dev.migrate.recipes.prefect1.internal.Notes;
import dev.migrate.recipes.prefect1.internal.Prefect1PythonRecipe;
import dev.migrate.recipes.prefect1.internal.TaskDefinitions;
import dev.migrate.recipes.prefect1.internal.Todos;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * Turns a Prefect 1 {@code class X(Task)} with only a {@code run(self, ...)} method, instantiated once at module
 * level as {@code x = X(name=..., max_retries=...)}, into {@code @task(name=..., max_retries=...) def x(...)}
 * (PF103; the task options are renamed by {@link RewritePrefect1TaskArguments}). Classes with state, other
 * methods, {@code self} in {@code run} or several instances are left with a TODO.
 */
public class ConvertPrefect1TaskClasses extends Prefect1PythonRecipe {
    static final String CODE = "PF103";

    @Override
    public String getDisplayName() {
        return "Convert Prefect 1 Task subclasses to @task functions";
    }

    @Override
    public String getDescription() {
        return "Replaces a Prefect 1 `Task` subclass whose only method is `run()` and its single module-level instance "
                + "with a `@task` function named after the instance.";
    }

    @Override
    protected Node edit(PythonFile file, Node before, ExecutionContext ctx, Notes log) {
        Node after = before;
        for (String cls : TaskDefinitions.taskSubclasses(before, Imports.of(before))) {
            after = convert(file, after, cls, ctx, log);
        }
        boolean converted = Nodes.find(after, NodeKind.DECORATOR).size() > Nodes.find(before, NodeKind.DECORATOR).size();
        return converted ? ImportEdits.addFromImport(after, "prefect", "task", file.style()) : after;
    }

    private Node convert(PythonFile file, Node root, String cls, ExecutionContext ctx, Notes log) {
        Node classDef = null;
        for (Node s : Statements.of(root)) {
            if (s.kind() == NodeKind.CLASS_DEF && new Definitions(s).name().equals(cls)) {
                classDef = s;
            }
        }
        if (classDef == null) {
            return root;
        }
        // each reason once: a class with __init__ and a helper has "more than a run() method" only once
        Set<String> why = new LinkedHashSet<>();
        Node run = null;
        Node docstring = null;
        boolean decoratedRun = false;
        for (Node s : Statements.of(classDef.firstNode(NodeKind.SUITE))) {
            boolean isRun = s.kind() == NodeKind.FUNCTION_DEF && new Definitions(s).name().equals("run");
            if (isRun && new Definitions(s).decorators().isEmpty()) {
                run = s;
            } else if (isRun) {
                decoratedRun = true;
                why.add("run() is decorated (such as @defaults_from_attrs, which reads the instance's attributes)");
            } else if (s.kind() == NodeKind.EXPR_STMT && s.nodes().get(0).kind() == NodeKind.STRING && docstring == null) {
                docstring = s;
            } else {
                why.add("the class has more than a run() method");
            }
        }
        List<String> params = run == null ? List.of() : new Definitions(run).parameterNames();
        if (!decoratedRun && (run == null || params.isEmpty() || !params.get(0).equals("self"))) {
            why.add("no run(self, ...) method");
        } else if (run != null && Nodes.find(run.firstNode(NodeKind.SUITE), NodeKind.NAME).stream()
                .anyMatch(n -> Expressions.name(n).equals("self"))) {
            why.add("run() uses self");
        }
        Node instance = null;
        int uses = 0;
        for (Node n : Nodes.find(root, NodeKind.NAME)) {
            if (Expressions.name(n).equals(cls)) {
                uses++;
            }
        }
        for (Node s : Statements.of(root)) {
            Optional<Statements.Assignment> a = Statements.assignment(s);
            if (a.isPresent() && a.get().value() != null && a.get().value().kind() == NodeKind.CALL
                    && a.get().targets().size() == 1 && a.get().targets().get(0).kind() == NodeKind.NAME
                    && Expressions.unwrap(new CallView(a.get().value()).callee()).kind() == NodeKind.NAME
                    && Expressions.name(new CallView(a.get().value()).callee()).equals(cls)) {
                instance = s;
            }
        }
        if (instance == null || uses != 1) {
            why.add("the class is not instantiated exactly once at module level");
        } else if (new CallView(Statements.assignment(instance).get().value()).arguments().stream()
                .anyMatch(Argument::isPositional)) {
            why.add("the instance is created with positional arguments");
        }
        if (!why.isEmpty()) {
            log.manual(ctx, file, classDef, CODE, "Task subclass " + cls + ": " + String.join("; ", why));
            return Todos.add(root, classDef, CODE, "rewrite this Task subclass as a @task function: "
                    + String.join("; ", why), file.style().newline());
        }
        Statements.Assignment a = Statements.assignment(instance).get();
        String name = Expressions.name(a.targets().get(0));
        String args = new CallView(a.value()).argList().print().strip();
        if (new CallView(a.value()).arguments().isEmpty() && args.replaceAll("\\s", "").equals("()")) {
            args = ""; // X() becomes a bare @task
        }
        String header = Blocks.dedent(run.print(), file.style().indent()).strip();
        // "def run(self, token, ...):" -> "def <instance>(token, ...):"
        String signature = header.substring(0, header.indexOf(':', header.indexOf(')')) + 1)
                .replaceFirst("^def\\s+run\\s*\\(\\s*self\\s*,?\\s*", "def " + name + "(");
        String body = Blocks.dedent(run.firstNode(NodeKind.SUITE).print(), file.style().indent());
        String doc = docstring == null ? "" : file.style().newline() + file.style().indent()
                + Blocks.dedent(docstring.print(), file.style().indent()).strip();
        String code = "@task" + args + file.style().newline() + signature + doc + body;
        Node function = Blocks.firstStatement(code.endsWith(file.style().newline()) ? code : code + file.style().newline());
        Node out = StatementEdits.remove(root, instance, file.style());
        out = TreeEdits.replace(out, classDef, function);
        log.decision(ctx, file, classDef, CODE, "Task subclass " + cls + " and its instance " + name
                + " became @task function " + name + "()");
        return out;
    }
}
