package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.sources.RepoPaths;
import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.ShellToken;
import dev.migrate.rewriters.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a script's commands run, as far as the script says, so a path a command names ({@code prefect deploy
 * --prefect-file deploy/prod.yaml}) can be found in the scanned tree. Directories are relative to the scan root
 * ("" is the root). A shell script starts wherever it was called from: its own directory or the root, tried in that
 * order, until it says {@code cd "$(dirname "$0")/.."}; a Makefile or justfile recipe starts in its file's directory
 * and a CI pipeline in the repository root. {@code cd} and {@code pushd} move it; a directory the tree cannot hold
 * ({@code $HOME}, above the root) makes it unknown, and the directories are then none.
 *
 * <p>An absolute directory is in the tree only where a CI system checks the repository out ({@link CheckoutRoots}:
 * {@code cd "$GITHUB_WORKSPACE/flows"}, {@code cd /home/runner/work/etl/etl/flows}, {@code cd $CI_PROJECT_DIR}). Any
 * other ({@code cd /srv/app/flows}) is a directory of the machine the command runs on: the tree directories are then
 * none, and its literal path is kept as {@link Line#absoluteAt}, followed through relative {@code cd}s after it, for
 * a caller that has a file's own record of where it was written (a built deployment file's {@code path:}).
 */
final class WorkingDirectory {
    private final String scriptDir;
    private final boolean persists;
    private final boolean yaml;
    private List<String> current;
    /** The literal absolute directory when the tree cannot place it; null when unknown or in the tree. */
    private String absolute;
    private static final Pattern YAML_PREFIX = Pattern.compile("\\s*(?:-\\s+)?(?:[A-Za-z_][\\w.-]*\\s*:\\s+)?[|>]?");
    private final Map<String, Optional<String>> variables = new HashMap<>();
    private final java.util.ArrayDeque<Place> pushed = new java.util.ArrayDeque<>();

    /** A directory: in the tree ({@code dirs}, most likely first) or, when those are none, maybe outside it. */
    private record Place(List<String> dirs, String absolute) {
        static final Place UNKNOWN = new Place(List.of(), null);
    }

    private WorkingDirectory(String scriptDir, List<String> start, boolean persists, boolean yaml) {
        this.scriptDir = scriptDir;
        this.yaml = yaml;
        this.current = start;
        this.persists = persists;
    }

    /**
     * The working directory at the top of {@code path}: its own for a Makefile, justfile or Procfile, the root for a
     * CI pipeline or Jenkinsfile, either (own first) for a shell script. A {@code cd} carries to the next lines only
     * in a shell script or a CI job (make and just run each line in a shell of its own; a Jenkinsfile's lines are
     * each their own too, until {@link CiShells} starts a multi-line {@code sh} step's shell).
     */
    static WorkingDirectory of(String path, boolean ciPipeline) {
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        String name = path.substring(path.lastIndexOf('/') + 1);
        boolean ownDir = name.equals("Makefile") || name.equals("GNUmakefile") || name.endsWith(".mk")
                || name.equals("justfile") || name.equals("Procfile");
        if (ciPipeline || name.startsWith("Jenkinsfile")) {
            // a Jenkins line is a shell of its own (CiShells joins a sh """ step's); a CI job's script lines share one
            return new WorkingDirectory(dir, List.of(""), ciPipeline, ciPipeline);
        }
        if (ownDir) {
            return new WorkingDirectory(dir, List.of(dir), false, false);
        }
        return new WorkingDirectory(dir, dir.isEmpty() ? List.of("") : List.of(dir, ""), true, false);
    }

    /**
     * A shell started in {@code dir} whose {@code cd} carries to its next lines: a GitHub Actions step run in its
     * {@code working-directory:} ({@code yaml}: lines still carry the YAML around the shell text), a systemd unit's
     * command (the root: its absolute {@code WorkingDirectory=} is not in the tree).
     */
    static WorkingDirectory startingIn(String dir, boolean yaml) {
        return new WorkingDirectory(dir, List.of(dir), true, yaml);
    }

    /**
     * A shell started in the absolute directory {@code absolute} ({@code working-directory: /srv/app}, a Jenkins
     * {@code dir('/srv/app')}): the tree's place for it when it is a checkout, else none, the path kept.
     */
    static WorkingDirectory startingAt(String absolute, boolean yaml) {
        Optional<String> inTree = CheckoutRoots.inTree(absolute);
        WorkingDirectory wd = new WorkingDirectory(inTree.orElse(""), inTree.map(List::of).orElse(List.of()), true, yaml);
        wd.absolute = inTree.isPresent() ? null : absolute;
        return wd;
    }

