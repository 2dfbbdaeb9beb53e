package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.rules.PrefectApi.Version;
import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.ShellToken;
import dev.migrate.rewriters.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code prefect ...} call found in a command line, resolved against the recorded CLI surfaces of
 * Prefect 1.4.1, 2.20.25 and 3.8.3.
 *
 * @param offset   where the {@code prefect} word starts in the line
 * @param path     the command path (aliases resolved in the newest version that has it), e.g. {@code agent start}
 * @param versions the versions whose CLI has this command
 * @param args     the words after the command path
 * @param end      where the call ends in the line (before any {@code ;}, {@code &&}, {@code |} ...)
 */
public record PrefectInvocation(int offset, String path, Set<Version> versions, List<String> args, int end) {
    private static final Pattern ENTRYPOINT = Pattern.compile("[^\\s:]+\\.py:[A-Za-z_][A-Za-z0-9_]*");

    /** Every prefect call in a (logical) line. */
    public static List<PrefectInvocation> find(String line) {
        List<PrefectInvocation> found = new ArrayList<>();
        if (!line.contains("prefect")) {
            return found;
        }
        for (SimpleCommand command : ShellLine.parse(line).commands()) {
            List<ShellToken> cmd = command.words();
            Optional<ShellToken> script = shellScript(cmd);
            if (script.isPresent()) {
                // sh -c "prefect agent start ...": the script is a command line of its own.
                int base = script.get().start() + (line.charAt(script.get().start()) == '"'
                        || line.charAt(script.get().start()) == '\'' ? 1 : 0);
                for (PrefectInvocation inner : find(script.get().value())) {
                    found.add(new PrefectInvocation(base + inner.offset(), inner.path(), inner.versions(), inner.args(),
                            base + inner.end()));
                }
                continue;
            }
            for (int i = 0; i < cmd.size(); i++) {
                String w = cmd.get(i).value();
                if (w.equals("prefect") || w.endsWith("/prefect")) {
                    of(cmd.get(i).start(), cmd.subList(i + 1, cmd.size()).stream().map(ShellToken::value).toList(),
                            cmd.get(cmd.size() - 1).end()).ifPresent(found::add);
                    break;
                }
            }
        }
        return found;
    }

