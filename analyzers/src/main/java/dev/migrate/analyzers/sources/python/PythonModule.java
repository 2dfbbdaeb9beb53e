package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.rewriters.python.Diagnostic;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.Space;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One scanned Python file as a syntax tree, with the questions every Python detector asks: what a call
 * refers to through the imports, where a node is, and the value of a literal or of a module-level constant
 * ({@code INTERVAL_SECONDS = 15 * 60}). The code is only parsed, never run.
 */
public final class PythonModule {
    private final ScanFile file;
    private final PythonFile tree;
    private final Imports imports;
    private final List<Node> all = new ArrayList<>();
    /** Module-level {@code NAME = value} assignments; a later one wins, as when the module runs. */
    private final Map<String, Node> constants = new HashMap<>();
    /** Names the module's top level defines itself (functions, classes, assignments): no star import binds them. */
    private final Set<String> ownNames = new HashSet<>();
    /** The Prefect modules of {@code from prefect... import *} statements, last first (a later one wins). */
    private final List<String> prefectStars = new ArrayList<>();
    /**
     * Values of names for one iteration of the literal loops around a call ({@link #withBindings}); they hide the
     * module's constants of the same names. Empty for the module itself.
     */
    private final Map<String, Node> bindings;

    private PythonModule(ScanFile file) {
        this(file, PythonParser.parse(Path.of(file.path()), file.text()));
    }

    private PythonModule(ScanFile file, PythonFile tree) {
        this.bindings = Map.of();
        this.file = file;
        this.tree = tree;
        this.imports = Imports.of(tree.module());
        collect(tree.module());
        for (Node stmt : Statements.of(tree.module())) {
            Statements.assignment(stmt).ifPresent(a -> {
                if (a.targets().size() == 1 && a.targets().get(0).kind() == NodeKind.NAME && a.value() != null) {
                    constants.put(Expressions.name(a.targets().get(0)), a.value());
                }
                a.targets().stream().filter(t -> t.kind() == NodeKind.NAME).map(Expressions::name).forEach(ownNames::add);
            });
            if (stmt.kind() == NodeKind.FUNCTION_DEF || stmt.kind() == NodeKind.CLASS_DEF) {
                ownNames.add(new Definitions(stmt).name());
            }
        }
        prefectStars.addAll(PrefectStars.of(imports));
    }

    /**
     * The scanner hands one file to every interested detector in turn on the same thread, so the last tree
     * parsed on a thread is kept: the Prefect detectors parse a file once between them.
     */
    private static final ThreadLocal<PythonModule> LAST = new ThreadLocal<>();

    /** A view of {@code base} (same tree, imports and constants) in which {@code names} have these values. */
    private PythonModule(PythonModule base, Map<String, Node> names) {
        this.file = base.file;
        this.tree = base.tree;
        this.imports = base.imports;
        this.all.addAll(base.all);
        this.constants.putAll(base.constants);
        this.ownNames.addAll(base.ownNames);
        this.prefectStars.addAll(base.prefectStars);
        Map<String, Node> merged = new HashMap<>(base.bindings);
        merged.putAll(names);
        this.bindings = Map.copyOf(merged);
    }

    /**
     * This module as one iteration of a loop sees it: {@code names} (a loop's targets) have the values given, so
     * that {@link #resolve}, {@link #string} and {@link #number} read {@code f"etl-{region}"} as that iteration's.
     */
    public PythonModule withBindings(Map<String, Node> names) {
        return names.isEmpty() ? this : new PythonModule(this, names);
    }

    /**
     * Hands the detectors that read {@code file} next on this thread a tree already parsed from its text (the rewrite's
     * own), so that they do not parse it again.
     */
    public static void parsed(ScanFile file, PythonFile tree) {
        LAST.set(new PythonModule(file, tree));
    }

    public static PythonModule parse(ScanFile file) {
        PythonModule last = LAST.get();
        if (last != null && last.file == file) {
            return last;
        }
        PythonModule m = new PythonModule(file);
        LAST.set(m);
        return m;
    }