    /**
     * The shell text of a CI YAML line ({@code - python etl.py}, {@code run: cd flows && python etl.py}): the YAML
     * around it blanked to spaces, so that offsets into it are the line's.
     */
    static String withoutYaml(String text) {
        Matcher around = YAML_PREFIX.matcher(text);
        return around.lookingAt() ? " ".repeat(around.end()) + text.substring(around.end()) : text;
    }

    /**
     * Reads one logical line: its {@code cd}, {@code pushd} and directory variables ({@code HERE=$(dirname "$0")}).
     * Returns, for each offset where the directory changed within the line, the directories from there on; the
     * caller asks {@link #at} with a command's offset.
     */
    Line read(String text) {
        if (yaml) {
            // `- cd deploy`, `run: cd deploy && prefect deploy ...`: the shell text after the YAML around it
            Matcher around = YAML_PREFIX.matcher(text);
            if (around.lookingAt()) {
                text = " ".repeat(around.end()) + text.substring(around.end());
            }
            text = CheckoutRoots.githubExpressionAsVariable(text);
        } else {
            // Groovy's `${env.WORKSPACE}` in a Jenkins sh """ step, which Jenkins expands before the shell reads it
            text = CheckoutRoots.groovyEnvAsVariable(text);
        }
        List<Integer> offsets = new ArrayList<>();
        List<Place> places = new ArrayList<>();
        offsets.add(0);
        places.add(new Place(current, absolute));
        Place place = places.get(0);
        List<String> dir = current;
        for (SimpleCommand c : ShellLine.parse(text).commands()) {
            List<ShellToken> words = c.words();
            if (words.isEmpty()) {
                for (ShellToken a : c.assignments()) {
                    assign(a.raw(), dir);
                }
                continue;
            }
            String command = words.get(0).value();
            if (command.equals("export") || command.equals("readonly") || command.equals("local")) {
                for (ShellToken w : words.subList(1, words.size())) {
                    assign(w.raw(), dir);
                }
            } else if (command.equals("cd") || command.equals("pushd")) {
                ShellToken target = words.stream().skip(1).filter(w -> !w.value().startsWith("-")).findFirst().orElse(null);
                if (command.equals("pushd")) {
                    pushed.push(place);
                }
                place = target == null ? Place.UNKNOWN : move(place, target.raw());
                dir = place.dirs();
                offsets.add(c.end());
                places.add(place);
            } else if (command.equals("popd")) {
                place = pushed.isEmpty() ? Place.UNKNOWN : pushed.pop();
                dir = place.dirs();
                offsets.add(c.end());
                places.add(place);
            }
        }
        // a subshell's cd, `(cd etl && make)`, ends with it; so does a Makefile line's
        if (persists && !text.strip().startsWith("(")) {
            current = place.dirs();
            absolute = place.absolute();
        }
        return new Line(offsets, places.stream().map(Place::dirs).toList(),
                places.stream().map(p -> p.absolute() == null ? "" : p.absolute()).toList());
    }

    private void assign(String raw, List<String> dir) {
        int eq = raw.indexOf('=');
        if (eq > 0 && raw.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            String value = unquote(raw.substring(eq + 1));
            variables.put(raw.substring(0, eq), value.isEmpty() ? Optional.empty() : resolve(dir, value));
        }
    }

