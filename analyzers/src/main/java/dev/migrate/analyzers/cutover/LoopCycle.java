package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.python.PythonModule;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One cycle of a sleep loop: what a backfill runs once per missed window. The script itself never ends (its loop sleeps
 * and starts again), so running it "once per window" starts another scheduler beside the one the rollback re-enabled.
 * The cycle is the loop's body without its sleep; when that body calls functions of the script's own module with no
 * arguments ({@code run_cycle()}), those are its unit of work, and when the loop sits in a function that importing the
 * module does not start, {@code python -c 'import scheduler; scheduler.run_cycle()'} runs exactly one cycle.
 *
 * @param script     the script's file name
 * @param firstLine  the loop's {@code while} line
 * @param lastLine   the line its body ends on (its sleep, mostly)
 * @param work       the module's own functions the body calls with no arguments, in order; empty when none
 * @param importable whether importing the module runs nothing of the loop (it is in a function that only an
 *                   {@code if __name__ == "__main__":} block calls)
 */
record LoopCycle(String script, int firstLine, int lastLine, List<String> work, boolean importable) {
    private static final java.util.regex.Pattern BARE_CALL = java.util.regex.Pattern.compile("[A-Za-z_]\\w*\\(\\s*\\)");

    /** The cycle of sleep loop {@code loop} as its script in the estate reads now, or empty (another kind, unreadable). */
    static Optional<LoopCycle> of(Path root, Job loop) {
        if (loop == null || loop.kind() != JobKind.PYTHON_SLEEP_LOOP || root == null) {
            return Optional.empty();
        }
        String path = loop.source().path();
        String text;
        try {
            text = Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone or not UTF-8: the plan says what a cycle is in words
        }
        PythonModule m = PythonModule.parse(new ScanFile(path, text));
        Node found = null;
        int line = loop.source().line();
        for (Node w : m.nodes(NodeKind.WHILE)) {
            int first = m.at(w).line();
            if (first <= line && line <= last(m, w) && (found == null || first >= m.at(found).line())) {
                found = w; // the innermost loop holding the sleep the scan read
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        Set<String> own = new LinkedHashSet<>();
        Node enclosing = null;
        for (Node f : topLevel(m.root(), NodeKind.FUNCTION_DEF)) {
            own.add(new Definitions(f).name());
            if (f.encloses(found)) {
                enclosing = f;
            }
        }
        List<String> work = new ArrayList<>();
        List<Node> calls = new ArrayList<>();
        for (Node c : found.nodes().subList(1, found.nodes().size())) {
            calls(c, calls);
        }
        for (Node c : calls) {
            String text1 = c.text().strip();
            String name = text1.substring(0, Math.max(0, text1.indexOf('(')));
            if (BARE_CALL.matcher(text1).matches() && own.contains(name) && !work.contains(name)) {
                work.add(name);
            }
        }
        boolean importable = enclosing != null && !startedOnImport(m.root(), new Definitions(enclosing).name());
        String file = path.substring(path.lastIndexOf('/') + 1);
        return Optional.of(new LoopCycle(file, m.at(found).line(), last(m, found), List.copyOf(work), importable));
    }

    /** The module name {@code import} takes for the script: its file name without {@code .py}, when that is one. */
    Optional<String> module() {
        String name = script.endsWith(".py") ? script.substring(0, script.length() - 3) : script;
        return name.matches("[A-Za-z_]\\w*") ? Optional.of(name) : Optional.empty();
    }

    /** The Python that runs one cycle, {@code import scheduler; scheduler.run_cycle()}; empty when none is safe. */
    Optional<String> oneCycle() {
        if (work.isEmpty() || !importable || module().isEmpty()) {
            return Optional.empty();
        }
        String mod = module().get();
        return Optional.of("import " + mod + "; " + String.join("; ", work.stream().map(w -> mod + "." + w + "()").toList()));
    }

    private static int last(PythonModule m, Node n) {
        int max = m.at(n).line();
        for (Node c : n.nodes()) {
            max = Math.max(max, last(m, c));
        }
        return max;
    }

    /** The nodes of {@code kind} outside every function and class body (a module's own functions, its top-level code). */
    private static List<Node> topLevel(Node n, NodeKind kind) {
        List<Node> out = new ArrayList<>();
        for (Node c : n.nodes()) {
            if (c.kind() == kind) {
                out.add(c);
            }
            if (c.kind() != NodeKind.FUNCTION_DEF && c.kind() != NodeKind.CLASS_DEF) {
                out.addAll(topLevel(c, kind));
            }
        }
        return out;
    }

    /** Calls in {@code n}, not inside nested function or class definitions (those run when called, elsewhere). */
    private static void calls(Node n, List<Node> out) {
        if (n.kind() == NodeKind.FUNCTION_DEF || n.kind() == NodeKind.CLASS_DEF || n.kind() == NodeKind.LAMBDA) {
            return;
        }
        if (n.kind() == NodeKind.CALL) {
            out.add(n);
        }
        for (Node c : n.nodes()) {
            calls(c, out);
        }
    }

    /**
     * Whether the module's top-level code calls {@code function} outside an {@code if __name__ == "__main__":} block,
     * so that importing the module starts the loop.
     */
    private static boolean startedOnImport(Node root, String function) {
        for (Node c : root.nodes()) {
            if (c.kind() == NodeKind.FUNCTION_DEF || c.kind() == NodeKind.CLASS_DEF
                    || c.kind() == NodeKind.IF && !c.nodes().isEmpty() && c.nodes().get(0).text().contains("__name__")) {
                continue;
            }
            List<Node> found = new ArrayList<>();
            calls(c, found);
            if (found.stream().anyMatch(k -> k.text().strip().startsWith(function + "("))) {
                return true;
            }
        }
        return false;
    }
}