    private void collect(Node n) {
        all.add(n);
        for (Node c : n.nodes()) {
            collect(c);
        }
    }

    public ScanFile file() {
        return file;
    }

    /** The parser's syntax errors, first first; empty for a file that parses. */
    public List<Diagnostic> syntaxErrors() {
        return tree.diagnostics();
    }

    public Node root() {
        return tree.module();
    }

    public Imports imports() {
        return imports;
    }

    /** Every node of the tree in source order. */
    public List<Node> nodes() {
        return all;
    }

    public List<Node> nodes(NodeKind kind) {
        return all.stream().filter(n -> n.kind() == kind).toList();
    }

    /** Calls whose callee resolves through the imports to one of {@code qualifiedNames}. */
    public List<Node> callsTo(String... qualifiedNames) {
        List<String> names = List.of(qualifiedNames);
        return nodes(NodeKind.CALL).stream().filter(c -> qualifiedName(c).filter(names::contains).isPresent()).toList();
    }

    /**
     * The fully qualified name an expression, call or decorator refers to through the imports ({@link Imports}),
     * and through {@code from prefect import *}: a name the module neither imports by name nor defines itself is
     * the star-imported module's when Prefect 2 or 3 has it there ({@code @task} gives {@code prefect.task}). A
     * star import from any other module binds names nobody can list without running it, so those stay unknown.
     */
    public Optional<String> qualifiedName(Node expr) {
        Optional<String> q = imports.qualifiedName(expr);
        return q.isPresent() ? q : PrefectStars.qualifiedName(imports, prefectStars, ownNames, expr);
    }

    /** The import-resolved name of what a call calls (or of an expression), else its dotted text, else "". */
    public String nameOf(Node expr) {
        Node e = Expressions.unwrap(expr);
        Optional<String> q = qualifiedName(e);
        if (q.isPresent()) {
            return q.get();
        }
        Node callee = e.kind() == NodeKind.CALL ? e.nodes().get(0) : e;
        return Expressions.dottedName(callee).orElse("");
    }

    public SourceRef at(Node n) {
        PythonFile.Position p = tree.start(n);
        return SourceRef.at(file.path(), p.line(), p.column() + 1);
    }

    /** A keyword argument's value, or the positional one at {@code position} (-1 for keyword only). */
    public static Optional<Node> arg(Node call, String keyword, int position) {
        CallView v = new CallView(call);
        return (position < 0 ? v.keyword(keyword) : v.argument(keyword, position)).map(a -> a.value());
    }

    /** Follows a plain name to the module-level value assigned to it (once, not through chains of calls). */
    public Node resolve(Node expr) {
        Node e = Expressions.unwrap(expr);
        for (int i = 0; i < 8 && e.kind() == NodeKind.NAME; i++) {
            String name = Expressions.name(e);
            Node v = bindings.containsKey(name) ? bindings.get(name) : constants.get(name);
            if (v == null) {
                break;
            }
            e = Expressions.unwrap(v);
        }
        return e;
    }

    /** The value the module assigns to {@code name} at its top level (the last assignment). */
    public Optional<Node> constant(String name) {
        return Optional.ofNullable(constants.get(name));
    }

    /**
     * A string literal's value, directly or through a module constant. An f-string without a replacement field
     * ({@code f"flow.py:main"}, written so out of habit) is a constant too; one with a field is not.
     */
    public Optional<String> string(Node expr) {
        Node e = resolve(expr);
        if (e.kind() != NodeKind.STRING) {
            return Optional.empty();
        }
        List<String> fields = new ArrayList<>();
        Node literal = withoutPlainFStrings(e, fields);
        if (literal == null) {
            return Optional.empty();
        }
        Optional<String> value = StringLiterals.value(literal);
        if (fields.isEmpty() || value.isEmpty()) {
            return value;
        }
        String v = value.get();
        for (int i = 0; i < fields.size(); i++) {
            v = v.replace(FIELD_MARK + i + FIELD_MARK, fields.get(i));
        }
        return Optional.of(v);
    }

