package dev.migrate.recipes.prefectcli;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.ShellToken;
import dev.migrate.rewriters.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites every Prefect 2 command inside shell text (a script line, a compose {@code command:}, a
 * Dockerfile {@code RUN}, a systemd {@code ExecStart=}) and leaves every other byte alone. Bodies of
 * {@code sh -c "..."} are rewritten in place, inside their original quotes. Arguments that did not
 * change keep their original quoting.
 */
public final class PrefectCommandRewriter {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "/bin/sh", "/bin/bash", "/usr/bin/env",
            "runuser", "su"); // `runuser -l etl -c '...'`, `su etl -c '...'` run their -c text as a shell does
    /** Words that run the rest of the line as a command ({@code nohup prefect agent ... &}). */
    private static final Set<String> WRAPPERS = Set.of("nohup", "exec", "time", "command");
    /** Project tools whose {@code run} runs the rest of the line in the project's environment ({@code poetry run prefect}). */
    private static final Set<String> RUNNERS = Set.of("poetry", "uv", "pipenv", "pdm", "hatch", "rye");
    /** Container inits that run their arguments as a child ({@code ENTRYPOINT ["tini", "--"]}). */
    private static final Set<String> INIT_SHIMS = Set.of("tini", "dumb-init");
    /** The script the Prefect images start with (behind tini), which a manifest's {@code command:} may name itself. */
    private static final String PREFECT_IMAGE_ENTRYPOINT = "/opt/prefect/entrypoint.sh";

    private PrefectCommandRewriter() {
    }

    public static ShellRewrite rewrite(String text, CliOptions options) {
        return rewrite(text, options, (char) 0);
    }

    private static ShellRewrite rewrite(String text, CliOptions options, char enclosingQuote) {
        ShellLine line = ShellLine.parse(text);
        List<String> notes = new ArrayList<>();
        List<CreatedPool> creates = new ArrayList<>();
        boolean manual = false;
        List<SimpleCommand> commands = line.commands();
        // the files applied after the command at hand: a build writing one of them is the first half of a pair
        Set<String> applied = new HashSet<>(options.appliedLater());
        // the typed pools created before each command: those of the lines above, then of this line's commands
        List<Map<String, String>> typedBefore = new ArrayList<>();
        Map<String, String> typed = new HashMap<>(options.typedPools());
        for (SimpleCommand cmd : commands) {
            typedBefore.add(Map.copyOf(typed));
            typed.putAll(TypedPoolsCreated.by(cmd));
        }
        // Edit from the end so earlier offsets stay valid.
        for (int c = commands.size() - 1; c >= 0; c--) {
            SimpleCommand cmd = commands.get(c);
            if (cmd.isEmpty()) {
                continue;
            }
            ShellToken body = shellCBody(cmd);
            if (body != null) {
                ShellRewrite inner = rewriteQuotedBody(body, options.withAppliedLater(applied));
                applied.addAll(BuiltDeploymentFiles.appliedBy(body.value()));
                if (inner != null) {
                    notes.addAll(inner.notes());
                    creates.addAll(inner.creates());
                    manual |= inner.manual();
                    if (inner.changed()) {
                        line = line.replace(body.start(), body.end(), inner.text());
                    }
                }
                continue;
            }
            int skip = commandStart(cmd.argv());
            int packages = PipInstallPins.packagesFrom(cmd.argv().subList(skip, cmd.argv().size()));
            if (packages >= 0) {
                line = pinPrefect3(line, cmd.words().subList(skip + packages, cmd.words().size()), options);
                continue;
            }
            if (DockerBuildArgs.isBuild(cmd.argv().subList(skip, cmd.argv().size()))) {
                line = DockerBuildArgs.raise(line, cmd.words().subList(skip, cmd.words().size()),
                        PrefectTarget.parse("3." + options.targetMinor()));
                continue;
            }
            List<String> argv = cmd.argv().subList(skip, cmd.argv().size());
            CliTranslation t = PrefectCliTranslator.translate(argv, options.withAppliedLater(applied)
                    .withWholeWords(wholeWords(cmd.words().subList(skip, cmd.words().size())))
                    .withTypedPools(typedBefore.get(c)));
            applied.addAll(BuiltDeploymentFiles.appliedBy(argv));
            notes.addAll(t.notes());
            creates.addAll(t.creates()); // in the order of the notes that ask for them
            manual |= t.manual();
            if (t.changed() && !hasRedirectInside(line, cmd)) {
                List<ShellToken> words = cmd.words().subList(skip, cmd.words().size());
                int start = words.get(0).start();
                int end = words.get(words.size() - 1).end();
                line = line.replace(start, end, ArgvLayout.render(line.print(), words, t.argv(), enclosingQuote));
            } else if (t.changed()) {
                notes.add("a redirection sits between the arguments of `" + String.join(" ", cmd.argv())
                        + "`; rewrite it by hand to: " + String.join(" ", t.argv()));
                manual = true;
            }
        }
        String out = line.print();
        return new ShellRewrite(out, notes, !out.equals(text), manual, creates);
    }

    /**
     * Where the command a line runs starts, past the words that only run it: {@code nohup}, {@code sudo -u etl}, {@code env A=1},
     * {@code poetry run} (and the other project tools), {@code python -m} before {@code prefect}, a container's init
     * ({@code tini -g --}, {@code dumb-init --}) and the Prefect image's {@code /opt/prefect/entrypoint.sh}.
     */
    static int commandStart(List<String> argv) {
        int i = 0;
        while (i < argv.size() - 1) {
            String w = argv.get(i);
            String exe = w.substring(w.lastIndexOf('/') + 1);
            if (WRAPPERS.contains(w)) {
                i++;
            } else if (exe.equals("sudo")) {
                i++;
                while (i < argv.size() - 1 && argv.get(i).startsWith("-")) {
                    i += argv.get(i).matches("-[ugCDhprT]") ? 2 : 1; // the options that take a value
                }
            } else if (RUNNERS.contains(exe) && argv.get(i + 1).equals("run")) {
                i += 2;
            } else if (INIT_SHIMS.contains(exe)) {
                // `tini -g --`, `dumb-init --`: a container's init, which runs the rest as its child
                i++;
                while (i < argv.size() - 1 && argv.get(i).startsWith("-")) {
                    boolean end = argv.get(i).equals("--");
                    i += argv.get(i).matches("-[pe]|--rewrite|-r") ? 2 : 1; // the options that take a value
                    if (end) {
                        break;
                    }
                }
            } else if (w.equals(PREFECT_IMAGE_ENTRYPOINT)) {
                i++; // the Prefect image's entrypoint script installs EXTRA_PIP_PACKAGES, then runs the rest
            } else if (exe.equals("env")) {
                i++;
                while (i < argv.size() - 1 && argv.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                    i++;
                }
            } else if (exe.matches("python(3(\\.\\d+)?)?") && i + 2 < argv.size() && argv.get(i + 1).equals("-m")
                    && argv.get(i + 2).equals("prefect")) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * The values of the words that hold an expansion and still reach the command as one argument: quoted as a
     * whole ({@code "$QUEUE"}, {@code "${Q:-nightly}"}; {@code '$Q'} expands nothing). {@code "$@"} and
     * {@code "${names[@]}"} give one argument per item, and a word also written unquoted in the command may split.
     */
    static Set<String> wholeWords(List<ShellToken> words) {
        Set<String> whole = new HashSet<>();
        Set<String> split = new HashSet<>();
        for (ShellToken w : words) {
            String raw = w.raw();
            boolean quotedWhole = raw.length() >= 2 && (raw.startsWith("'") && raw.endsWith("'") && raw.indexOf('\'', 1) == raw.length() - 1
                    || raw.startsWith("\"") && raw.endsWith("\"") && raw.indexOf('"', 1) == raw.length() - 1 && !raw.contains("@"));
            (quotedWhole ? whole : split).add(w.value());
        }
        whole.removeAll(split);
        return whole;
    }

    /** The line with the Prefect requirements among {@code words} moved to Prefect 3, in their own quotes. */
    private static ShellLine pinPrefect3(ShellLine line, List<ShellToken> words, CliOptions options) {
        PrefectTarget target = PrefectTarget.parse("3." + options.targetMinor());
        for (int i = words.size() - 1; i >= 0; i--) {
            ShellToken w = words.get(i);
            String pinned = PipInstallPins.pinned(w.value(), target);
            if (pinned != null) {
                char q = w.raw().isEmpty() ? ' ' : w.raw().charAt(0);
                String raw = (q == '"' || q == '\'') && w.raw().endsWith(String.valueOf(q)) ? q + pinned + q
                        : ShellLine.quote(pinned);
                line = line.replace(w.start(), w.end(), raw);
            }
        }
        return line;
    }

    /** The word after {@code -c} when the command is {@code sh -c WORD} (or bash), else null. */
    private static ShellToken shellCBody(SimpleCommand cmd) {
        List<ShellToken> w = cmd.words();
        if (!SHELLS.contains(w.get(0).value())) {
            return null;
        }
        for (int i = 1; i + 1 < w.size(); i++) {
            if (isCommandFlag(w.get(i).value())) {
                return w.get(i + 1);
            }
        }
        return null;
    }

    /** Whether a word names a shell ({@code sh}, {@code /bin/bash}, ...) whose {@code -c} runs text. */
    static boolean isShell(String word) {
        return SHELLS.contains(word);
    }

    /**
     * The translation of a command written as an exec list (a Dockerfile JSON array, a YAML sequence): the
     * shell text of {@code ["sh", "-c", "..."]} is rewritten as shell, any other list as one command.
     */
    public static CliTranslation rewriteArgv(List<String> argv, CliOptions options) {
        int shellText = shellTextIndex(argv);
        if (shellText < 0) {
            int skip = commandStart(argv);
            // no shell reads an exec list: each item is one argument, whatever `$` it holds
            CliTranslation t = PrefectCliTranslator.translate(argv.subList(skip, argv.size()),
                    options.withWholeWords(Set.copyOf(argv)));
            if (!t.changed()) {
                return new CliTranslation(argv, t.notes(), false, t.manual(), t.creates());
            }
            List<String> after = new ArrayList<>(argv.subList(0, skip));
            after.addAll(t.argv());
            return new CliTranslation(after, t.notes(), true, t.manual(), t.creates());
        }
        ShellRewrite r = rewrite(argv.get(shellText), options);
        List<String> after = new ArrayList<>(argv);
        after.set(shellText, r.text());
        return new CliTranslation(after, r.notes(), r.changed(), r.manual(), r.creates());
    }

    /** Where the shell text of {@code sh -c TEXT} sits in an exec list, when it runs prefect; else -1. */
    public static int shellTextIndex(List<String> argv) {
        if (argv.isEmpty() || !isShell(argv.get(0))) {
            return -1;
        }
        for (int i = 1; i + 1 < argv.size(); i++) {
            if (isCommandFlag(argv.get(i))) {
                return argv.get(i + 1).contains("prefect") ? i + 1 : -1;
            }
        }
        return -1;
    }

    /** {@code -c}, or short flags ending in it ({@code -lc}, {@code -ec}): the next word is the command text. */
    static boolean isCommandFlag(String word) {
        return word.equals("-c") || word.startsWith("-") && !word.startsWith("--") && word.endsWith("c");
    }

    /** Rewrites the text inside a quoted {@code -c} body and puts it back between the same quotes. */
    private static ShellRewrite rewriteQuotedBody(ShellToken body, CliOptions options) {
        String raw = body.raw();
        if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'') && raw.endsWith(raw.substring(0, 1))) {
            String quote = raw.substring(0, 1);
            ShellRewrite inner = rewrite(raw.substring(1, raw.length() - 1), options, quote.charAt(0));
            if (quote.equals("'") && inner.text().contains("'")) {
                List<String> notes = new ArrayList<>(List.of("the single quotes around this command cannot hold its "
                        + "translation; change it by hand to: " + inner.text()));
                notes.addAll(inner.notes());
                return new ShellRewrite(raw, notes, false, true, inner.creates());
            }
            return new ShellRewrite(quote + inner.text() + quote, inner.notes(), inner.changed(), inner.manual(),
                    inner.creates());
        }
        if (!body.isQuoted()) {
            return rewrite(raw, options);
        }
        return null;
    }

    private static boolean hasRedirectInside(ShellLine line, SimpleCommand cmd) {
        int start = cmd.words().get(0).start();
        int end = cmd.words().get(cmd.words().size() - 1).end();
        return line.tokens().stream()
                .anyMatch(t -> t.kind() == ShellToken.Kind.REDIRECT && t.start() > start && t.end() < end);
    }
}
