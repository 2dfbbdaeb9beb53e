package dev.migrate.recipes.legacy.internal;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.SourceRanges;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The module-level code of a scheduler script that a job needs (the imports, functions, classes and constants its
 * names lead to, transitively), so that its flow module can carry it and the script can be deleted in the cleanup
 * (seed 000). Registrations ({@code @scheduler.scheduled_job}) are left behind; code that needs the scheduler
 * object itself, or is bound conditionally, or looks like it holds a credential is not carried.
 *
 * @param imports     one import statement per needed binding, in the script's order
 * @param definitions the needed definitions' source text, in the script's order
 * @param problem     why the code cannot be carried, or null
 */
record CarriedCode(List<String> imports, List<String> definitions, String problem) {
    private static final List<String> SCHEDULER_MODULES = List.of("schedule", "apscheduler", "celery");

    static CarriedCode of(PythonFile file, Set<String> roots) {
        Node module = file.module();
        String text = file.text();
        SourceRanges ranges = SourceRanges.of(module);
        List<Node> top = Statements.of(module);
        Map<String, ImportBinding> imports = new HashMap<>();
        Map<Node, List<String>> importedBy = new HashMap<>();
        for (ImportBinding b : Imports.of(module).all()) {
            if (top.contains(b.statement()) && !b.localName().equals("*")) {
                imports.put(b.localName(), b);
            }
            importedBy.computeIfAbsent(b.statement(), k -> new ArrayList<>()).add(b.localName());
        }
        Set<String> conditional = new java.util.HashSet<>();
        Map<String, Node> defined = new HashMap<>();
        for (Node s : top) {
            switch (s.kind()) {
                case FUNCTION_DEF, CLASS_DEF -> defined.put(new Definitions(s).name(), s);
                case ASSIGN -> Statements.assignment(s).ifPresent(a -> a.targets().stream()
                        .filter(t -> t.kind() == NodeKind.NAME).forEach(t -> defined.put(Expressions.name(t), s)));
                case IMPORT, IMPORT_FROM -> {
                }
                default -> BlockBindings.collect(s, importedBy, conditional);
            }
        }
        TreeMap<Integer, String> importLines = new TreeMap<>();
        TreeMap<Integer, String> definitions = new TreeMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> work = new ArrayDeque<>(roots);
        while (!work.isEmpty()) {
            String name = work.pop();
            if (!seen.add(name)) {
                continue;
            }
            ImportBinding b = imports.get(name);
            Node d = defined.get(name);
            if (b != null) {
                if (b.isRelative()) {
                    return problem("'" + name + "' comes from a relative import, which a flow module cannot repeat");
                }
                if (SCHEDULER_MODULES.stream().anyMatch(m -> b.module().equals(m) || b.module().startsWith(m + "."))) {
                    return problem("the job uses the scheduler itself ('" + name + "' from " + b.module() + ")");
                }
                importLines.put(ranges.start(b.alias()), importLine(b));
            } else if (d != null) {
                if (mentionsScheduler(d, imports)) {
                    return problem("'" + name + "' is built with the scheduler object");
                }
                definitions.put(ranges.start(d), source(d, ranges, text));
                for (Node n : usedNodes(d)) {
                    if (n.kind() == NodeKind.NAME) {
                        work.push(Expressions.name(n));
                    }
                }
            } else if (conditional.contains(name)) {
                return problem("'" + name + "' is bound inside a module-level block; move it by hand");
            }
        }
        Set<String> futures = new LinkedHashSet<>();
        for (ImportBinding b : Imports.of(module).all()) {
            if (top.contains(b.statement()) && b.module().equals("__future__")) {
                futures.add(importLine(b));
            }
        }
        List<String> allImports = new ArrayList<>(futures);
        allImports.addAll(importLines.values().stream().filter(l -> !futures.contains(l)).toList());
        List<String> defs = List.copyOf(definitions.values());
        String carried = String.join("\n", allImports) + String.join("\n", defs);
        if (PythonText.holdsCredential(carried)) {
            return problem("the code it needs looks like it holds a credential; it is not copied");
        }
        return new CarriedCode(allImports, defs, null);
    }

    private static CarriedCode problem(String why) {
        return new CarriedCode(List.of(), List.of(), why);
    }

    private static String importLine(ImportBinding b) {
        if (!b.isFromImport()) {
            return b.localName().equals(b.qualifiedName()) ? "import " + b.module()
                    : "import " + b.qualifiedName() + " as " + b.localName();
        }
        String name = b.qualifiedName().substring(b.module().length() + 1);
        return "from " + b.module() + " import " + name + (name.equals(b.localName()) ? "" : " as " + b.localName());
    }

    /** The nodes whose names the definition uses; a function's scheduler decorators are not carried. */
    private static List<Node> usedNodes(Node d) {
        List<Node> out = new ArrayList<>();
        for (PyElement c : d.children()) {
            if (c instanceof Node n && !isRegistration(n)) {
                out.addAll(Nodes.descendants(n));
            }
        }
        return out;
    }

    private static boolean mentionsScheduler(Node d, Map<String, ImportBinding> imports) {
        for (PyElement c : d.children()) {
            if (c instanceof Node n && !isRegistration(n)) {
                for (Node x : Nodes.descendants(n)) {
                    if (x.kind() == NodeKind.NAME && imports.containsKey(Expressions.name(x))
                            && SCHEDULER_MODULES.stream().anyMatch(m -> imports.get(Expressions.name(x)).module().startsWith(m))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A decorator that registers the function with a scheduler ({@code @sched.scheduled_job(...)}). */
    static boolean isRegistration(Node n) {
        if (n.kind() != NodeKind.DECORATOR) {
            return false;
        }
        Node e = Expressions.unwrap(n.nodes().get(0));
        Node callee = e.kind() == NodeKind.CALL ? Expressions.unwrap(e.nodes().get(0)) : e;
        return callee.kind() == NodeKind.ATTRIBUTE && callee.tokens().get(callee.tokens().size() - 1).text().equals("scheduled_job");
    }

    /** The statement's lines as written (without registration decorators), with {@code \n} line ends. */
    private static String source(Node d, SourceRanges ranges, String text) {
        StringBuilder out = new StringBuilder();
        int from = -1;
        for (PyElement c : d.children()) {
            if (c instanceof Node n && n.kind() == NodeKind.DECORATOR) {
                if (!isRegistration(n)) {
                    out.append(lineSpan(text, ranges.start(n), ranges.end(n)));
                }
            } else if (from < 0) {
                from = ranges.start(c);
            }
        }
        out.append(lineSpan(text, from, ranges.end(d)));
        return out.toString().replace("\r\n", "\n");
    }

    private static String lineSpan(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', end);
        return text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd + 1).replaceAll("[ \\t]*\\r?\\n?$", "") + "\n";
    }
}
