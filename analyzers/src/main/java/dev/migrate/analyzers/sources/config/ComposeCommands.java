package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The docker compose commands of a file that runs commands (a shell script, Makefile, justfile, Jenkinsfile, systemd
 * unit or CI pipeline), each with the directory it runs in and the files it names, as paths of the tree. Compose
 * reads {@code -f} files and {@code --env-file} files relative to the directory it runs in, which is the script's own
 * (a Makefile's, a shell script's first guess), the repository root (a CI job, a systemd unit, whose absolute
 * {@code WorkingDirectory=} the tree cannot hold), a GitHub Actions step's {@code working-directory:}, or wherever a
 * {@code cd} on the way moved it ({@link WorkingDirectory}). Where that cannot be read ({@code cd /srv/app}), the root.
 */
public final class ComposeCommands {
    /**
     * One compose command.
     *
     * @param directories where it may run, most likely first (a shell script's own directory, then the root)
     * @param envFiles    its {@code --env-file} files, read from the first directory, in the order compose reads them
     * @param composeFiles its {@code -f} files, from each directory it may run in (only the files the tree holds matter)
     */
    public record Command(List<String> directories, Set<String> envFiles, Set<String> composeFiles) {
        /** The directory it most likely runs in; the root when none can be read. */
        public String directory() {
            return directories.isEmpty() ? "" : directories.get(0);
        }
    }

    private ComposeCommands() {
    }

