package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a justfile's recipe lines read. just's own variables ({@code infra := "docker-container/etl"}) are
 * read as {@code {{infra}}}, which just replaces before a shell runs the line; an exported one ({@code export INFRA :=
 * ...}, or every one under {@code set export}) is also in the line's environment ({@code $INFRA}), as are the
 * {@code KEY=value} lines of the {@code .env} file that {@code set dotenv-load} reads (or {@code dotenv-filename},
 * {@code dotenv-path}). A recipe's parameter of the same name ({@code deploy infra="x":}) is what the recipe's lines
 * read instead: set, not known. Unlike make, just leaves {@code $} to the shell ({@code $INFRA} is the shell's), and
 * each recipe line runs in a shell of its own, so what a line sets counts on that line only; a value that is an
 * expression (a backtick, a function call, a concatenation) is not known.
 */
final class JustVariables {
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_-]*";
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^(export[ \\t]+)?(" + NAME + ")[ \\t]*:=[ \\t]*(.*?)[ \\t]*(?:#.*)?\\r?$");
    private static final Pattern LITERAL = Pattern.compile("\"[^\"\\\\{]*\"|'[^'{]*'");
    private static final Pattern SETTING = Pattern.compile(
            "^set[ \\t]+(" + NAME + ")(?:[ \\t]*:=[ \\t]*(.*?))?[ \\t]*(?:#.*)?\\r?$");
    /** A recipe's header: its name, parameters, then a colon and its dependencies (not {@code :=}). */
    private static final Pattern RECIPE = Pattern.compile("^@?(" + NAME + ")((?:[ \\t]+[^:=\\s][^:\\s]*)*)[ \\t]*:(?!=).*$");
    private static final Pattern PARAMETER = Pattern.compile("^[+*]?(\\$?)(" + NAME + ")(?:=.*)?$");

    private JustVariables() {
    }

    /** The assignments of the justfile at {@code path}, keyed as {@link LiteralVariables#keys} keys a line's words. */
    static List<LiteralVariables.Assignment> of(String path, String text, Function<String, String> files) {
        List<LiteralVariables.Assignment> out = new ArrayList<>();
        List<String[]> assigned = new ArrayList<>();
        boolean exportAll = false;
        String dotenv = null;
        String[] lines = text.split("\n", -1);
        int offset = 0;
        for (String line : lines) {
            Matcher a = ASSIGNMENT.matcher(line);
            Matcher s = SETTING.matcher(line);
            if (a.matches()) {
                Matcher literal = LITERAL.matcher(a.group(3));
                assigned.add(new String[] {a.group(2), literal.matches() ? LiteralVariables.unquote(a.group(3)) : null,
                        a.group(1) == null ? "" : "export", String.valueOf(offset)});
            } else if (s.matches()) {
                String value = s.group(2) == null ? "true" : LiteralVariables.unquote(s.group(2));
                switch (s.group(1)) {
                    case "export" -> exportAll = value.equals("true");
                    case "dotenv-load" -> dotenv = value.equals("true") ? (dotenv == null ? ".env" : dotenv) : null;
                    case "dotenv-filename", "dotenv-path" -> dotenv = value;
                    default -> {
                    }
                }
            }
            offset += line.length() + 1;
        }
        if (dotenv != null) {
            dotenv(path, dotenv, files).ifPresent(found -> {
                for (LiteralVariables.Assignment e : LiteralVariables.shell(found.text())) {
                    if (e.scopeEnd() == Integer.MAX_VALUE) {
                        out.add(e.readAt(0, e.value(), found.path(), found.text()));
                    }
                }
            });
        }
        for (String[] a : assigned) {
            // just evaluates every assignment before any recipe runs: each counts from the start of the text
            out.add(new LiteralVariables.Assignment(LiteralVariables.JUST + a[0], a[1], 0));
            if (exportAll || a[2].equals("export")) {
                out.add(new LiteralVariables.Assignment(a[0], a[1], 0));
            }
        }
        recipes(lines, exportAll, out);
        return out;
    }

    /** The env file {@code set dotenv-load} reads: beside the justfile ({@code files} gives a path's text, or null). */
    private static Optional<SourcedFiles.Found> dotenv(String path, String written, Function<String, String> files) {
        return SourcedFiles.resolve(path, written, files);
    }

    /**
     * Each recipe's parameters, which its lines read in place of the variables of the same name, and what each of its
     * lines sets for itself ({@code INFRA=x && prefect ...}).
     */
    private static void recipes(String[] lines, boolean exportAll, List<LiteralVariables.Assignment> out) {
        int offset = 0;
        int bodyStart = -1;
        List<String[]> parameters = new ArrayList<>();
        for (String line : lines) {
            boolean indented = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (!indented && !line.isBlank() && !line.startsWith("#")) {
                close(parameters, bodyStart, offset, exportAll, out);
                parameters.clear();
                bodyStart = -1;
                Matcher r = RECIPE.matcher(line);
                if (r.matches() && !ASSIGNMENT.matcher(line).matches()) {
                    bodyStart = offset + line.length() + 1;
                    for (String word : r.group(2).strip().split("[ \\t]+")) {
                        Matcher p = PARAMETER.matcher(word);
                        if (p.matches()) {
                            parameters.add(new String[] {p.group(2), p.group(1)});
                        }
                    }
                }
            } else if (indented && bodyStart >= 0) {
                int command = 0;
                while (command < line.length() && "@- \t".indexOf(line.charAt(command)) >= 0) {
                    command++;
                }
                ShellLineAssignments.read(line.substring(command), offset + command, "", true, out);
            }
            offset += line.length() + 1;
        }
        close(parameters, bodyStart, offset, exportAll, out);
    }

    /** The parameters of the recipe whose body is {@code [bodyStart, end)}, set (not known) there. */
    private static void close(List<String[]> parameters, int bodyStart, int end, boolean exportAll,
                              List<LiteralVariables.Assignment> out) {
        if (bodyStart < 0 || end <= bodyStart) {
            return;
        }
        for (String[] p : parameters) {
            addParameter(p, bodyStart, end, exportAll, out);
        }
    }

    /**
     * A parameter, set (not known) in its recipe's body; a {@code $param}, or any under {@code set export}, is also in
     * the lines' environment.
     */
    private static void addParameter(String[] p, int start, int end, boolean exportAll,
                                     List<LiteralVariables.Assignment> out) {
        out.add(new LiteralVariables.Assignment(LiteralVariables.JUST + p[0], null, start, start, end, null));
        if (!p[1].isEmpty() || exportAll) {
            out.add(new LiteralVariables.Assignment(p[0], null, start, start, end, null));
        }
    }
}
