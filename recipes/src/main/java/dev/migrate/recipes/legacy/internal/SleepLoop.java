package dev.migrate.recipes.legacy.internal;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A home-made scheduler the scan's loop detector found (PYS003, with the interval it read), as the migration takes
 * it: a {@code while} loop inside a function that calls a function of the same module without arguments (one cycle)
 * and then sleeps (seed 000's scheduler.py). Which loops are schedulers and how long they sleep is the detector's
 * call alone, so that the scan and the migration never disagree (sub-second redraws, back-offs that leave, error
 * handlers' sleeps); this only finds the cycle. Read from the syntax tree only; the script is never imported or run.
 *
 * @param entryPoint the module-level function each cycle calls
 * @param line       1-based line of the loop
 */
public record SleepLoop(String path, String entryPoint, int line) {

    /** The loop around {@code sleepLine} (the line of the sleep the scan read), if it has such a cycle. */
    public static Optional<SleepLoop> around(String path, String text, int sleepLine) {
        PythonFile file = PythonParser.parse(Path.of(path), text);
        if (file.hasSyntaxErrors()) {
            return Optional.empty();
        }
        Node module = file.module();
        List<String> functions = new ArrayList<>();
        List<Node> loops = new ArrayList<>();
        for (Node n : descendants(module)) {
            if (n.kind() == NodeKind.FUNCTION_DEF && isTopLevel(module, n)) {
                functions.add(new Definitions(n).name());
                // Only loops inside a function: a loop at module level would run when the flow imports the code.
                descendants(n).stream().filter(w -> w.kind() == NodeKind.WHILE).forEach(loops::add);
            }
        }
        SleepLoop found = null;
        for (Node loop : loops) {
            int first = lineOf(text, loop);
            int last = first + (int) loop.text().strip().chars().filter(c -> c == '\n').count();
            if (first == 0 || sleepLine < first || sleepLine > last) {
                continue;
            }
            // the innermost loop around the sleep: the last one in source order that holds it
            found = cycle(loop, functions).map(entry -> new SleepLoop(path, entry, first)).orElse(null);
        }
        return Optional.ofNullable(found);
    }

    /** The first call in the loop of a module function without arguments: a call that takes some is a step. */
    private static Optional<String> cycle(Node loop, List<String> functions) {
        for (Node call : descendants(loop)) {
            if (call.kind() != NodeKind.CALL) {
                continue;
            }
            Optional<String> callee = Expressions.dottedName(call.nodes().get(0));
            if (callee.isPresent() && functions.contains(callee.get()) && new CallView(call).arguments().isEmpty()) {
                return callee;
            }
        }
        return Optional.empty();
    }

    /** A def directly in the module, or under a decorator line that is. */
    private static boolean isTopLevel(Node module, Node def) {
        return module.nodes().stream().anyMatch(c -> c == def || c.kind() != NodeKind.FUNCTION_DEF
                && c.kind() != NodeKind.CLASS_DEF && c.kind() != NodeKind.IF && c.nodes().contains(def));
    }

    static List<Node> descendants(Node root) {
        List<Node> out = new ArrayList<>();
        List<Node> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            out.add(n);
            List<Node> kids = n.nodes();
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.add(kids.get(i));
            }
        }
        return out;
    }

    /** 1-based line where the loop's text first appears (loops are rarely written twice verbatim). */
    private static int lineOf(String text, Node loop) {
        int at = text.indexOf(loop.text().strip());
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