    /** The script of {@code sh -c SCRIPT} (also bash, dash, zsh, runuser, su, and flags such as {@code -lc}). */
    private static Optional<ShellToken> shellScript(List<ShellToken> cmd) {
        // runuser and su run their -c text as a shell does (`runuser -l etl -c 'prefect agent start'`); the shell
        // may come after a wrapper (`/opt/prefect/entrypoint.sh sh -c ...`, `tini -- bash -c ...`)
        for (int s = 0; s < cmd.size(); s++) {
            if (!cmd.get(s).value().matches("(.*/)?((ba|da|z)?sh|runuser|su)")) {
                continue;
            }
            for (int i = s + 1; i + 1 < cmd.size(); i++) {
                if (cmd.get(i).value().matches("-[a-z]*c")) {
                    return Optional.of(cmd.get(i + 1));
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    static Optional<PrefectInvocation> of(int offset, List<String> words, int end) {
        PrefectApi api = PrefectApi.get();
        int i = 0;
        // Global options come before the command: --profile/-p take a value, --prompt/--no-prompt do not.
        while (i < words.size() && words.get(i).startsWith("-")) {
            String opt = words.get(i);
            i += (opt.equals("-p") || opt.equals("--profile")) ? 2 : 1;
        }
        List<String> commandWords = new ArrayList<>();
        for (int j = i; j < words.size() && !words.get(j).startsWith("-") && commandWords.size() < 4; j++) {
            commandWords.add(words.get(j));
        }
        String best = null;
        for (Version v : Version.values()) {
            Optional<String> p = api.cli(v).longestPath(commandWords);
            if (p.isPresent() && (best == null || p.get().split(" ").length > best.split(" ").length)) {
                best = p.get();
            }
        }
        if (best == null && !commandWords.isEmpty() && commandWords.get(0).equals("orion")) {
            // `prefect orion start|database ...`: renamed `prefect server` in 2.8.1, the alias gone in 2.13, so no
            // recorded CLI has it; it is the server command under its old name, known to no version
            List<String> server = new ArrayList<>(commandWords);
            server.set(0, "server");
            Optional<String> p = api.cli(Version.V2).longestPath(server);
            if (p.isPresent()) {
                String path = "orion" + p.get().substring("server".length());
                int used = path.split(" ").length;
                return Optional.of(new PrefectInvocation(offset, path, EnumSet.noneOf(Version.class),
                        List.copyOf(words.subList(i + used, words.size())), end));
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Set<Version> versions = EnumSet.noneOf(Version.class);
        for (Version v : Version.values()) {
            if (api.cli(v).has(best)) {
                versions.add(v);
            }
        }
        String canonical = best;
        for (Version v : versions) {
            canonical = api.cli(v).canonical(best);
        }
        int used = best.split(" ").length;
        return Optional.of(new PrefectInvocation(offset, canonical, versions, List.copyOf(words.subList(i + used, words.size())), end));
    }

    public boolean in(Version v) {
        return versions.contains(v);
    }

    /** Flags (the part before '=') that the 2.x command accepted but the 3.8.3 command rejects. */
    public List<String> flagsRemovedIn3() {
        return in(Version.V2) && in(Version.V3) ? flags(Version.V2, Version.V3) : List.of();
    }

    /**
     * Flags only Prefect 1's command of the same name accepted ({@code prefect server start --postgres-port 5433}
     * ran 1.x's Docker-based server), which neither 2.x nor 3.8.3 accept.
     */
    public List<String> prefect1OnlyFlags() {
        List<String> only1 = new ArrayList<>(in(Version.V1) ? flags(Version.V1, Version.V3) : List.of());
        only1.removeIf(f -> PrefectApi.get().cli(Version.V2).accepts(path, f));
        return only1;
    }

    /** The flags (the part before '=') of this call that release {@code in} accepts and {@code notIn} rejects. */
    private List<String> flags(Version in, Version notIn) {
        PrefectApi api = PrefectApi.get();
        List<String> found = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-") && a.length() > 1) {
                String flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (api.cli(in).accepts(path, flag) && !api.cli(notIn).accepts(path, flag) && !found.contains(flag)) {
                    found.add(flag);
                }
            }
        }
        return found;
    }

    /** The value of the first of these options ({@code -n x}, {@code --name=x}), if given. */
    public Optional<String> option(String... names) {
        for (int i = 0; i < args.size(); i++) {
            for (String n : names) {
                if (args.get(i).equals(n) && i + 1 < args.size()) {
                    return Optional.of(args.get(i + 1));
                }
                if (args.get(i).startsWith(n + "=")) {
                    return Optional.of(args.get(i).substring(n.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    /** Every value of a repeatable option ({@code -q a -q b}). */
    public List<String> options(String... names) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            for (String n : names) {
                if (args.get(i).equals(n) && i + 1 < args.size()) {
                    values.add(args.get(i + 1));
                } else if (args.get(i).startsWith(n + "=")) {
                    values.add(args.get(i).substring(n.length() + 1));
                }
            }
        }
        return values;
    }

    public boolean hasFlag(String... names) {
        return args.stream().anyMatch(a -> List.of(names).contains(a));
    }

    /** The flow entrypoint argument ({@code path/file.py:function}) of a build command, if present. */
    public Optional<String> entrypoint() {
        return args.stream().filter(a -> ENTRYPOINT.matcher(a).matches()).findFirst();
    }

    /**
     * The file {@code prefect deployment build} writes, relative to where it runs: its {@code -o/--output} (null when
     * not given), else 2.x's default {@code <flow function>-deployment.yaml} from the entrypoint (null when unknown),
     * without a leading {@code ./}. The one place the rewrite (BuiltDeploymentFiles) and the scan
     * ({@link BuiltDeploymentFileMerger}) learn it from.
     */
    public static Optional<String> builtFile(String output, String entrypoint) {
        String file = output != null ? output
                : entrypoint == null ? null : entrypoint.substring(entrypoint.lastIndexOf(':') + 1) + "-deployment.yaml";
        return Optional.ofNullable(file).map(f -> f.startsWith("./") ? f.substring(2) : f);
    }

    /** The call's own text in the line it was found in. */
    public String text(String line) {
        return line.substring(offset, Math.min(end, line.length())).strip();
    }

    /** The invocation as one normalized line, used as a stable job discriminator. */
    public String normalized() {
        return ("prefect " + path + " " + String.join(" ", args)).strip();
    }
}
