package dev.migrate.analyzers.sources.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a CI file's shells begin, the one place that decides it for every pass that replays a pipeline's {@code cd}s
 * ({@link ComposeCommands}, {@link CommandDirectory}). Each GitHub Actions step's {@code run:} is a shell of its own,
 * started in its {@code working-directory:} (else {@code defaults: run: working-directory:} of its job, else of the
 * workflow, else the workspace, the root), so a {@code cd} in one step does not move the next. A GitLab CI job's
 * script lines share one shell, started in the root (or where the default {@code before_script:} left it), and its
 * {@code after_script:} is another ({@link GitlabShells}): a {@code cd} carries within the job's script, not into
 * its after_script nor the next job. Each Jenkinsfile {@code sh} step is a shell of its own, in the directory of
 * the {@code dir() { }} blocks around it ({@link JenkinsShells}). Other pipelines keep one shell for the file, as
 * {@link WorkingDirectory#of} starts it.
 */
final class CiShells {
    /** A GitHub Actions step's or {@code defaults.run}'s {@code working-directory:}: group 1 is the directory. */
    private static final Pattern STEP_DIRECTORY =
            Pattern.compile("^[ \\t]*(?:-[ \\t]+)?working-directory:[ \\t]*[\"']?((?:\\$\\{\\{[^}]*}}|[^\"'#\\s])+)");
    /** A list item's dash: group 1 is its indentation. */
    private static final Pattern ITEM = Pattern.compile("^([ \\t]*)-[ \\t]");

    /**
     * Where a new shell starts.
     *
     * @param directory the tree directory ("" is the root); null when the tree cannot hold it
     * @param absolute  the literal absolute directory written ({@code working-directory: /srv/app}), else null
     */
    record Start(String directory, String absolute) {
    }

    private final String[] lines;
    private final boolean github;
    private final boolean gitlab;
    private final GitlabShells gitlabShells;
    private final JenkinsShells jenkinsShells;
    /** The shell of the line read last: -1 is the file's own, before any step or job, as WorkingDirectory.of starts it. */
    private int shell = -1;

    private CiShells(String[] lines, boolean github, boolean gitlab, JenkinsShells jenkins, java.util.List<String[]> included) {
        this.lines = lines;
        this.github = github;
        this.gitlab = gitlab;
        this.gitlabShells = gitlab ? new GitlabShells(lines, included) : null;
        this.jenkinsShells = jenkins;
    }

    /**
     * The shells of the file at {@code path}: a GitHub or GitLab pipeline's, a Jenkinsfile's; for other files no line
     * starts one.
     */
    static CiShells of(String path, String text) {
        return of(path, text, p -> null);
    }

    /**
     * As {@link #of(String, String)}, reading a GitLab pipeline's included local files ({@link GitlabIncludes}) for
     * the templates its jobs extend or reference: {@code files} gives a repository path's text, or null (itself null
     * when no other file is read).
     */
    static CiShells of(String path, String text, java.util.function.Function<String, String> files) {
        boolean ci = PrefectCliLineDetector.isCiYaml(path);
        boolean github = ci && (path.startsWith(".github/workflows/") || path.contains("/.github/workflows/"));
        boolean gitlab = ci && GitlabPipelines.isPipeline(path);
        boolean jenkins = !ci && path.substring(path.lastIndexOf('/') + 1).startsWith("Jenkinsfile");
        java.util.List<String[]> included = gitlab && files != null ? GitlabIncludes.texts(path, text, files).values().stream()
                .map(t -> t.split("\r?\n", -1)).toList() : java.util.List.of();
        return new CiShells(github || gitlab || jenkins ? text.split("\r?\n", -1) : new String[0], github, gitlab,
                jenkins ? new JenkinsShells(text) : null, included);
    }

    /**
     * The shells of a file a GitLab pipeline includes ({@link GitlabIncludes#commandFiles}), whatever its name: its
     * jobs are the pipeline's, started in the root or where the default before_script leaves them; {@code others}
     * are the texts of the pipeline's other files (its own first), whose templates its jobs may extend or reference.
     */
    static CiShells ofIncluded(String text, java.util.List<String> others) {
        return new CiShells(text.split("\r?\n", -1), false, true, null,
                others.stream().map(t -> t.split("\r?\n", -1)).toList());
    }

    /**
     * Read in order, line by line: the working directory from line {@code number} on, for a reader of shell lines that
     * needs no more than that: a new shell's own (the root when the tree cannot hold it), else {@code current}.
     */
    WorkingDirectory at(int number, WorkingDirectory current) {
        return startsAt(number).map(this::shell).orElse(current);
    }

    /**
     * A new shell at {@code start}: in its tree directory, else at the absolute directory the tree cannot place (no
     * directories, the path kept), else, unknown, in the root.
     */
    WorkingDirectory shell(Start start) {
        boolean yaml = jenkinsShells == null; // a Jenkins step's lines are shell text, without YAML around them
        if (start.absolute() != null) {
            return WorkingDirectory.startingAt(start.absolute(), yaml);
        }
        return WorkingDirectory.startingIn(start.directory() == null ? "" : start.directory(), yaml);
    }

    /**
     * The lines a GitLab {@code !reference} item on line {@code number} (1-based) runs where it stands, from whichever
     * of the pipeline's files holds them ({@link GitlabShells#referenced}); empty for any other line.
     */
    java.util.List<String> referenced(int number) {
        return gitlab && number >= 1 && number <= lines.length ? gitlabShells.referenced(number - 1) : java.util.List.of();
    }

    /**
     * Read in order, line by line: where a new shell starts when line {@code number} (1-based) is in another shell
     * than the line read before it; empty when it is in the same one.
     */
    Optional<Start> startsAt(int number) {
        if (!github && !gitlab && jenkinsShells == null || number < 1 || number > lines.length) {
            return Optional.empty();
        }
        int start = github ? stepStart(lines, number - 1)
                : gitlab ? gitlabShells.shellOf(number - 1) : jenkinsShells.shellOf(number - 1);
        if (start == shell) {
            return Optional.empty();
        }
        shell = start;
        if (gitlab || jenkinsShells != null) {
            return Optional.of(gitlab ? gitlabShells.start(start) : jenkinsShells.start(start));
        }
        return Optional.of(start < 0 ? new Start("", null) : stepDirectory(lines, start));
    }

    /**
     * The line (0-based) of the steps: item holding {@code index}: the nearest list item above that is indented less
     * than the line (or the line itself, {@code - run: ...}); -1 when there is none.
     */
    private static int stepStart(String[] lines, int index) {
        Matcher own = ITEM.matcher(lines[index]);
        if (own.find()) {
            return index;
        }
        int indent = indentOf(lines[index]);
        for (int i = index - 1; i >= 0; i--) {
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher item = ITEM.matcher(lines[i]);
            int here = item.find() ? item.group(1).length() : indentOf(lines[i]);
            if (here < indent) {
                if (item.find(0)) {
                    return i;
                }
                indent = here;
            }
        }
        return -1;
    }

    /**
     * The step's {@code working-directory:} (a key of the item, at the item's key indentation), else the nearest
     * {@code defaults: run: working-directory:} above it (the job's, else the workflow's); the root when neither.
     */
    private static Start stepDirectory(String[] lines, int start) {
        Matcher item = ITEM.matcher(lines[start]);
        int dash = item.find() ? item.group(1).length() : indentOf(lines[start]);
        for (int i = start; i < lines.length; i++) {
            if (i > start && !lines[i].isBlank() && indentOf(lines[i]) <= dash) {
                break;
            }
            Matcher wd = STEP_DIRECTORY.matcher(lines[i]);
            if (wd.find() && (i == start || indentOf(lines[i]) == dash + 2)) {
                return directory(wd.group(1));
            }
        }
        for (int i = start - 1; i >= 0; i--) {
            Matcher wd = STEP_DIRECTORY.matcher(lines[i]);
            if (wd.find() && i >= 2 && lines[i - 1].strip().equals("run:") && lines[i - 2].strip().equals("defaults:")) {
                return directory(wd.group(1));
            }
        }
        return new Start("", null);
    }

    /**
     * A working-directory as a directory of the tree: relative to the workspace, or under the checkout
     * ({@code ${{ github.workspace }}/flows}, {@code $GITHUB_WORKSPACE/flows}); none for one the tree cannot hold (a
     * variable, an absolute directory elsewhere, whose path is kept).
     */
    static Start directory(String written) {
        Matcher root = CHECKOUT.matcher(written);
        if (root.lookingAt() && (root.group(1) != null || CheckoutRoots.isVariable(
                root.group(2) != null ? root.group(2) : root.group(3)))) {
            return new Start(WorkingDirectory.normalize("", written.substring(root.end())).orElse(null), null);
        }
        if (written.contains("$")) {
            return new Start(null, null);
        }
        if (written.startsWith("/")) {
            Optional<String> abs = WorkingDirectory.normalize("", written);
            Optional<String> inTree = abs.flatMap(a -> CheckoutRoots.inTree("/" + a));
            return inTree.isPresent() ? new Start(inTree.get(), null) : new Start(null, abs.map(d -> "/" + d).orElse(null));
        }
        return new Start(WorkingDirectory.normalize("", written).orElse(null), null);
    }

    /** A checkout expression or variable at the start of a directory: GitHub's, {@code ${NAME}}, {@code $NAME}. */
    private static final Pattern CHECKOUT = Pattern.compile(
            "(\\$\\{\\{\\s*github\\.workspace\\s*}})|\\$\\{([A-Za-z_]\\w*)}|\\$([A-Za-z_]\\w*)");

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
