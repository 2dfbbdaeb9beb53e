package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;
import org.openrewrite.SourceFile;

/**
 * The Prefect 1 flows a project registers from the command line: {@code prefect register --project P -p flows/}
 * (every flow under the path), {@code -m flows.etl} (the flows of a module) and the 0.14 form
 * {@code prefect register flow --file F}, in the project's scripts, Makefiles, Dockerfiles and CI files. Such a flow
 * calls no {@code flow.register()}, yet it was deployed, and its command becomes {@code prefect deploy --all}: without
 * a prefect.yaml entry that command deploys nothing. Paths are read from the project's root, where such scripts run
 * ("run from the repo root"), and a path that starts with {@code $} or holds a glob is not read.
 *
 * <p>One run reads each file once ({@link #of}): the flow conversion and the task-library recipe both need the
 * commands, and printing every non-Python file of a project twice would be wasted work.
 */
public final class CliRegistrations {
    /** A path or module a command registers, with the command as written and where. */
    private record Target(String path, boolean module, String command, String where) {
    }

    private final List<Target> targets = new ArrayList<>();
    /** The paths read so far. */
    private final Set<String> read = new HashSet<>();

    /** The registrations of the recipe run {@code ctx} belongs to, shared by the recipes that read them. */
    public static CliRegistrations of(ExecutionContext ctx) {
        return ctx.computeMessageIfAbsent(CliRegistrations.class.getName(), k -> new CliRegistrations());
    }

    /** Reads the {@code prefect register} commands of one non-Python file of the project, unless it was read. */
    public void offer(SourceFile file) {
        String path = file.getSourcePath().toString().replace('\\', '/');
        synchronized (this) {
            if (!read.add(path)) {
                return;
            }
        }
        offer(path, file.printAll());
    }

    /** Reads the {@code prefect register} commands of one non-Python file of the project. */
    private synchronized void offer(String path, String text) {
        if (!text.contains("register")) {
            return;
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].contains("register")) {
                continue;
            }
            for (SimpleCommand c : ShellLine.parse(lines[i]).commands()) {
                read(c.argv(), lines[i].substring(c.start(), c.end()).strip(), path + ":" + (i + 1));
            }
        }
    }

    private void read(List<String> argv, String command, String where) {
        int at = argv.indexOf("register");
        if (at < 1 || !(argv.get(at - 1).equals("prefect") || argv.get(at - 1).endsWith("/prefect"))) {
            return;
        }
        for (int i = at + 1; i < argv.size() - 1; i++) {
            String flag = argv.get(i);
            String value = argv.get(i + 1);
            if (value.startsWith("$") || value.contains("*") || value.startsWith("-")) {
                continue;
            }
            boolean file = argv.size() > at + 1 && argv.get(at + 1).equals("flow");
            if (flag.equals("--path") || flag.equals("-p") && !file || flag.equals("--file") || flag.equals("-f") && file) {
                targets.add(new Target(normalize(value), false, command, where));
            } else if (flag.equals("-m") || flag.equals("--module")) {
                targets.add(new Target(value.replace('.', '/'), true, command, where));
            }
        }
    }

    private static String normalize(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /**
     * The command (as written, and where) that registers the flows of the Python file at {@code pythonPath} (a path
     * from the project's root), when one does.
     */
    public synchronized Optional<String> registering(String pythonPath) {
        String p = pythonPath.replace('\\', '/');
        for (Target t : targets) {
            boolean covers = t.module() ? p.equals(t.path() + ".py") || p.equals(t.path() + "/__init__.py")
                    : t.path().equals(".") || p.equals(t.path()) || p.startsWith(t.path() + "/");
            if (covers) {
                return Optional.of("`" + t.command() + "` (" + t.where() + ")");
            }
        }
        return Optional.empty();
    }
}
