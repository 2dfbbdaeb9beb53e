package dev.migrate.analyzers.sources.cron;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.sources.RepoPaths;
import dev.migrate.analyzers.sources.config.CommandDirectory;
import dev.migrate.analyzers.sources.config.LiteralVariables;
import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.ShellToken;
import dev.migrate.rewriters.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a crontab-installing script reads into itself ({@code . ./env.sh}, {@code source "$HERE/env.sh"}) before
 * its here-document, each found as the shell finds it. A relative path is read from the directory the script's shell is
 * in at that line, not from the script's own: {@link CommandDirectory} replays the script's {@code cd}s up to there
 * ({@code cd "$(dirname "$0")"} makes it the script's directory, {@code cd /opt/ingest} a host directory). A script
 * that has not moved runs wherever it was started, which the tree does not say: the file is then read from the
 * script's directory, and said to be assumed. A path the shell builds in a way not followed here ({@code $(...)}
 * other than the script's directory, a variable with no literal value, {@code ~}, a glob), or a directory the tree
 * cannot place, is unresolved: the file may set any variable, so what the script set before it is no longer known.
 */
final class InstallerSources {
    /** A line that starts at its first column (else it is in a block that may not run) and may read a file. */
    private static final Pattern TOP_LEVEL = Pattern.compile("(?m)^(?=[^ \\t#\\n])(?=[^\\n]*(?:\\.|source)[ \\t])[^\\n]*");
    /** A variable reference in a path. */
    private static final Pattern REFERENCE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");
    /** What the shell expands in a way only {@link CommandDirectory} may follow. */
    private static final Pattern EXPANDED = Pattern.compile("[$`~*?\\[]");

    private InstallerSources() {
    }

    /**
     * One file read: its path (a repository path, or an absolute host path) or null when unresolved, and where its
     * statement's line starts.
     *
     * @param written as the script writes it
     * @param assumed read from the script's directory because the tree does not say where the script runs
     */
    record Source(String written, int offset, String path, boolean assumed) {
        boolean resolved() {
            return path != null;
        }
    }

    /**
     * The files read before {@code end} of the script at {@code path} by {@code .}/{@code source} statements of lines
     * that start at their first column ({@code . ./env.sh}, {@code set -a; . .env; set +a}), each with where its line
     * starts.
     */
    static List<Source> before(String path, String script, int end, List<LiteralVariables.Assignment> own) {
        List<Source> out = new ArrayList<>();
        Matcher m = TOP_LEVEL.matcher(script);
        while (m.find() && m.start() < end) {
            for (SimpleCommand c : ShellLine.parse(m.group()).commands()) {
                List<ShellToken> words = c.words();
                if (words.size() >= 2 && (words.get(0).value().equals(".") || words.get(0).value().equals("source"))) {
                    out.add(resolve(path, script, m.start(), words.get(1), LiteralVariables.known(own, m.start())));
                }
            }
        }
        return out;
    }

    private static Source resolve(String path, String script, int offset, ShellToken word, Map<String, String> known) {
        String written = word.raw();
        Optional<String> literal = withKnownValues(word.value(), known);
        if (literal.isPresent() && literal.get().startsWith("/")) {
            return new Source(written, offset, RepoPaths.normalize(literal.get()).filter(p -> !p.isEmpty())
                    .map(p -> "/" + p).orElse(null), false);
        }
        if (literal.isPresent() && EXPANDED.matcher(literal.get()).find()) {
            return new Source(written, offset, null, false);
        }
        // the path as the shell's cd would take it, from where the script's shell is: its cds, $(dirname "$0"), HERE=
        // (WorkingDirectory folds a path without asking whether it is a directory, so the file's path comes back)
        Optional<CommandDirectory> cwd = cdFrom(path, script, offset, literal.map(ShellLine::quote).orElse(written));
        String scriptDir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        if (cwd.isEmpty()) {
            // not a shell script (a Dockerfile's RUN): where it runs is not replayed; its own directory, assumed
            return literal.flatMap(l -> RepoPaths.normalize(scriptDir + "/" + l)).filter(p -> !p.isEmpty())
                    .map(p -> new Source(written, offset, p, true)).orElse(new Source(written, offset, null, false));
        }
        CommandDirectory at = cwd.get();
        if (at.directories().isEmpty()) {
            String absolute = at.absolute() == null ? null
                    : RepoPaths.normalize(at.absolute()).filter(p -> !p.isEmpty()).map(p -> "/" + p).orElse(null);
            return new Source(written, offset, absolute, false);
        }
        String found = at.directories().get(0);
        if (found.isEmpty()) {
            return new Source(written, offset, null, false);
        }
        // a path the script's directory places ($(dirname "$0")/env.sh, $HERE/env.sh) is known; a relative one is
        // where the shell is, which a script that never moved does not say (its own directory or the root, either)
        boolean placed = literal.isEmpty() || cdFrom(path, script, offset, ".").map(d -> d.directories().size() == 1
                && (!scriptDir.isEmpty() || movesBefore(script, offset))).orElse(false);
        return new Source(written, offset, found, !placed);
    }

    /**
     * Where {@code cd TARGET} would leave the script's shell at {@code offset}: the script's own lines up to there,
     * replayed as the command line detector replays them ({@link CommandDirectory}).
     */
    private static Optional<CommandDirectory> cdFrom(String path, String script, int offset, String target) {
        String probe = script.substring(0, offset) + "cd " + target + "\n:\n";
        int probeLine = (int) probe.chars().filter(c -> c == '\n').count();
        return CommandDirectory.of(new ScanFile(path, probe), SourceRef.at(path, probeLine, 1), p -> null);
    }

    /** For a script at the tree's root, whose start and own directory are one: whether a cd placed its shell. */
    private static boolean movesBefore(String script, int offset) {
        return Pattern.compile("(?m)(^|[;&|(]\\s*)(cd|pushd|popd)\\b").matcher(script.substring(0, offset)).find();
    }

    /** The path with the variables the script gave a literal value put in; empty when one has none. */
    private static Optional<String> withKnownValues(String value, Map<String, String> known) {
        if (value.contains("$(") || value.contains("`")) {
            return Optional.empty();
        }
        StringBuilder path = new StringBuilder();
        Matcher m = REFERENCE.matcher(value);
        int last = 0;
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String v = known.get(name) == null ? null : LiteralVariables.unquote(known.get(name));
            if (!InstallerVariables.safe(name, v)) {
                return Optional.empty();
            }
            path.append(value, last, m.start()).append(v);
            last = m.end();
        }
        return Optional.of(path.append(value.substring(last)).toString());
    }
}
