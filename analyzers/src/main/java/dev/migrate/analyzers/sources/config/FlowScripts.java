package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.python.PythonModule;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ModulePaths;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.ShellToken;
import dev.migrate.rewriters.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Prefect flow scripts a shell line runs with Python ({@code python flows/etl.py}, {@code cd flows && python3 -u
 * etl.py}, {@code python -m flows.etl}, behind {@code uv run}, {@code poetry run}, {@code exec}, {@code env X=1}): a
 * file that, run as a script, runs one of its own {@code @flow} functions ({@code etl()} at module level or under
 * {@code if __name__ == "__main__":}, {@code asyncio.run(etl())}) is a flow script; one that serves its flows there
 * ({@code etl.serve(...)}, {@code serve(etl.to_deployment(...))}) is a serve script. Read from the Python tree, never
 * run or imported. A flow the script imports from a module of the tree ({@code from flows.etl import etl},
 * {@code from flows import etl} then {@code etl.etl()}) counts as one of its own when that module's file, found as
 * Python would from the script's directory or the one the command runs in, defines it as a {@code @flow}: one level
 * deep, a name that module imports in turn is not followed. One reading for every reader of command lines (a CI
 * job's, and any other that knows where its command runs), each file read and classified once per instance.
 */
public final class FlowScripts {
    /** What a flow script does when run: runs a flow once in its own process, or serves flows until it is stopped. */
    public enum Kind { FLOW, SERVE }

    /**
     * A Python file the tree holds, as a script.
     *
     * @param path  its tree path
     * @param kind  whether it runs or serves its flows
     * @param flows the functions of the flows it runs or serves, in the order they are called
     * @param entry the first of them as a deployment's entrypoint ({@code flows/etl.py:etl}), in the file that
     *              defines it: the script's own, or the module it imports the flow from; the script itself when it
     *              names none ({@code prefect.serve()} of deployments made elsewhere)
     */
    public record Script(String path, Kind kind, List<String> flows, String entry) {
        /** A script whose flows are all its own. */
        public Script(String path, Kind kind, List<String> flows) {
            this(path, kind, flows, flows.isEmpty() ? path : path + ":" + flows.get(0));
        }
    }

    /**
     * A Python run of a shell line: the script as written ({@code flows/etl.py}, or for {@code -m} the module's file,
     * {@code flows/etl.py} of {@code flows.etl}) and the offset of its command in the line.
     */
    public record Invocation(String script, int offset) {
    }

    /** An interpreter's name: {@code python}, {@code python3.11}, {@code /opt/venv/bin/python}, {@code pypy3}. */
    private static final Pattern PYTHON = Pattern.compile("(.*/)?(python|pypy)[0-9.]*");
    /** Words in front of the interpreter that run it as it is: {@code exec}, {@code nohup}, {@code time}, {@code env}. */
    private static final Set<String> WRAPPERS = Set.of("exec", "nohup", "time", "env", "command");
    /** Tools that run the next words in the project's environment ({@code uv run python etl.py}). */
    private static final Set<String> RUNNERS = Set.of("uv", "poetry", "pipenv", "pdm", "hatch", "rye");
    /** Python's own options that take a value as the next word. */
    private static final Set<String> WITH_VALUE = Set.of("-W", "-X", "--check-hash-based-pycs");

    private final Function<String, String> files;
    private final Map<String, Optional<Script>> read = new ConcurrentHashMap<>();
    /** The {@code @flow} functions of each module file a script imports from, by tree path, each read once. */
    private final Map<String, Set<String>> moduleFlows = new ConcurrentHashMap<>();

    /** {@code files} gives a tree path's text, or null when the tree holds no such file. */
    public FlowScripts(Function<String, String> files) {
        this.files = files;
    }

    /**
     * The flow scripts the Python run {@code run} starts when its command runs in one of {@code directories} (tree
     * directories, most likely first; empty when the tree cannot say, then none is named): the first of them that
     * holds the file.
     */
    public Optional<Script> of(Invocation run, List<String> directories) {
        for (String dir : directories) {
            Optional<String> path = WorkingDirectory.normalize(dir, run.script()).filter(p -> p.endsWith(".py"));
            if (path.isEmpty()) {
                continue;
            }
            Optional<Script> script = read.computeIfAbsent(path.get(), p -> {
                String text = files.apply(p);
                return text == null ? Optional.empty() : classify(p, text, importedFlows(p, dir));
            });
            if (script.isPresent() || files.apply(path.get()) != null) {
                return script; // the file of the first directory that holds one is the one Python runs
            }
        }
        return Optional.empty();
    }

    /**
     * The Python runs of a shell line's commands, in order: a script Python runs by its path or its module
     * ({@code -m}); none for inline code ({@code -c}), the interactive interpreter, or a script named through a variable.
     */
    public static List<Invocation> invocations(String line) {
        List<Invocation> out = new ArrayList<>();
        if (!line.contains("py")) {
            return out;
        }
        for (SimpleCommand command : ShellLine.parse(line).commands()) {
            script(command.words()).ifPresent(s -> out.add(new Invocation(s, command.start())));
        }
        return out;
    }

    private static Optional<String> script(List<ShellToken> words) {
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i).value();
            if (WRAPPERS.contains(w) || w.contains("=") && i > 0 && words.get(i - 1).value().equals("env")
                    || w.contains("=") && i > 0 && words.get(0).value().equals("env")) {
                i++;
            } else if (RUNNERS.contains(w) && i + 1 < words.size() && words.get(i + 1).value().equals("run")) {
                i += 2;
            } else {
                break;
            }
        }
        if (i >= words.size() || !PYTHON.matcher(words.get(i).value()).matches()) {
            return Optional.empty();
        }
        for (int j = i + 1; j < words.size(); j++) {
            String w = words.get(j).value();
            if (w.contains("$") || w.contains("`")) {
                return Optional.empty();
            }
            if (w.equals("-m") && j + 1 < words.size()) {
                String module = words.get(j + 1).value();
                return module.matches("[A-Za-z_][\\w.]*") ? Optional.of(module.replace('.', '/') + ".py") : Optional.empty();
            }
            if (w.equals("-c") || w.equals("-")) {
                return Optional.empty();
            }
            if (WITH_VALUE.contains(w)) {
                j++;
            } else if (!w.startsWith("-")) {
                return w.endsWith(".py") ? Optional.of(w) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The flows of the tree's modules that the script at {@code script}, run in {@code dir}, can import: a module name
     * ({@code flows.etl}, {@code .etl} under {@code -m}) and a name give the entrypoint of that name's {@code @flow}
     * in the module's file, or null when the tree holds no such file where Python looks or the name is no flow there.
     */
    private BiFunction<String, String, String> importedFlows(String script, String dir) {
        String scriptDir = parent(script);
        return (module, name) -> {
            for (String file : moduleFiles(module, scriptDir, dir)) {
                String text = files.apply(file);
                if (text != null) {
                    // the first file Python finds is the module, a flow or not
                    Set<String> flows = moduleFlows.computeIfAbsent(file, f -> ownFlows(PythonModule.parse(new ScanFile(f, text))));
                    return flows.contains(name) ? file + ":" + name : null;
                }
            }
            return null;
        };
    }

    /**
     * The files a module name may be, in the order Python's path reads them: a script run by its path has its own
     * directory first, one run with {@code -m} the command's directory; a relative name only from the script's package.
     */
    private static List<String> moduleFiles(String module, String scriptDir, String dir) {
        int dots = 0;
        while (dots < module.length() && module.charAt(dots) == '.') {
            dots++;
        }
        String rest = module.substring(dots).replace('.', '/');
        List<String> roots = new ArrayList<>();
        if (dots > 0) {
            String base = scriptDir;
            for (int i = 1; i < dots && base != null; i++) {
                base = base.isEmpty() ? null : parent(base);
            }
            if (base != null) {
                roots.add(base);
            }
        } else {
            roots.add(scriptDir);
            roots.add(dir);
        }
        List<String> out = new ArrayList<>();
        for (String root : new LinkedHashSet<>(roots)) {
            String stem = root.isEmpty() ? rest : rest.isEmpty() ? root : root + "/" + rest;
            if (!rest.isEmpty()) {
                out.add(stem + ".py");
            }
            out.add(stem.isEmpty() ? "__init__.py" : stem + "/__init__.py");
        }
        return out;
    }

    private static String parent(String path) {
        return path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    }

    /** The functions a module decorates with Prefect's {@code @flow}; none when Python cannot parse it. */
    private static Set<String> ownFlows(PythonModule m) {
        Set<String> flows = new LinkedHashSet<>();
        if (!m.syntaxErrors().isEmpty() || !m.imports().uses("prefect")) {
            return flows;
        }
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            Definitions d = new Definitions(def);
            if (d.decorators().stream().map(m::nameOf)
                    .anyMatch(q -> q.equals("prefect.flow") || q.equals("prefect.flows.flow"))) {
                flows.add(d.name());
            }
        }
        return flows;
    }

    /**
     * What the Python file at {@code path} does when run as a script, its own flows alone considered: serves flows,
     * runs a flow, or neither (a module of flows nothing calls at its top, a file Python cannot parse).
     */
    public static Optional<Script> classify(String path, String text) {
        return classify(path, text, (module, name) -> null);
    }

    /**
     * What the Python file at {@code path} does when run as a script, where {@code imported} gives the entrypoint of
     * a flow it imports from a module ({@code module} as imported, the name defined there), or null for anything else.
     */
    static Optional<Script> classify(String path, String text, BiFunction<String, String, String> imported) {
        if (!text.contains("flow") && !text.contains("import")) {
            return Optional.empty();
        }
        PythonModule m = PythonModule.parse(new ScanFile(path, text));
        if (!m.syntaxErrors().isEmpty()) {
            return Optional.empty();
        }
        Set<String> own = ownFlows(m);
        // a name the script calls or serves at its top: the entrypoint of the flow it is, or null
        Function<Node, String> flowOf = expr -> {
            if (expr.kind() == NodeKind.NAME && own.contains(Expressions.name(expr))) {
                return path + ":" + Expressions.name(expr);
            }
            return m.qualifiedName(expr).filter(q -> !q.equals("prefect") && !q.startsWith("prefect."))
                    .flatMap(ModulePaths::split).map(n -> imported.apply(n.module(), n.name())).orElse(null);
        };
        Map<String, String> served = new LinkedHashMap<>(); // flow.serve(...), entrypoint by name
        Map<String, String> made = new LinkedHashMap<>(); // flow.to_deployment(...), which prefect.serve(...) serves
        Map<String, String> ran = new LinkedHashMap<>(); // flow(...)
        boolean serves = false; // prefect.serve(...)
        for (Node stmt : Statements.of(m.root())) {
            if (stmt.kind() == NodeKind.FUNCTION_DEF || stmt.kind() == NodeKind.CLASS_DEF) {
                continue; // what runs when the file is run is its top level, the main guard among it
            }
            for (Node call : Nodes.find(stmt, NodeKind.CALL)) {
                Node callee = Expressions.unwrap(call.nodes().get(0));
                String q = m.nameOf(call);
                if (q.equals("prefect.serve") || q.equals("prefect.flows.serve")) {
                    serves = true;
                    continue;
                }
                String entry = flowOf.apply(callee);
                if (entry != null) {
                    ran.putIfAbsent(shortName(entry), entry);
                } else if (callee.kind() == NodeKind.ATTRIBUTE && !callee.nodes().isEmpty()) {
                    String method = callee.tokens().get(callee.tokens().size() - 1).text();
                    Node receiver = Expressions.unwrap(callee.nodes().get(0));
                    String owner = method.equals("serve") || method.equals("to_deployment") ? flowOf.apply(receiver) : null;
                    if (owner != null) {
                        (method.equals("serve") ? served : made).putIfAbsent(shortName(owner), owner);
                    }
                }
            }
        }
        if (!served.isEmpty() || serves) {
            if (serves) {
                made.forEach(served::putIfAbsent);
            }
            return Optional.of(script(path, Kind.SERVE, served));
        }
        return ran.isEmpty() ? Optional.empty() : Optional.of(script(path, Kind.FLOW, ran));
    }

    private static String shortName(String entry) {
        return entry.substring(entry.lastIndexOf(':') + 1);
    }

    private static Script script(String path, Kind kind, Map<String, String> flows) {
        return new Script(path, kind, List.copyOf(flows.keySet()),
                flows.isEmpty() ? path : flows.values().iterator().next());
    }
}
