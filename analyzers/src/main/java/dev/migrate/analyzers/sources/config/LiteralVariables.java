package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Redactor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a script, a Makefile or a CI pipeline sets to a plain value, so that a command reading one
 * ({@code prefect deployment build ... -ib $INFRA}) can be understood as the command that runs: deploy scripts and
 * pipelines keep their block names in variables at the top ({@code INFRA=kubernetes-job/prod}, a workflow's
 * {@code env:}). A variable counts only when every assignment the file makes gives it the same literal value: one set in
 * both branches of an {@code if}, from an argument or the environment ({@code ${INFRA:-x}}), or appended to, is not
 * known. In shell, only the statements of unindented lines count (indented ones sit in blocks that may not run), and
 * only those before the command, on its own line too ({@code INFRA=x && prefect ...}); an assignment in front of a
 * command's words is that command's environment, not a variable its words read. Values are read, never evaluated; a
 * value that another file sets (a sourced script, an included env file) carries that file and line.
 */
public final class LiteralVariables {
    private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*)";
    /** An assignment in a block ({@code if}, a function, a loop): known only as "set somewhere", never as a value. */
    private static final Pattern SHELL_INDENTED_ASSIGNMENT = Pattern.compile("(?m)^[ \\t]+(?:(?:export|readonly|local|"
            + "declare(?:[ \\t]+-[A-Za-z]+)*)[ \\t]+)?" + NAME + "=");
    private static final Pattern MAKE_ASSIGNMENT = Pattern.compile("(?m)^(?:(?:export|override)[ \\t]+)*" + NAME
            + "[ \\t]*(\\?=|::?=|:::=|!=|\\+=|=)[ \\t]*(.*)$");
    private static final Pattern MAKE_LITERAL = Pattern.compile("(\"[^\"$]*\"|'[^'$]*'|[^\\s\"'$#]+)[ \\t]*(?:#.*)?\\r?");
    /** A key whose mapping holds a CI pipeline's variables: GitHub's {@code env:}, GitLab's and Azure's {@code variables:}. */
    private static final Pattern CI_VARIABLES_KEY = Pattern.compile("^([ \\t]*)(?:-[ \\t]+)?(?:env|variables|environment):[ \\t]*(?:#.*)?\\r?$");
    private static final Pattern CI_ENTRY = Pattern.compile("^([ \\t]*)" + NAME + ":[ \\t]+(.*?)\\r?$");
    static final Pattern CI_LITERAL = Pattern.compile("(\"[^\"$\\\\]*\"|'[^'$]*'|[^\\s\"'$#{}\\[\\]&*!|>%@`][^\\s$#]*)"
            + "[ \\t]*(?:#.*)?");
    /**
     * A reference that is the whole word: {@code $X}, {@code ${X}}, make's (or Azure Pipelines') {@code $(X)} (whose
     * names may hold dots: {@code $(storage.block)}),
     * GitHub's {@code ${{ env.X }}}, Groovy's {@code ${env.X}} in a Jenkinsfile's string.
     */
    private static final Pattern REFERENCE = Pattern.compile("\\$(?:" + NAME + "|\\{" + NAME + "}|\\(([A-Za-z_][A-Za-z0-9_.]*)"
            + "\\)|\\{\\{[ \\t]*env\\." + NAME + "[ \\t]*}}|\\{env\\." + NAME + "})");
    /** A just variable as a recipe line reads it: {@code {{infra}}}, {@code {{ infra }}}. */
    private static final Pattern JUST_REFERENCE = Pattern.compile("\\{\\{[ \\t]*([A-Za-z_][A-Za-z0-9_-]*)[ \\t]*}}");
    /**
     * The prefix that keys the variables a text expands itself before any shell runs (make's and Azure Pipelines'
     * {@code $(X)}, make's {@code ${X}}) apart from the shell's {@code $X}: in a Makefile recipe line, {@code $INFRA}
     * is make's {@code $(I)} followed by {@code NFRA}, never the variable INFRA.
     */
    public static final String EXPANDED_BY_FILE = "(";
    /** The prefix that keys a justfile's variables, read as {@code {{infra}}}, apart from the shell's. */
    public static final String JUST = "{";
    /** A GitHub Actions value read from the repository's settings: {@code ${{ vars.X }}}, {@code ${{ secrets.X }}}. */
    static final Pattern GITHUB_SETTING = Pattern.compile("([\"']?)\\$\\{\\{[ \\t]*(vars|secrets)\\." + NAME
            + "[ \\t]*}}\\1[ \\t]*(?:#.*)?");

    private LiteralVariables() {
    }

    /**
     * One assignment: the name, its value when literal (else null), where it counts from in the text, the span of text
     * it is in effect for ({@code [scopeStart, scopeEnd)}: the whole text, a Jenkinsfile's stage, or the rest of a shell
     * line), for a value set outside the repository, where ({@link OutsideValues}; else null), and for one set in
     * another file of the repository that this one reads into itself, that file and line ({@code scripts/env.sh:3};
     * else null), so that a note can say where to look.
     */
    public record Assignment(String name, String value, int offset, int scopeStart, int scopeEnd, String origin,
                             String setIn) {
        /** An assignment in effect from {@code offset} to the end of the text. */
        public Assignment(String name, String value, int offset) {
            this(name, value, offset, 0, Integer.MAX_VALUE, null);
        }

        /** An assignment the file itself makes. */
        public Assignment(String name, String value, int offset, int scopeStart, int scopeEnd, String origin) {
            this(name, value, offset, scopeStart, scopeEnd, origin, null);
        }

        /**
         * The same assignment as made where another file reads this one's text ({@code . ./env.sh}, make's
         * {@code include .env}): at {@code at} of that file, with {@code value} (null when the reading may not run),
         * and set in {@code path} at the assignment's line, unless it came from a file further down already.
         */
        Assignment readAt(int at, String value, String path, String text) {
            return new Assignment(name, value, at, 0, Integer.MAX_VALUE, origin,
                    setIn != null ? setIn : path + ":" + lineOf(text, offset));
        }

        /** Whether the assignment is in effect at {@code at}. */
        boolean visibleAt(int at) {
            return offset <= at && scopeStart <= at && (at < scopeEnd || scopeEnd == Integer.MAX_VALUE);
        }
    }

    /**
     * The assignments of a shell script, in order: those of its top-level lines as the shell makes them, statement by
     * statement ({@link ShellLineAssignments}: {@code A=x; cmd $A} sets A for cmd, {@code A=x cmd $A} does not).
     */
    public static List<Assignment> shell(String text) {
        List<Assignment> out = new ArrayList<>();
        int lineStart = 0;
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '\t' && line.charAt(0) != '#') {
                ShellLineAssignments.read(line, lineStart, "", false, out);
            }
            lineStart += line.length() + 1;
        }
        Matcher indented = SHELL_INDENTED_ASSIGNMENT.matcher(text);
        while (indented.find()) {
            out.add(new Assignment(indented.group(1), null, indented.start()));
        }
        return out;
    }

    /**
     * The assignments of the shell script at {@code path}, with those of the files it reads into itself
     * ({@link SourcedFiles}: {@code . ./env.sh}, {@code set -a; . .env; set +a}) as if written where it reads them,
     * and of the files those read. {@code files} gives a repository path's text, or null. A file read in a block that
     * may not run sets its names, but no known value; a file already being read (a cycle) is not read again.
     */
    public static List<Assignment> shell(String path, String text, Function<String, String> files) {
        return shell(path, text, files, new HashSet<>(Set.of(path)));
    }

    private static List<Assignment> shell(String path, String text, Function<String, String> files, Set<String> reading) {
        List<Assignment> out = new ArrayList<>(shell(text));
        if (reading.size() > SourcedFiles.MAX_DEPTH) {
            return out;
        }
        for (SourcedFiles.Source s : SourcedFiles.in(text)) {
            Optional<SourcedFiles.Found> found = SourcedFiles.resolve(path, s.written(), files);
            if (found.isEmpty() || !reading.add(found.get().path())) {
                continue;
            }
            for (Assignment a : shell(found.get().path(), found.get().text(), files, reading)) {
                // what holds for one line of that file only (`A=x && cmd`) is not in effect after it
                if (a.scopeEnd() == Integer.MAX_VALUE) {
                    out.add(a.readAt(s.offset(), s.topLevel() ? a.value() : null, found.get().path(), found.get().text()));
                }
            }
            reading.remove(found.get().path());
        }
        return out;
    }

    /**
     * The assignments of a Makefile. Make expands variables when a recipe runs, after the whole file is read, so
     * every assignment counts wherever it stands ({@link #known} is asked at the end of the text).
     */
    public static List<Assignment> make(String text) {
        return makeAssignments(text).stream().map(m -> new Assignment(EXPANDED_BY_FILE + m.assignment().name(),
                m.assignment().value(), 0)).toList();
    }

    /** A make assignment, whether it exports the variable, and whether it is a default ({@code ?=}). */
    record MakeAssignment(Assignment assignment, boolean exported, boolean orDefault) {
    }

    /** The assignments of a Makefile's own text ({@link #make(String)}), with how each was made. */
    static List<MakeAssignment> makeAssignments(String text) {
        List<MakeAssignment> out = new ArrayList<>();
        Matcher m = MAKE_ASSIGNMENT.matcher(text);
        while (m.find()) {
            String op = m.group(2);
            Matcher literal = MAKE_LITERAL.matcher(m.group(3));
            // `+=` appends and `!=` runs a command: neither gives a value that can be read here
            boolean plain = !op.equals("+=") && !op.equals("!=") && literal.matches();
            // at the assignment's line: a value from an included file names its line
            out.add(new MakeAssignment(new Assignment(m.group(1), plain ? unquote(literal.group(1)) : null, m.start()),
                    m.group().startsWith("export"), op.equals("?=")));
        }
        return out;
    }

    /**
     * The assignments of the Makefile at {@code path}: make's own variables, with those of the files it includes
     * ({@link MakeIncludes}: {@code -include .env}), and the shell variables its recipe lines read as
     * {@code $$X}/{@code $${X}}, keyed {@code "$X"} apart from make's: an exported make variable ({@code export INFRA
     * := ...}, a bare {@code export}, {@code .EXPORT_ALL_VARIABLES:}; make puts it in every recipe's environment), what
     * a file the same recipe line reads into its shell sets ({@code . scripts/env.sh && prefect ... -ib $$INFRA}), and
     * what the line sets before its command ({@code INFRA=x; prefect ... -ib $$INFRA}). Make runs each recipe line in
     * a shell of its own, so the last two count on that line only.
     */
    public static List<Assignment> make(String path, String text, Function<String, String> files) {
        MakeIncludes.Variables made = MakeIncludes.read(path, text, files);
        List<Assignment> out = new ArrayList<>();
        for (Assignment a : made.assignments()) {
            // make's variables count wherever they are set: from the start of the text; keyed apart from the shell's
            out.add(new Assignment(EXPANDED_BY_FILE + a.name(), a.value(), 0, 0, Integer.MAX_VALUE, a.origin(), a.setIn()));
            if (made.exports(a.name())) {
                out.add(new Assignment(RECIPE_SHELL + a.name(), a.value(), 0, 0, Integer.MAX_VALUE, a.origin(), a.setIn()));
            }
        }
        int lineStart = 0;
        for (String line : text.split("\n", -1)) {
            int lineEnd = lineStart + line.length();
            if (line.startsWith("\t") && line.contains("$$")) {
                for (SourcedFiles.Source src : SourcedFiles.in(line.substring(1))) {
                    Optional<SourcedFiles.Found> found = SourcedFiles.resolve(path, src.written(), files);
                    if (found.isEmpty()) {
                        continue;
                    }
                    // from the line's start: the rewrite asks for the variables of a recipe line as a whole
                    for (Assignment a : shell(found.get().path(), found.get().text(), files)) {
                        if (a.scopeEnd() == Integer.MAX_VALUE) {
                            Assignment read = a.readAt(lineStart, a.value(), found.get().path(), found.get().text());
                            out.add(new Assignment(RECIPE_SHELL + a.name(), read.value(), lineStart, lineStart, lineEnd,
                                    null, read.setIn()));
                        }
                    }
                }
                int command = 1;
                while (command < line.length() && "@-+ \t".indexOf(line.charAt(command)) >= 0) {
                    command++;
                }
                ShellLineAssignments.read(line.substring(command), lineStart + command, RECIPE_SHELL, true, out);
            }
            lineStart = lineEnd + 1;
        }
        return out;
    }

    /**
     * The assignments of the justfile at {@code path} ({@link JustVariables}): just's variables, keyed
     * {@link #JUST} + name as {@code {{name}}} reads them, the exported ones and those of the {@code .env} file
     * {@code set dotenv-load} reads as the shell's, and what each recipe line sets for itself.
     */
    public static List<Assignment> just(String path, String text, Function<String, String> files) {
        return JustVariables.of(path, text, files);
    }

    /** The prefix that keys a recipe line's shell variables apart from make's own ({@link #make(String, String, Function)}). */
    private static final String RECIPE_SHELL = "$";

    /** A Makefile recipe's reference to a shell variable, make's {@code $$} being one {@code $}: {@code $$X}, {@code $${X}}. */
    private static final Pattern RECIPE_SHELL_REFERENCE = Pattern.compile("\\$\\$(?:" + NAME + "|\\{" + NAME + "})");

    /**
     * The entries of every {@code env:}, {@code variables:} or {@code environment:} mapping of a CI pipeline, at any
     * level (workflow, job, step): a name given different values in two places is not known, whichever step reads it.
     */
    public static List<Assignment> ci(String text) {
        return ci(text, new HashMap<>());
    }

    /**
     * As {@link #ci(String)}, for the pipeline at {@code path}: in a GitLab pipeline, whose variables may read others
     * ({@code INFRA: $BLOCK_TYPE/etl}), such a value is known when each variable it reads is ({@link GitlabVariables});
     * in a GitHub Actions workflow a step's {@code env:} may read the job's and the workflow's
     * ({@link GithubEnvironment}); an Azure Pipelines file's variables are also listed ({@code - name: X}) and read as
     * {@code $(X)} macros ({@link AzureVariables}).
     */
    public static List<Assignment> ci(String path, String text) {
        Map<Integer, String> written = new HashMap<>();
        if (OutsideValues.isGitlab(path)) {
            return GitlabVariables.expand(gitlab(text, written), written);
        }
        Set<Integer> stepEntries = new HashSet<>();
        List<Assignment> out = ci(text, written, stepEntries);
        if (AzureVariables.isAzure(path)) {
            return AzureVariables.of(path, text, out);
        }
        return OutsideValues.isGithubWorkflow(path) ? GithubEnvironment.expand(text, out, written, stepEntries) : out;
    }

    /**
     * The entries of every {@code variables:} mapping of a GitLab file, as its YAML reads them
     * ({@link GitlabJobModel#everyVariable}), each at the start of its line; {@code written} keeps each one's value as
     * written, by that offset.
     */
    private static List<Assignment> gitlab(String text, Map<Integer, String> written) {
        List<Assignment> out = new ArrayList<>();
        int[] starts = lineStarts(text);
        for (GitlabJobModel.Variable v : GitlabJobModel.everyVariable(text)) {
            // at the key itself: two entries may stand on one line ({A: x, B: y})
            int here = starts[Math.min(v.line(), starts.length - 1)] + v.column();
            String value = null;
            if (v.written() != null) {
                written.put(here, v.written());
                Matcher literal = CI_LITERAL.matcher(v.written());
                value = literal.matches() ? unquote(literal.group(1)) : null;
            }
            out.add(new Assignment(v.name(), value, here));
        }
        return out;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@link #ci(String)}, keeping in {@code written} each entry's value as written, by the entry's offset. */
    private static List<Assignment> ci(String text, Map<Integer, String> written) {
        return ci(text, written, new HashSet<>());
    }

    /** As {@link #ci(String, Map)}, keeping in {@code stepEntries} the offsets of the entries of a step's mapping. */
    private static List<Assignment> ci(String text, Map<Integer, String> written, Set<Integer> stepEntries) {
        List<Assignment> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int offset = 0;
        int keyIndent = -1;
        int entryIndent = -1;
        boolean stepKey = false;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int here = offset;
            offset += line.length() + 1;
            if (keyIndent >= 0) {
                Matcher e = CI_ENTRY.matcher(line);
                int indent = line.length() - line.stripLeading().length();
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                if (indent <= keyIndent) {
                    keyIndent = -1;
                } else {
                    if (entryIndent < 0) {
                        entryIndent = indent;
                    }
                    if (indent == entryIndent && e.matches()) {
                        Matcher literal = CI_LITERAL.matcher(e.group(3));
                        Matcher setting = GITHUB_SETTING.matcher(e.group(3));
                        written.put(here, e.group(3));
                        if (stepKey) {
                            stepEntries.add(here);
                        }
                        out.add(setting.matches()
                                ? new Assignment(e.group(2), null, here, 0, Integer.MAX_VALUE,
                                        OutsideValues.github(setting.group(2), setting.group(3)))
                                : new Assignment(e.group(2), literal.matches() ? unquote(literal.group(1)) : null, here));
                    } else if (indent == entryIndent) {
                        // `NAME:` with a nested value (GitLab's {value:, description:}) or an expression: set, not known
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            out.add(new Assignment(line.substring(indent, colon).strip(), null, here));
                        }
                    }
                    continue;
                }
            }
            Matcher key = CI_VARIABLES_KEY.matcher(line);
            if (key.matches()) {
                keyIndent = key.group(1).length() + (line.stripLeading().startsWith("-") ? 1 : 0);
                entryIndent = -1;
                stepKey = inSequenceItem(lines, n);
            }
        }
        return out;
    }

    /**
     * Whether the mapping key on line {@code n} belongs to an item of a sequence ({@code - name: build} then
     * {@code env:} under it, or {@code - env:}): a GitHub Actions step's, where a job's or the workflow's belongs to a
     * mapping's key.
     */
    private static boolean inSequenceItem(String[] lines, int n) {
        String line = lines[n];
        int column = line.length() - line.stripLeading().length();
        if (line.stripLeading().startsWith("- ")) {
            return true;
        }
        for (int i = n - 1; i >= 0; i--) {
            String above = lines[i];
            String content = above.stripLeading();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            int indent = above.length() - content.length();
            if (content.startsWith("- ") && indent + 2 + (content.substring(2).length() - content.substring(2).stripLeading().length()) == column) {
                return true; // the item whose first key stands at this key's column
            }
            if (indent < column) {
                return false; // the key of the mapping this one belongs to
            }
        }
        return false;
    }

    /**
     * The variables of a Jenkinsfile's {@code environment { }} blocks and {@code withEnv([...]) { }} steps
     * ({@link JenkinsEnvironment}): each in effect in the whole block that holds it (the pipeline, or a stage, whose own
     * entries win over the pipeline's), a withEnv's inside its own block, over both; a script's {@code env.INFRA = '...'}
     * from where it stands on.
     */
    public static List<Assignment> jenkins(String text) {
        return JenkinsEnvironment.assignments(text);
    }

    /**
     * The variables known at {@code offset}: those whose assignments above it all give one literal value (a later
     * assignment of another value, or of no literal, makes the name unknown only for commands after it). Of
     * assignments in nested scopes, the innermost scope's count (a Jenkins stage's over its pipeline's). A name that
     * says it holds a secret ({@link Redactor#isSecretName}), or a value that holds one (a URL's password), is never
     * known, so its value is never shown.
     */
    public static Map<String, String> known(List<Assignment> assignments, int offset) {
        Map<String, String> values = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (Assignment a : innermost(assignments, offset)) {
            if (a.value() == null || a.value().isEmpty() || Redactor.isSecretName(a.name())
                    || !Redactor.redact(a.value()).equals(a.value())
                    || values.containsKey(a.name()) && !values.get(a.name()).equals(a.value())) {
                unknown.add(a.name());
            } else {
                values.put(a.name(), a.value());
            }
        }
        values.keySet().removeAll(unknown);
        return values;
    }

    /**
     * The variables whose value at {@code offset} is set outside the repository, with where
     * ({@link Assignment#origin()}): every assignment in effect there gives the same origin.
     */
    public static Map<String, String> origins(List<Assignment> assignments, int offset) {
        Map<String, String> origins = new HashMap<>();
        Set<String> other = new HashSet<>();
        for (Assignment a : innermost(assignments, offset)) {
            if (a.origin() == null || origins.containsKey(a.name()) && !origins.get(a.name()).equals(a.origin())) {
                other.add(a.name());
            } else {
                origins.put(a.name(), a.origin());
            }
        }
        origins.keySet().removeAll(other);
        return origins;
    }

    /** The names assigned anywhere in the text, whatever their value: a name not among them is set by the environment. */
    public static Set<String> names(List<Assignment> assignments) {
        Set<String> out = new HashSet<>();
        assignments.forEach(a -> out.add(a.name()));
        return out;
    }

    /** The assignments in effect at {@code offset}, of each name only those of the innermost scope that sets it. */
    private static List<Assignment> innermost(List<Assignment> assignments, int offset) {
        Map<String, Integer> scope = new HashMap<>();
        for (Assignment a : assignments) {
            if (a.visibleAt(offset)) {
                scope.merge(a.name(), a.scopeStart(), Math::max);
            }
        }
        return assignments.stream().filter(a -> a.visibleAt(offset) && scope.get(a.name()) == a.scopeStart()).toList();
    }

    /**
     * Of the variables known at {@code offset} ({@link #known(List, int)}, keyed the same), those whose value is set
     * in another file the text reads, with where ({@code scripts/env.sh:3}): the last assignment in effect says.
     */
    public static Map<String, String> setIn(List<Assignment> assignments, int offset) {
        Map<String, String> known = known(assignments, offset);
        Map<String, String> out = new HashMap<>();
        List<Assignment> inOrder = new ArrayList<>(innermost(assignments, offset));
        inOrder.sort(java.util.Comparator.comparingInt(Assignment::offset));
        for (Assignment a : inOrder) {
            if (known.containsKey(a.name())) {
                if (a.setIn() == null) {
                    out.remove(a.name());
                } else {
                    out.put(a.name(), a.setIn());
                }
            }
        }
        return out;
    }

    /** The 1-based line of {@code offset} in {@code text}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Every variable that all the file's assignments give one literal value. */
    public static Map<String, String> known(List<Assignment> assignments) {
        return known(assignments, Integer.MAX_VALUE);
    }

    /**
     * The name {@code word} refers to when it is a reference, as a whole, to a variable ({@code $X}, {@code "${X}"} has
     * its quotes already removed by the caller).
     */
    public static Optional<String> referenced(String word) {
        if (word == null || word.indexOf('$') != 0) {
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(word);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (int g = 1; g <= 5; g++) {
            if (m.group(g) != null) {
                return Optional.of(m.group(g));
            }
        }
        return Optional.empty();
    }

    /** The value of {@code word} when it is a reference, as a whole, to a known variable. */
    public static Optional<String> resolve(String word, Map<String, String> known) {
        if (known.isEmpty()) {
            return Optional.empty();
        }
        return keys(word).stream().filter(known::containsKey).findFirst().map(known::get);
    }

    /**
     * The keys {@code word} may be known by in {@link #known(List, int)}'s map when it is a reference, as a whole, to
     * a variable, the first that is set counting: a shell variable's name ({@code $X}, {@code ${X}}); for a Makefile
     * recipe's shell variable ({@code $$X}) the name behind make's prefix; for what the file expands itself
     * ({@code $(X)}, and make's {@code ${X}}) the name behind {@link #EXPANDED_BY_FILE}; for a just variable
     * ({@code {{x}}}) the name behind {@link #JUST}.
     */
    public static List<String> keys(String word) {
        Matcher recipeShell = RECIPE_SHELL_REFERENCE.matcher(word == null ? "" : word);
        if (recipeShell.matches()) {
            return List.of(RECIPE_SHELL + (recipeShell.group(1) != null ? recipeShell.group(1) : recipeShell.group(2)));
        }
        Matcher just = JUST_REFERENCE.matcher(word == null ? "" : word);
        if (just.matches()) {
            return List.of(JUST + just.group(1));
        }
        Optional<String> name = referenced(word);
        if (name.isEmpty()) {
            return List.of();
        }
        if (word.startsWith("$(")) {
            return List.of(EXPANDED_BY_FILE + name.get());
        }
        return word.startsWith("${") && !word.startsWith("${{") && !word.startsWith("${env.")
                ? List.of(EXPANDED_BY_FILE + name.get(), name.get()) : List.of(name.get());
    }

    /**
     * A reference as a person reads it: make's {@code $$INFRA} in a recipe line is the shell's {@code $INFRA}, which
     * is what the line runs; any other word as written.
     */
    public static String shown(String word) {
        return RECIPE_SHELL_REFERENCE.matcher(word == null ? "" : word).matches() ? word.substring(1) : word;
    }

    /** {@code v} without one pair of enclosing quotes, single or double; as written otherwise. */
    public static String unquote(String v) {
        return v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))
                ? v.substring(1, v.length() - 1) : v;
    }
}
