package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.sources.config.PrefectCommandReport;
import dev.migrate.analyzers.sources.config.PrefectInvocation;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code prefect ...} commands a Python program runs in a child process: a supervisor script that keeps a Prefect 2
 * agent up with {@code subprocess.check_call(["prefect", "agent", "start", "-q", "etl"])}, a deploy helper that calls
 * {@code os.system("prefect deployment build ...")}. Each is reported as the same command in a shell script is
 * ({@link PrefectCommandReport}), at the call's command argument, and an agent, worker, server or deployment it
 * starts is a job of this file.
 *
 * <p>The command is read from a list or tuple of words ({@code [sys.executable, "-m", "prefect", ...]}), a command line
 * ({@code shell=True}, {@code os.system}), {@code shlex.split("...")}, or a module constant holding one of those. A
 * word that is not a constant (a variable queue name) stands as {@code {name}}: the command is still recognised, and
 * the value is what the code computes at run time.
 */
public final class PrefectCliInPythonDetector extends PythonDetector {
    /** Calls whose first argument (or, for the exec forms, whose arguments) is a command. */
    private static final Set<String> COMMAND_FIRST = Set.of("subprocess.run", "subprocess.call", "subprocess.check_call",
            "subprocess.check_output", "subprocess.Popen", "os.system", "os.popen", "asyncio.create_subprocess_shell");
    /** Calls that take the program and its arguments as separate positional arguments. */
    private static final Set<String> WORDS_AS_ARGUMENTS = Set.of("asyncio.create_subprocess_exec", "os.execlp", "os.spawnlp");

    public PrefectCliInPythonDetector() {
        super("prefect-cli-in-python", null, "subprocess", "os.system", "os.popen", "os.exec", "os.spawn");
    }

    @Override
    void detect(PythonModule m, InventorySink sink) {
        if (!m.file().text().contains("prefect")) {
            return;
        }
        for (Node call : m.nodes(NodeKind.CALL)) {
            String callee = m.nameOf(call);
            Optional<Command> command = COMMAND_FIRST.contains(callee)
                    ? new CallView(call).argument("args", 0).flatMap(a -> command(m, a.value()))
                    : WORDS_AS_ARGUMENTS.contains(callee) ? wordArguments(m, call, callee) : Optional.empty();
            command.ifPresent(c -> report(m, c, sink));
        }
    }

    /** A command line and the node it was read from (where findings point). */
    private record Command(String line, Node at) {
    }

    private static void report(PythonModule m, Command c, InventorySink sink) {
        SourceRef where = m.at(c.at());
        for (PrefectInvocation inv : PrefectInvocation.find(c.line())) {
            // `prefect deploy -n NAME` / `--all`: linked to the prefect.yaml entries it deploys, then dropped
            PrefectCommandReport.report(m.file(), inv, inv.text(c.line()), where, sink)
                    .or(() -> PrefectCommandReport.selection(m.file(), inv, inv.text(c.line()), where))
                    .ifPresent(job -> sink.job(job.attr("startedBy", "python").build()));
        }
    }

    private static Optional<Command> command(PythonModule m, Node arg) {
        Node e = m.resolve(arg);
        if (e.kind() == NodeKind.STRING) {
            return m.string(e).map(line -> new Command(line, arg));
        }
        if (e.kind() == NodeKind.LIST || e.kind() == NodeKind.TUPLE) {
            return words(m, e.nodes()).map(line -> new Command(line, arg));
        }
        if (e.kind() == NodeKind.CALL && m.nameOf(e).equals("shlex.split")) {
            return new CallView(e).positional(0).flatMap(a -> m.string(a.value())).map(line -> new Command(line, arg));
        }
        return Optional.empty();
    }

    /** {@code create_subprocess_exec("prefect", "agent", "start")}; {@code os.execlp(file, arg0, ...)} and {@code os.spawnlp(mode, file, arg0, ...)}. */
    private static Optional<Command> wordArguments(PythonModule m, Node call, String callee) {
        List<Argument> positional = new CallView(call).arguments().stream().filter(Argument::isPositional).toList();
        int skip = callee.equals("os.spawnlp") ? 2 : callee.equals("os.execlp") ? 1 : 0;
        if (positional.size() <= skip) {
            return Optional.empty();
        }
        List<Node> values = positional.subList(skip, positional.size()).stream().map(Argument::value).toList();
        return words(m, values).map(line -> new Command(line, values.get(0)));
    }

    /** The words as a shell command line; empty when a word is unpacked ({@code *BASE}) and so not even counted. */
    private static Optional<String> words(PythonModule m, List<Node> elements) {
        List<String> words = new ArrayList<>();
        for (Node element : elements) {
            if (element.kind() == NodeKind.STARRED) {
                return Optional.empty();
            }
            Optional<String> word = m.string(element);
            words.add(word.map(PrefectCliInPythonDetector::shellWord)
                    .orElseGet(() -> "{" + Expressions.dottedName(element).orElse("value") + "}"));
        }
        return words.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", words));
    }

    /** A word as the shell reads it back: quoted when it holds anything the shell would split or expand. */
    private static String shellWord(String w) {
        if (!w.isEmpty() && w.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return w;
        }
        return "'" + w.replace("'", "'\\''") + "'";
    }
}
