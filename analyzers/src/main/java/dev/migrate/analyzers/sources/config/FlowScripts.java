package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.python.PythonModule;
import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.ShellToken;
import dev.migrate.rewriters.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Prefect flow scripts a shell line runs with Python ({@code python flows/etl.py}, {@code cd flows && python3 -u
 * etl.py}, {@code python -m flows.etl}, behind {@code uv run}, {@code poetry run}, {@code exec}, {@code env X=1}): a
 * file that, run as a script, runs one of its own {@code @flow} functions ({@code etl()} at module level or under
 * {@code if __name__ == "__main__":}, {@code asyncio.run(etl())}) is a flow script; one that serves its flows there
 * ({@code etl.serve(...)}, {@code serve(etl.to_deployment(...))}) is a serve script. Read from the Python tree, never
 * run or imported. One reading for every reader of command lines (a CI job's, and any other that knows where its
 * command runs), each file read and classified once per instance.
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
     */
    public record Script(String path, Kind kind, List<String> flows) {
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
                return text == null ? Optional.empty() : classify(p, text);
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
     * What the Python file at {@code path} does when run as a script: serves flows, runs a flow, or neither (a module
     * of flows nothing calls at its top, a file Python cannot parse).
     */
    public static Optional<Script> classify(String path, String text) {
        if (!text.contains("flow")) {
            return Optional.empty();
        }
        PythonModule m = PythonModule.parse(new ScanFile(path, text));
        if (!m.syntaxErrors().isEmpty() || !m.imports().uses("prefect")) {
            return Optional.empty();
        }
        Set<String> flows = new LinkedHashSet<>();
        for (Node def : m.nodes(NodeKind.FUNCTION_DEF)) {
            Definitions d = new Definitions(def);
            if (d.decorators().stream().map(m::nameOf)
                    .anyMatch(q -> q.equals("prefect.flow") || q.equals("prefect.flows.flow"))) {
                flows.add(d.name());
            }
        }
        if (flows.isEmpty()) {
            return Optional.empty();
        }
        Set<String> served = new LinkedHashSet<>(); // flow.serve(...)
        Set<String> made = new LinkedHashSet<>(); // flow.to_deployment(...), which prefect.serve(...) serves
        Set<String> ran = new LinkedHashSet<>(); // flow(...)
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
                } else if (callee.kind() == NodeKind.NAME && flows.contains(Expressions.name(callee))) {
                    ran.add(Expressions.name(callee));
                } else if (callee.kind() == NodeKind.ATTRIBUTE && !callee.nodes().isEmpty()) {
                    String method = callee.tokens().get(callee.tokens().size() - 1).text();
                    Node receiver = Expressions.unwrap(callee.nodes().get(0));
                    String owner = receiver.kind() == NodeKind.NAME ? Expressions.name(receiver) : null;
                    if (owner != null && flows.contains(owner)) {
                        (method.equals("serve") ? served : method.equals("to_deployment") ? made : new LinkedHashSet<String>())
                                .add(owner);
                    }
                }
            }
        }
        if (!served.isEmpty() || serves) {
            served.addAll(serves ? made : Set.of());
            return Optional.of(new Script(path, Kind.SERVE, List.copyOf(served)));
        }
        return ran.isEmpty() ? Optional.empty() : Optional.of(new Script(path, Kind.FLOW, List.copyOf(ran)));
    }
}