    /** Stands for a replacement field's value while the literal around it is read (no source text holds it). */
    private static final String FIELD_MARK = "\uFFFF";

    /**
     * The value of a replacement field that is a plain name ({@code {region}}, no conversion or format spec) whose
     * value is a string or a whole number, through a constant or a loop's binding; else null.
     */
    private String fieldValue(Node field) {
        List<Node> inner = field.nodes();
        if (inner.size() != 1 || field.childCount() != 3 || inner.get(0).kind() != NodeKind.NAME) {
            return null;
        }
        Node v = resolve(inner.get(0));
        if (v.kind() == NodeKind.STRING) {
            return v.nodes(NodeKind.FSTRING).isEmpty() ? StringLiterals.value(v).orElse(null) : null;
        }
        if (v.kind() == NodeKind.CONSTANT && v.text().strip().matches("-?[0-9]+")) {
            return v.text().strip();
        }
        return null;
    }

    /**
     * The literal with every f-string part that holds no field written as the plain literal it equals (the prefix
     * without its {@code f}, doubled braces single), so that the parser's own literal reading applies to it.
     */
    private Node withoutPlainFStrings(Node string, List<String> fields) {
        if (string.nodes(NodeKind.FSTRING).isEmpty()) {
            return string;
        }
        List<PyElement> parts = new ArrayList<>();
        for (PyElement c : string.children()) {
            if (!(c instanceof Node f) || f.kind() != NodeKind.FSTRING) {
                parts.add(c);
                continue;
            }
            StringBuilder literal = new StringBuilder();
            for (PyElement p : f.children()) {
                if (!(p instanceof Token t)) {
                    // a replacement field has a static value only as a plain name bound to a literal
                    String value = p instanceof Node field && field.kind() == NodeKind.REPLACEMENT_FIELD
                            ? fieldValue(field) : null;
                    if (value == null) {
                        return null;
                    }
                    literal.append(FIELD_MARK).append(fields.size()).append(FIELD_MARK);
                    fields.add(value);
                    continue;
                }
                literal.append(switch (t.kind()) {
                    case FSTRING_START -> t.text().replaceAll("[fF]", "");
                    case FSTRING_MIDDLE -> t.text().replace("{{", "{").replace("}}", "}");
                    default -> t.text();
                });
            }
            parts.add(new Token(TokenKind.STRING, Space.EMPTY, literal.toString()));
        }
        return Node.of(NodeKind.STRING, parts);
    }

    /**
     * A number written as a literal or as arithmetic on literals and module constants ({@code 15 * 60},
     * {@code max(0, INTERVAL - elapsed)} is not a number); empty when it is not statically known.
     */
    public Optional<Double> number(Node expr) {
        Node e = resolve(expr);
        switch (e.kind()) {
            case CONSTANT -> {
                String t = e.text().strip().replace("_", "");
                try {
                    return Optional.of(Double.parseDouble(t));
                } catch (NumberFormatException ex) {
                    return Optional.empty();
                }
            }
            case UNARY -> {
                if (e.nodes().size() == 1 && e.text().strip().startsWith("-")) {
                    return number(e.nodes().get(0)).map(d -> -d);
                }
                return Optional.empty();
            }
            case BINARY -> {
                if (e.nodes().size() != 2) {
                    return Optional.empty();
                }
                Optional<Double> a = number(e.nodes().get(0));
                Optional<Double> b = number(e.nodes().get(1));
                String op = e.tokens().isEmpty() ? "" : e.tokens().get(0).text();
                if (a.isEmpty() || b.isEmpty()) {
                    return Optional.empty();
                }
                return switch (op) {
                    case "+" -> Optional.of(a.get() + b.get());
                    case "-" -> Optional.of(a.get() - b.get());
                    case "*" -> Optional.of(a.get() * b.get());
                    case "/" -> b.get() == 0 ? Optional.empty() : Optional.of(a.get() / b.get());
                    default -> Optional.empty();
                };
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
