package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One cycle of a sleep loop, as the loop detector saw it, recorded on the loop's job so that what needs it later (the
 * cutover's backfill, which runs one cycle per missed window) uses the scan's reading instead of parsing the script
 * again: the loop's lines, the module's own functions its body calls with no arguments ({@code run_cycle()}, its unit of
 * work) and whether importing the module leaves the loop alone (it sits in a function that only an
 * {@code if __name__ == "__main__":} block calls).
 */
public final class LoopCycles {
    /** The loop's {@code while} line. */
    public static final String FIRST_LINE = "loop.firstLine";
    /** The last line of the loop's body (its sleep, mostly). */
    public static final String LAST_LINE = "loop.lastLine";
    /** The module's own functions the body calls without arguments, in order, comma-separated; absent when none. */
    public static final String WORK = "loop.work";
    /** "true" when importing the module does not start the loop. */
    public static final String IMPORTABLE = "loop.importable";

    private static final Pattern BARE_CALL = Pattern.compile("[A-Za-z_]\\w*\\(\\s*\\)");

    private LoopCycles() {
    }

    /** Records the cycle of {@code loop} (a {@code while} node of {@code m}) on {@code job}. */
    static void record(PythonModule m, Node loop, JobBuilder job) {
        Set<String> own = new LinkedHashSet<>();
        Node enclosing = null;
        for (Node f : topLevel(m.root(), NodeKind.FUNCTION_DEF)) {
            own.add(new Definitions(f).name());
            if (f.encloses(loop)) {
                enclosing = f;
            }
        }
        List<String> work = new ArrayList<>();
        List<Node> calls = new ArrayList<>();
        for (Node c : loop.nodes().subList(1, loop.nodes().size())) {
            calls(c, calls);
        }
        for (Node c : calls) {
            String text = c.text().strip();
            String name = text.substring(0, Math.max(0, text.indexOf('(')));
            if (BARE_CALL.matcher(text).matches() && own.contains(name) && !work.contains(name)) {
                work.add(name);
            }
        }
        boolean importable = enclosing != null && !startedOnImport(m.root(), new Definitions(enclosing).name());
        job.attr(FIRST_LINE, String.valueOf(m.at(loop).line()));
        job.attr(LAST_LINE, String.valueOf(last(m, loop)));
        if (!work.isEmpty()) {
            job.attr(WORK, String.join(",", work));
        }
        job.attr(IMPORTABLE, String.valueOf(importable));
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
