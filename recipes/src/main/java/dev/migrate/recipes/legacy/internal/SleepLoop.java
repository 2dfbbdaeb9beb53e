package dev.migrate.recipes.legacy.internal;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Token;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A home-made scheduler: a {@code while} loop inside a function that calls a function of the same module without
 * arguments (one cycle) and then
 * {@code time.sleep(...)}s for a fixed interval (seed 000's scheduler.py). Read from the syntax tree only; the
 * script is never imported or run. The interval is the number the sleep argument is built from (a literal or a
 * module-level constant such as {@code INTERVAL_SECONDS = 15 * 60}).
 *
 * @param entryPoint the module-level function each cycle calls
 * @param line       1-based line of the loop
 */
public record SleepLoop(String path, String entryPoint, Duration interval, int line) {
    private static final Set<String> SLEEPS = Set.of("time.sleep");

    /** The first such loop in the file, if there is one. */
    public static Optional<SleepLoop> find(String path, String text) {
        if (!text.contains("sleep") || !text.contains("while")) {
            return Optional.empty();
        }
        PythonFile file = PythonParser.parse(Path.of(path), text);
        if (file.hasSyntaxErrors()) {
            return Optional.empty();
        }
        Node module = file.module();
        Imports imports = Imports.of(module);
        Map<String, BigDecimal> constants = constants(module);
        List<String> functions = new ArrayList<>();
        List<Node> loops = new ArrayList<>();
        for (Node n : descendants(module)) {
            if (n.kind() == NodeKind.FUNCTION_DEF && isTopLevel(module, n)) {
                functions.add(new Definitions(n).name());
                // Only loops inside a function: a loop at module level would run when the flow imports the code.
                descendants(n).stream().filter(w -> w.kind() == NodeKind.WHILE).forEach(loops::add);
            }
        }
        for (Node loop : loops) {
            BigDecimal seconds = null;
            String entry = null;
            for (Node call : descendants(loop)) {
                if (call.kind() != NodeKind.CALL) {
                    continue;
                }
                boolean sleep = imports.qualifiedName(call).map(SLEEPS::contains).orElse(false);
                if (sleep && seconds == null) {
                    seconds = new CallView(call).positional(0).map(a -> seconds(a.value(), constants)).orElse(null);
                } else if (entry == null) {
                    Optional<String> callee = Expressions.dottedName(call.nodes().get(0));
                    // The cycle is a call without arguments: a call that takes some is a step, not the cycle.
                    if (callee.isPresent() && functions.contains(callee.get()) && new CallView(call).arguments().isEmpty()) {
                        entry = callee.get();
                    }
                }
            }
            if (seconds != null && entry != null && seconds.signum() > 0) {
                return Optional.of(new SleepLoop(path, entry, Duration.ofMillis(seconds.movePointRight(3).longValue()),
                        lineOf(text, loop)));
            }
        }
        return Optional.empty();
    }

    /** The literal, or the largest module constant the argument names (the loop sleeps "what is left of" it). */
    private static BigDecimal seconds(Node arg, Map<String, BigDecimal> constants) {
        BigDecimal literal = evaluate(arg, constants);
        if (literal != null) {
            return literal;
        }
        BigDecimal best = null;
        for (Node n : descendants(arg)) {
            if (n.kind() == NodeKind.NAME && constants.containsKey(Expressions.name(n))) {
                BigDecimal v = constants.get(Expressions.name(n));
                best = best == null || v.compareTo(best) > 0 ? v : best;
            }
        }
        return best;
    }

    /** Module-level {@code NAME = <number expression>} assignments. */
    private static Map<String, BigDecimal> constants(Node module) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Node line : module.nodes(NodeKind.SIMPLE_LINE)) {
            for (Node a : line.nodes(NodeKind.ASSIGN)) {
                List<Node> parts = a.nodes();
                if (parts.size() == 2 && parts.get(0).kind() == NodeKind.NAME) {
                    BigDecimal v = evaluate(parts.get(1), out);
                    if (v != null) {
                        out.put(Expressions.name(parts.get(0)), v);
                    }
                }
            }
        }
        return out;
    }

    /** Numbers, names of known constants, parentheses and + - * between them; null for anything else. */
    private static BigDecimal evaluate(Node e, Map<String, BigDecimal> constants) {
        Node n = Expressions.unwrap(e);
        switch (n.kind()) {
            case CONSTANT -> {
                try {
                    return new BigDecimal(n.text().strip().replace("_", ""));
                } catch (NumberFormatException ex) {
                    return null;
                }
            }
            case NAME -> {
                return constants.get(Expressions.name(n));
            }
            case BINARY -> {
                List<Node> operands = n.nodes();
                List<Token> ops = n.tokens();
                if (operands.size() != 2 || ops.size() != 1) {
                    return null;
                }
                BigDecimal l = evaluate(operands.get(0), constants);
                BigDecimal r = evaluate(operands.get(1), constants);
                if (l == null || r == null) {
                    return null;
                }
                return switch (ops.get(0).text()) {
                    case "*" -> l.multiply(r);
                    case "+" -> l.add(r);
                    case "-" -> l.subtract(r);
                    default -> null;
                };
            }
            default -> {
                return null;
            }
        }
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