    /**
     * The directories after {@code cd WORD} from each of {@code from}: an absolute word is a checkout's directory or
     * the literal path; a relative one from a literal path moves that path.
     */
    private Place move(Place from, String rawWord) {
        String word = unquote(rawWord);
        if (word.startsWith("/")) {
            return normalize("", word).map(d -> {
                Optional<String> inTree = CheckoutRoots.inTree("/" + d);
                return inTree.map(t -> new Place(List.of(t), null)).orElse(new Place(List.of(), "/" + d));
            }).orElse(Place.UNKNOWN);
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (!word.startsWith("$") && !word.startsWith("`") && !word.startsWith("~")) {
            if (from.dirs().isEmpty() && from.absolute() != null) {
                // cd flows after cd /srv/app: /srv/app/flows; `cd ..` above / is nowhere
                return normalize(from.absolute().substring(1), word).filter(d -> !word.contains("$"))
                        .map(d -> new Place(List.of(), "/" + d)).orElse(Place.UNKNOWN);
            }
            for (String d : from.dirs()) {
                normalize(d, word).ifPresent(out::add);
            }
        } else {
            resolve(from.dirs().isEmpty() ? null : from.dirs().get(0), word).ifPresent(out::add);
        }
        return new Place(List.copyOf(out), null);
    }

    private Optional<String> resolve(List<String> dir, String word) {
        return resolve(dir.size() == 1 ? dir.get(0) : null, word);
    }

    /**
     * A directory word: the script's own directory ({@code $(dirname "$0")}, {@code ${0%/*}},
     * {@code $(cd "$(dirname "$0")" && pwd)}) or a variable holding one, then a relative rest ({@code /..},
     * {@code /deploy}); a plain relative word from {@code dir} when that is known.
     */
    private Optional<String> resolve(String dir, String word) {
        if (word.startsWith("$(") || word.startsWith("`")) {
            int end = closing(word);
            if (end < 0) {
                return Optional.empty();
            }
            String inner = word.substring(word.startsWith("`") ? 1 : 2, end).strip();
            String rest = word.substring(end + 1);
            Optional<String> base = substitution(dir, inner);
            return base.flatMap(b -> rest.isEmpty() ? Optional.of(b) : rest.startsWith("/") ? normalize(b, rest.substring(1))
                    : Optional.empty());
        }
        if (word.startsWith("${0%/*}")) {
            String rest = word.substring("${0%/*}".length());
            return rest.isEmpty() ? Optional.of(scriptDir) : rest.startsWith("/") ? normalize(scriptDir, rest.substring(1))
                    : Optional.empty();
        }
        Matcher var = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))")
                .matcher(word);
        if (var.lookingAt()) {
            String name = var.group(1) != null ? var.group(1) : var.group(2);
            String rest = word.substring(var.end());
            // a CI's checkout variable is the tree's root, unless the script set it itself
            Optional<String> base = variables.getOrDefault(name,
                    CheckoutRoots.isVariable(name) ? Optional.of("") : Optional.empty());
            return base.flatMap(b -> rest.isEmpty() ? Optional.of(b) : rest.startsWith("/") ? normalize(b, rest.substring(1))
                    : Optional.empty());
        }
        if (word.startsWith("/") || word.startsWith("~") || word.contains("$") || word.contains("`") || dir == null) {
            return Optional.empty();
        }
        return normalize(dir, word);
    }

    /**
     * The directory a command substitution prints: {@code dirname "$0"} (or of {@code BASH_SOURCE}, also through
     * {@code readlink -f}) is the script's; {@code cd X && pwd}, {@code realpath X} and {@code readlink -f X} are X's.
     */
    private Optional<String> substitution(String dir, String inner) {
        if (inner.matches("dirname\\s+.*") && inner.matches(".*(\\$0|\\$\\{0}|BASH_SOURCE).*")) {
            return Optional.of(scriptDir);
        }
        Matcher prefix = Pattern.compile("(?:cd|realpath|readlink\\s+-[fe])\\s+").matcher(inner);
        if (!prefix.lookingAt()) {
            return Optional.empty();
        }
        String arg = inner.substring(prefix.end());
        int argEnd = arg.startsWith("$(") ? closing(arg) + 1 : arg.startsWith("`") ? closing(arg) + 1 : 0;
        while (argEnd < arg.length() && !Character.isWhitespace(arg.charAt(argEnd)) && arg.charAt(argEnd) != ';'
                && arg.charAt(argEnd) != '&') {
            argEnd++;
        }
        String after = arg.substring(argEnd).strip();
        boolean prints = inner.startsWith("cd") ? after.matches("(?:&&|;)\\s*pwd(?:\\s+-P)?") : after.isEmpty();
        return prints && argEnd > 0 ? resolve(dir, arg.substring(0, argEnd)) : Optional.empty();
    }

    /** Where the {@code $(} or backtick at the start of {@code word} closes, or -1. */
    private static int closing(String word) {
        if (word.startsWith("`")) {
            return word.indexOf('`', 1);
        }
        int depth = 0;
        for (int i = 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code dir/relative} with {@code .} and {@code ..} folded; empty when it climbs above the scan root. */
    static Optional<String> normalize(String dir, String relative) {
        return RepoPaths.normalize(dir + "/" + relative);
    }

    /** A word's text with its quotes removed (the shell's quote removal, without expanding anything). */
    private static String unquote(String raw) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                b.append(raw.charAt(++i));
            } else if (c != '"' && c != '\'') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The directories of one line's commands by where they start.
     *
     * @param absolutes for each offset, the literal absolute directory when the tree cannot place it, else ""
     */
    record Line(List<Integer> offsets, List<List<String>> dirs, List<String> absolutes) {
        List<String> at(int offset) {
            return dirs.get(index(offset));
        }

        /**
         * The literal absolute directory ({@code /srv/app/flows}) of a command at {@code offset} whose directories
         * are none because the tree cannot place it; null when they are none for another reason, or known.
         */
        String absoluteAt(int offset) {
            String a = absolutes.get(index(offset));
            return a.isEmpty() ? null : a;
        }

        private int index(int offset) {
            int found = 0;
            for (int i = 0; i < offsets.size() && offsets.get(i) <= offset; i++) {
                found = i;
            }
            return found;
        }
    }
}
