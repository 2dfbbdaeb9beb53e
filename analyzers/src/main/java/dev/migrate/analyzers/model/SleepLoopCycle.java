package dev.migrate.analyzers.model;

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
 * Whether the legacy recipe can turn a home-made scheduler (PYS003) into a flow: the loop around the sleep the scan
 * read runs inside a module-level function and calls a function of the same module without arguments (one cycle),
 * as seed 000's scheduler.py does. The one place this is decided: the scan reads it to say whether its finding is
 * fixed or left to a person, the recipe to find the flow's entry point, so the two never disagree. Read from the
 * syntax tree only; the script is never imported or run.
 *
 * @param entryPoint the module-level function each cycle calls
 * @param line       1-based line of the loop
 */
public record SleepLoopCycle(String entryPoint, int line) {

    /** Why a loop without such a cycle is left to a person, as the recipe and the scan both say it. */
    public static final String NO_CYCLE = "the loop does not run inside a function that calls one function of the module"
            + " without arguments per cycle (a loop at module level would start when the flow imports the code); move"
            + " the cycle into such a function, or write the flow by hand";

    /** The loop around {@code sleepLine} in a script's text, parsed here; empty for a script that does not parse. */
    public static Optional<SleepLoopCycle> around(String path, String text, int sleepLine) {
        PythonFile file = PythonParser.parse(Path.of(path), text);
        return file.hasSyntaxErrors() ? Optional.empty() : around(file.module(), text, sleepLine);
    }

    /**
     * The innermost loop around {@code sleepLine} (the line of the sleep the scan read) in a function of a parsed
     * module, if it has such a cycle; {@code text} is the module's source.
     */
    public static Optional<SleepLoopCycle> around(Node module, String text, int sleepLine) {
        List<String> functions = new ArrayList<>();
        List<Node> loops = new ArrayList<>();
        for (Node n : descendants(module)) {
            if (n.kind() == NodeKind.FUNCTION_DEF && isTopLevel(module, n)) {
                functions.add(new Definitions(n).name());
                // Only loops inside a function: a loop at module level would run when the flow imports the code.
                descendants(n).stream().filter(w -> w.kind() == NodeKind.WHILE).forEach(loops::add);
            }
        }
        SleepLoopCycle found = null;
        for (Node loop : loops) {
            int first = lineOf(text, loop);
            int last = first + (int) loop.text().strip().chars().filter(c -> c == '\n').count();
            if (first == 0 || sleepLine < first || sleepLine > last) {
                continue;
            }
            // the innermost loop around the sleep: the last one in source order that holds it
            found = cycle(loop, functions).map(entry -> new SleepLoopCycle(entry, first)).orElse(null);
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

    private static List<Node> descendants(Node root) {
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