    /** Whether a file runs commands that may run compose: scripts, Makefiles, justfiles, Jenkinsfiles, units, CI files. */
    public static boolean runsCommands(String path, CharSequence text) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        return ShellScripts.isShellScript(n, text) || n.equals("Makefile") || n.equals("GNUmakefile") || n.endsWith(".mk")
                || n.startsWith("Jenkinsfile") || n.equals("justfile") || n.equals(".justfile") || n.endsWith(".service")
                || PrefectCliLineDetector.isCiYaml(path);
    }

    /** The compose commands of a file, in order; none when it does not run compose. */
    public static List<Command> of(String path, String text) {
        return of(path, text, null);
    }

    /**
     * Whether the commands of the file at {@code path} may say {@code word}: its text does, or that of a file it
     * includes ({@link GitlabIncludes#commandFiles}; {@code files} null when none are read). A cheap test before
     * reading them.
     */
    static boolean mention(String path, String text, java.util.function.Function<String, String> files, String word) {
        return text.contains(word) || files != null && GitlabIncludes.commandFiles(path, text, files).stream()
                .skip(1).anyMatch(f -> f.text().contains(word));
    }

    /**
     * As {@link #of(String, String)}, with the texts of other repository files ({@code files}, null for one not known):
     * a GitLab pipeline's commands are also those of the local files it includes, whatever their names
     * ({@link GitlabIncludes#commandFiles}: {@code include: - local: ci/deploy.yml} whose job runs
     * {@code docker compose -f deploy/stack.yml up -d}), and a job's script starts where the templates of those files
     * leave it ({@link CiShells}). An included file's commands run from the root, as the pipeline's own do, or where
     * its jobs' before_script leaves them; a template's lines that a {@code !reference} item brings into a job also
     * run in that job's shell ({@link CiShells#referenced}), in whichever file the item stands.
     */
    public static List<Command> of(String path, String text, java.util.function.Function<String, String> files) {
        if (GitlabPipelines.isPipeline(path) && GitlabIncludes.rootPipelineOf(path, files) != null) {
            return List.of(); // a .gitlab/ file the pipeline includes: its commands are the pipeline's, read with it
        }
        List<GitlabIncludes.CommandFile> pipelineFiles = GitlabIncludes.commandFiles(path, text, files);
        List<Command> out = new ArrayList<>();
        // a file that runs no compose itself may still bring a template's compose lines in (`!reference`)
        if (pipelineFiles.stream().noneMatch(f -> ComposeProjectFiles.RUNS_COMPOSE.matcher(f.text()).find())) {
            return out;
        }
        boolean ci = PrefectCliLineDetector.isCiYaml(path);
        boolean unit = path.endsWith(".service");
        WorkingDirectory wd = unit ? WorkingDirectory.startingIn("", false) : WorkingDirectory.of(path, ci);
        // a Jenkinsfile's commands are its steps' strings at their own columns (JenkinsShSteps); its Groovy is none
        boolean jenkins = path.substring(path.lastIndexOf('/') + 1).startsWith("Jenkinsfile");
        String[] stepTexts = jenkins ? JenkinsShSteps.commandTexts(text) : null;
        String lines = jenkins ? JenkinsShSteps.withCommandTexts(text, stepTexts) : text;
        read(PrefectCliLineDetector.logicalLines(path, lines), wd, CiShells.of(path, text, files), stepTexts, out);
        for (GitlabIncludes.CommandFile f : pipelineFiles.subList(1, pipelineFiles.size())) {
            // its jobs' templates may be in the pipeline's other files, the pipeline's own first
            List<String> others = pipelineFiles.stream().filter(o -> o != f).map(GitlabIncludes.CommandFile::text).toList();
            read(FoldedScalars.join(PrefectCliLineDetector.logicalLines(f.text())), WorkingDirectory.of(f.path(), true),
                    CiShells.ofIncluded(f.text(), others), null, out);
        }
        return out;
    }

    /**
     * The compose commands of the GitLab pipelines {@code pipelines} (texts by path) together, each distinct command
     * once: every pipeline that runs on its own ({@link GitlabIncludes#pipelines}) read in its own file, and every file
     * they include ({@link GitlabIncludes#includedFiles}, a pipeline file another includes among them) read once with
     * each pipeline that runs it, judged per pipeline: where the pipelines leave its jobs in one directory, one command
     * from there; where they differ (a {@code default: before_script: - cd flows} of one of them), one from each
     * pipeline's directory, since compose reads its files there in that pipeline's runs. {@code files} gives the texts
     * of other repository files, or null for one not known.
     */
    public static List<Command> ofGitlabPipelines(Map<String, String> pipelines, java.util.function.Function<String, String> files) {
        java.util.function.Function<String, String> texts = p -> pipelines.containsKey(p) ? pipelines.get(p)
                : files == null ? null : files.apply(p);
        Set<Command> out = new java.util.LinkedHashSet<>();
        Map<String, List<String>> included = GitlabIncludes.includedFiles(pipelines, texts);
        Set<String> read = new java.util.HashSet<>();
        // in the order a pipeline's files are read, its own first: a later --env-file's values win
        for (Map.Entry<String, Map<String, String>> running : GitlabIncludes.pipelines(pipelines, texts).entrySet()) {
            // a file that runs no compose itself may still bring a template's compose lines in (`!reference`)
            if (running.getValue().values().stream().noneMatch(t -> ComposeProjectFiles.RUNS_COMPOSE.matcher(t).find())) {
                continue;
            }
            String path = running.getKey();
            String text = pipelines.get(path);
            List<Command> own = new ArrayList<>();
            read(PrefectCliLineDetector.logicalLines(path, text), WorkingDirectory.of(path, true),
                    CiShells.of(path, text, texts), null, own);
            out.addAll(own);
            for (Map.Entry<String, String> f : running.getValue().entrySet()) {
                if (!f.getKey().equals(path) && included.containsKey(f.getKey()) && read.add(f.getKey())) {
                    out.addAll(ofIncluded(f.getKey(), f.getValue(), included.get(f.getKey())));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The compose commands of a file GitLab pipelines include, read with each of them ({@code pipeline}, the texts of
     * its first pipeline's files, with every including pipeline's in {@link GitlabIncludes.PipelineTexts#all}): a
     * command every pipeline reads alike is one.
     */
    private static List<Command> ofIncluded(String path, String text, List<String> pipeline) {
        List<List<String>> each = pipeline instanceof GitlabIncludes.PipelineTexts several ? several.all() : List.of(pipeline);
        Set<Command> out = new java.util.LinkedHashSet<>();
        List<PrefectCliLineDetector.LogicalLine> lines = FoldedScalars.join(PrefectCliLineDetector.logicalLines(text));
        for (List<String> others : each) {
            List<Command> reading = new ArrayList<>();
            read(lines, WorkingDirectory.of(path, true), CiShells.ofIncluded(text, List.copyOf(others)), null, reading);
            out.addAll(reading);
        }
        return List.copyOf(out);
    }

    /** The compose commands of one file's logical lines, read in order from {@code wd}, each shell where it starts. */
    private static void read(List<PrefectCliLineDetector.LogicalLine> lines, WorkingDirectory wd, CiShells shells,
            String[] stepTexts, List<Command> out) {
        for (PrefectCliLineDetector.LogicalLine line : lines) {
            // a GitLab `- !reference [.compose_up, script]` item: the template's lines run here, in this job's shell
            for (String brought : shells.referenced(line.number())) {
                commands(brought, wd.read(brought), out);
            }
            // a GitHub Actions step, a GitLab job: a shell of its own; one the tree cannot hold runs compose from the root
            wd = shells.at(line.number(), wd);
            if (stepTexts != null && stepTexts[line.number() - 1] == null) {
                continue;
            }
            commands(line.text(), wd.read(line.text()), out);
        }
    }

    /** The compose commands of one line, whose directories {@code dirs} gives. */
    private static void commands(String text, WorkingDirectory.Line dirs, List<Command> out) {
        Matcher runs = ComposeProjectFiles.RUNS_COMPOSE.matcher(text);
        while (runs.find()) {
            // the command's words run to the next command separator
            String rest = text.substring(runs.end());
            Matcher end = SEPARATOR.matcher(rest);
            String args = end.find() ? rest.substring(0, end.start()) : rest;
            List<String> at = dirs.at(runs.start());
            List<String> from = at.isEmpty() ? List.of("") : at;
            Set<String> envs = new java.util.LinkedHashSet<>(); // in the order given: a later file's values win
            Set<String> composes = new TreeSet<>();
            globalOptions(args, List.of(from.get(0)), from, envs, composes);
            out.add(new Command(from, envs, composes));
        }
    }

    /** Where a compose command's words end: the next command of the line. */
    private static final Pattern SEPARATOR = Pattern.compile("&&|\\|\\||;|\\|");

    /** Compose's own options that take a value, which comes as the next word unless written {@code --opt=value}. */
    private static final Set<String> WITH_VALUE = Set.of("-f", "--file", "--env-file", "-p", "--project-name",
            "--profile", "--project-directory", "--ansi", "--progress", "--parallel", "-c", "--context", "-H", "--host");

    /**
     * Reads compose's options before its subcommand ({@code docker compose -f a.yml --env-file .env.prod up}): after
     * the subcommand {@code -f} means something else ({@code logs -f} follows, {@code rm -f} forces).
     */
    private static void globalOptions(String args, List<String> envDirs, List<String> fileDirs, Set<String> envs,
            Set<String> composes) {
        String[] words = args.strip().split("[ \\t]+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.isEmpty()) {
                continue;
            }
            if (!w.startsWith("-")) {
                return; // the subcommand
            }
            String option = w;
            String value = null;
            int eq = w.indexOf('=');
            if (w.startsWith("--") && eq > 0) {
                option = w.substring(0, eq);
                value = w.substring(eq + 1);
            } else if (w.startsWith("-f") && w.length() > 2 && !w.startsWith("--")) {
                option = "-f";
                value = w.substring(2);
            } else if (WITH_VALUE.contains(w) && i + 1 < words.length) {
                value = words[++i];
            }
            if (value == null) {
                continue;
            }
            value = value.replaceAll("[\"']", "");
            if (option.equals("--env-file")) {
                inTree(envDirs, value, envs);
            } else if (option.equals("-f") || option.equals("--file")) {
                inTree(fileDirs, value, composes);
            }
        }
    }

    /** A file an option names, from each of {@code dirs}: none outside the tree, made of variables, or stdin. */
    private static void inTree(List<String> dirs, String written, Set<String> out) {
        if (written.isEmpty() || written.equals("-") || written.startsWith("/") || written.contains("$")
                || written.startsWith("~")) {
            return;
        }
        for (String dir : dirs) {
            WorkingDirectory.normalize(dir, written).ifPresent(out::add);
        }
    }
}
