package dev.migrate.analyzers.sources.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.analyzers.sources.systemd.EmbeddedUnits;
import dev.migrate.analyzers.sources.systemd.SystemdDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code prefect ...} command lines, {@code PREFECT_*} settings and Prefect images in shell scripts,
 * Makefiles, Dockerfiles, CI pipeline YAML and env files, line by line (continuation lines joined, comments skipped).
 * The deployments of a file {@code prefect deploy --prefect-file FILE} names are read once the tree was seen
 * ({@link PrefectFileReferences}).
 */
public final class PrefectCliLineDetector implements Detector {
    /**
     * {@code PREFECT_X=value}: a setting set. A reference is no setting set ({@code ${PREFECT_X=default}} and
     * {@code [ $PREFECT_X = v ]} read the variable): the rename keeps references to the user's own variables, so
     * reporting one would ask for a fix that no one need make here (where the old name is defined, that is reported).
     */
    private static final Pattern SETTING = Pattern.compile("\\b(?<!\\$\\{?)(PREFECT_[A-Z0-9_]+)\\s*=");
    private static final Pattern DOCKER_ENV = Pattern.compile("^\\s*ENV\\s+(PREFECT_[A-Z0-9_]+)\\s+\\S");
    private static final Pattern DOCKER_EXEC = Pattern.compile("^\\s*(?:CMD|ENTRYPOINT|RUN)\\s+(\\[.*])\\s*$");
    private static final Pattern DOCKER_FROM = Pattern.compile("^\\s*FROM\\s+(?:--\\S+\\s+)*(\\S+)");
    /** A CI job's image: GitLab's {@code image:}, GitHub Actions' {@code container:} (or its {@code image:}). */
    private static final Pattern CI_IMAGE = Pattern.compile("^\\s*(?:-\\s+)?(?:image|container)\\s*:\\s*[\"']?([^\\s\"'#]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A systemd unit's command directive, in a unit a script writes with a here-document. */
    private static final Pattern UNIT_COMMAND = Pattern.compile("^\\s*Exec(?:Start|StartPre|StartPost|Reload|Stop|StopPost|Condition)=[-@:+!]*");
    /** A supervisord program's command. */
    private static final Pattern PROGRAM_COMMAND = Pattern.compile("^\\s*command\\s*=\\s*");
    private final PrefectFileReferences prefectFiles = new PrefectFileReferences();
    /** Env files' settings, checked once the compose files that may read them for interpolation were seen. */
    private final ComposeVariables composeVariables = new ComposeVariables();

    /** A line of the file after joining backslash continuations. */
    record LogicalLine(int number, int column, String text) {
    }

    @Override
    public String name() {
        return "prefect-cli-lines";
    }

    /**
     * The scripts, env files and .mk files seen, by path: a script may read one into itself ({@code . ./env.sh}), a
     * Makefile include one ({@code -include .env}).
     */
    private final Map<String, String> sourceable = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Scripts that read other files into themselves, and GitLab pipelines that include others: read once every file
     * was seen, with those files' variables or templates.
     */
    private final List<ScanFile> readingOthers = new ArrayList<>();
    /** The GitLab pipelines seen, by path, whose templates a pipeline including them extends. */
    private final Map<String, String> gitlabPipelines = new java.util.concurrent.ConcurrentHashMap<>();
    /** Files of the tree no detector was handed (an included {@code ci/templates.yml}), read when one is named. */
    private UnscannedTexts unscanned = new UnscannedTexts(null);
    /** The flow scripts CI jobs run, each file read once a scan. */
    private CiFlowScriptRuns flowScripts = new CiFlowScriptRuns(p -> null);

    @Override
    public void scanning(java.nio.file.Path base) {
        unscanned = new UnscannedTexts(base);
        flowScripts = new CiFlowScriptRuns(this::repositoryText);
    }

    /** The text of a repository file a pipeline includes: one seen, else read from the tree. */
    private String repositoryText(String path) {
        String seen = gitlabPipelines.get(path);
        return seen != null ? seen : sourceable.containsKey(path) ? sourceable.get(path) : unscanned.apply(path);
    }

    @Override
    public Prefilter prefilter() {
        // scripts, env files and .mk files without those words too: a script may read one into itself (. ./env.sh),
        // a Makefile include one (-include .env); "compose": scripts and units that name compose files
        // (-f deploy/stack.yml), often without a Prefect word
        // GitLab pipelines without them too: another pipeline may include one for its templates (extends: .setup);
        // any CI file: its jobs may run a flow script (python flows/etl.py) without saying prefect
        return Prefilter.keywords("prefect", "PREFECT_", "deployments", "compose")
                .orPath(p -> MakeIncludes.mayBeIncluded(p) || isCiYaml(p));
    }

    /** A CI file's word for Python, whose jobs may run a flow script ({@link CiFlowScriptRuns}) without a Prefect word. */
    private static final Pattern RUNS_PYTHON = Pattern.compile("\\b(python|pypy)[0-9.]*\\b");

    /** The prefilter's words other than "compose": a file with none of them only names compose and env files. */
    private static final Pattern PREFECT_WORDS = Pattern.compile("prefect|PREFECT_|deployments");

    @Override
    public boolean accepts(ScanFile file) {
        return readsLines(file) || ComposeVariables.maybeNamedCompose(file) || ComposeCommands.runsCommands(file.path(), file.text());
    }

    /** The files whose lines this detector checks; the others it accepts only name compose files (a systemd unit). */
    private static boolean readsLines(ScanFile file) {
        return isScript(file) || isDockerfile(file.fileName()) || isCiYaml(file) || isEnvFile(file.fileName())
                || isSupervisorConf(file) || PrefectFileReferences.isOtherDeploymentFile(file)
                || ComposeVariables.isCompose(file.fileName());
    }

    /** A supervisord configuration: {@code [program:x]} sections whose {@code command=} lines run commands. */
    static boolean isSupervisorConf(ScanFile f) {
        return (f.fileName().endsWith(".conf") || f.fileName().endsWith(".ini")) && f.text().contains("[program:");
    }

    /** Env files ({@code .env}, {@code .env.prod}, {@code worker.env}) of {@code KEY=value} lines, as compose reads them. */
    static boolean isEnvFile(String n) {
        return n.equals(".env") || n.startsWith(".env.") || n.endsWith(".env");
    }

    static boolean isScript(ScanFile f) {
        String n = f.fileName();
        return ShellScripts.isShellScript(n, f.text()) || n.equals("Makefile")
                || n.equals("GNUmakefile") || n.endsWith(".mk") || n.equals("Jenkinsfile") || n.equals("Procfile")
                || isJustfile(n);
    }

    /** A justfile ({@code justfile}, {@code Justfile}, {@code .justfile}, a module's {@code *.just}). */
    static boolean isJustfile(String n) {
        return n.equals("justfile") || n.equals("Justfile") || n.equals(".justfile") || n.endsWith(".just");
    }

    static boolean isDockerfile(String n) {
        return DockerfileNames.is(n);
    }

    /** A CI pipeline by its path, or an Azure Pipelines template by its content ({@link AzurePipelineTemplates}). */
    static boolean isCiYaml(ScanFile f) {
        return isCiYaml(f.path()) || AzurePipelineTemplates.isTemplate(f.path(), f.text());
    }

    static boolean isCiYaml(String p) {
        String n = p.substring(p.lastIndexOf('/') + 1);
        boolean yaml = n.endsWith(".yml") || n.endsWith(".yaml");
        return yaml && (p.startsWith(".github/workflows/") || p.contains("/.github/workflows/")
                || p.startsWith(".circleci/") || p.contains("/.circleci/") || p.startsWith(".buildkite/")
                || GitlabPipelines.isPipeline(p) || AzureVariables.isAzure(p) || n.equals("bitbucket-pipelines.yml")
                || n.equals(".drone.yml") || n.equals(".travis.yml") || n.equals("cloudbuild.yaml"));
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        if (MakeIncludes.mayBeIncluded(file.path())) {
            sourceable.put(file.path(), file.text());
        }
        if (GitlabPipelines.isPipeline(file.path())) {
            gitlabPipelines.put(file.path(), file.text());
        }
        if ((ShellScripts.isShellScript(file.fileName(), file.text()) || isMakefile(file.fileName()))
                && !SourcedFiles.in(file.text()).isEmpty()
                || isMakefile(file.fileName()) && !MakeIncludes.in(file.text()).isEmpty()
                || isJustfile(file.fileName()) && file.text().contains("dotenv")
                || isCiYaml(file.path()) && GitlabPipelines.isPipeline(file.path()) && !GitlabIncludes.locals(file.text()).isEmpty()
                // a pipeline's file under .gitlab/ (or *.gitlab-ci.yml) may be another's include: known once all were seen
                || GitlabPipelines.isPipeline(file.path()) && !file.fileName().startsWith(".gitlab-ci.")) {
            synchronized (readingOthers) {
                readingOthers.add(file);
            }
            return;
        }
        read(file, sink);
    }

    private void read(ScanFile file, InventorySink sink) {
        read(file, null, sink);
    }

    /**
     * Reads one file's lines; {@code pipeline} is, for a local file a GitLab pipeline includes under a name of its own
     * ({@code ci/deploy.yml}), the texts of the pipeline's other files (its own first), whose templates its jobs may
     * extend or reference; else null. Such a file's jobs are the pipeline's, read as a CI file's.
     */
    private void read(ScanFile file, List<String> pipeline, InventorySink sink) {
        boolean included = pipeline != null;
        boolean ci = included || isCiYaml(file);
        if (!ci && ComposeVariables.isCompose(file.fileName())) {
            composeVariables.readCompose(file); // only what it reads from env files: the compose detector reads the rest
            return;
        }
        if (!ci && ComposeVariables.maybeNamedCompose(file) && !PrefectFileReferences.isOtherDeploymentFile(file)) {
            composeVariables.candidate(file); // read as compose if a command names it (-f deploy/stack.yml)
            return;
        }
        if (!included && (ComposeCommands.runsCommands(file.path(), file.text()) || file.fileName().equals(".env"))) {
            // a GitLab pipeline's included files run its jobs too: a compose file named only there is the project's
            composeVariables.namedBy(file.path(), file.text(), this::repositoryText);
        }
        if (!included && !readsLines(file)) {
            return; // a systemd unit: the systemd detector reads its commands
        }
        if (isScript(file) || ci && !included) {
            // a CI job's compose --env-file too; an included file's commands are its pipeline's, read with it
            composeVariables.readScript(file, ci, this::repositoryText);
        }
        if (!PREFECT_WORDS.matcher(file.text()).find() && !SourcedFiles.mayBeSourced(file.path())
                && !(ci && RUNS_PYTHON.matcher(file.text()).find())) {
            return; // the compose files and env files it names were all this file had to say
        }
        if (!ci && PrefectFileReferences.isOtherDeploymentFile(file)) {
            prefectFiles.keep(file); // read if a command names it
            return;
        }
        boolean docker = isDockerfile(file.fileName());
        boolean envFile = isEnvFile(file.fileName());
        // a Dockerfile's commands run in the image, where the tree's paths are not known; a GitHub Actions step, a
        // GitLab job: a shell of its own, in its own directory, that no earlier cd moved (in each pipeline that runs it)
        ShellDirectories cwd = docker || isEnvFile(file.fileName()) || isSupervisorConf(file) ? null
                : included ? ShellDirectories.ofIncluded(file.path(), file.text(), pipeline)
                : ShellDirectories.of(file.path(), file.text(), ci, this::repositoryText);
        java.util.Set<Integer> unitLines = SystemdDetector.readsUnitsWrittenBy(file)
                ? EmbeddedUnits.unitTextLines(file.text()) : java.util.Set.of();
        // a Jenkinsfile's commands are its steps' strings (JenkinsShSteps), at their own columns; its Groovy is none
        boolean jenkinsfile = file.fileName().startsWith("Jenkinsfile");
        String[] stepTexts = jenkinsfile ? JenkinsShSteps.commandTexts(file.text()) : null;
        List<LogicalLine> lines = included ? FoldedScalars.join(logicalLines(file.text()))
                : logicalLines(file.path(), jenkinsfile ? JenkinsShSteps.withCommandTexts(file.text(), stepTexts) : file.text());
        CreatedPools pools = createdPools(file, stepTexts == null ? lines
                : lines.stream().filter(l -> stepTexts[l.number() - 1] != null).toList(), unitLines);
        List<LiteralVariables.Assignment> assignments = assignments(file, ci);
        // a GitLab job runs its lines, its templates' too, with its own variables over theirs (GitlabJobVariables)
        GitlabJobVariables jobVariables = included ? GitlabJobVariables.ofIncluded(file.path(), file.text(), pipeline)
                : ci && GitlabPipelines.isPipeline(file.path())
                ? GitlabJobVariables.ofPipeline(file.path(), file.text(), this::repositoryText) : null;
        int[] lineStarts = assignments.isEmpty() && jobVariables == null ? null : file.lineStarts();
        for (LogicalLine line : lines) {
            if (cwd != null) {
                cwd.advance(line.number());
            }
            String text = line.text();
            if (text.strip().startsWith("#") || unitLines.contains(line.number())) {
                continue;
            }
            SourceRef lineRef = SourceRef.at(file.path(), line.number(), line.column());
            boolean columnsKept = true;
            String checked = null;
            if (docker) {
                Matcher from = DOCKER_FROM.matcher(text);
                if (from.find()) {
                    PrefectImages.check(from.group(1), lineRef, null, sink);
                }
                Matcher env = DOCKER_ENV.matcher(text);
                if (env.find()) {
                    PrefectSettingsCheck.check(env.group(1), lineRef, null, sink);
                    checked = env.group(1);
                }
                text = execFormToShell(text);
                columnsKept = text == line.text();
            } else {
                Matcher ciImage = ci ? CI_IMAGE.matcher(text) : null;
                if (ciImage != null && ciImage.find()) {
                    PrefectImages.check(ciImage.group(1), lineRef, null, sink);
                }
                // the command of `ExecStart=/usr/bin/prefect agent start` (blanked to spaces, so columns hold)
                Matcher unit = (isSupervisorConf(file) ? PROGRAM_COMMAND : UNIT_COMMAND).matcher(text);
                if (unit.find()) {
                    text = " ".repeat(unit.end()) + text.substring(unit.end());
                }
            }
            if (isJustfile(file.fileName())) {
                // `-ib {{ infra }}` is one word to just, which replaces it before the shell reads the line
                text = JustInterpolations.compact(text);
                columnsKept &= text.equals(line.text());
            }
            boolean groovy = stepTexts != null && stepTexts[line.number() - 1] == null; // settings only, no command
            ShellDirectories.Line dirs = cwd == null || groovy ? null : cwd.read(text);
            Matcher s = SETTING.matcher(text);
            while (s.find()) {
                // `ENV NAME = value` (legacy form with spaces) is a Dockerfile ENV and an assignment: checked once
                if (envFile) {
                    composeVariables.setting(s.group(1), lineRef, file.path());
                } else if (!s.group(1).equals(checked)) {
                    PrefectSettingsCheck.check(s.group(1), lineRef, null, sink);
                }
            }
            if (ci && dirs != null && !docker) {
                // a CI job that runs a flow script with Python (PF237), where the job runs it
                int lineNumber = line.number();
                int column = line.column();
                boolean kept = columnsKept;
                flowScripts.of(file, text, dirs, offset -> kept ? SourceRef.at(file.path(), lineNumber, column + offset) : lineRef)
                        .forEach(sink::finding);
            }
            for (PrefectInvocation inv : groovy ? List.<PrefectInvocation>of() : PrefectInvocation.find(text)) {
                SourceRef where = columnsKept
                        ? SourceRef.at(file.path(), line.number(), line.column() + inv.offset()) : lineRef;
                // at the command itself: `INFRA=x && prefect ... $INFRA` sets the variable earlier on the same line
                // a pipeline's env: mappings hold wherever they stand (a step's may follow its run:), as the rewrite reads them
                int at = ci ? Integer.MAX_VALUE
                        : lineStarts == null ? 0 : lineStarts[line.number() - 1] + (columnsKept ? inv.offset() : 0);
                List<LiteralVariables.Assignment> here = jobVariables == null ? assignments : jobVariables.at(line.number());
                Map<String, String> known = lineStarts == null ? Map.of() : LiteralVariables.known(here, at);
                OutsideValues outside = jobVariables == null ? OutsideValues.at(file.path(), here, at)
                        : OutsideValues.at(included || OutsideValues.isGitlab(file.path()), here, at);
                CommandReading reading = CommandReading.at(isMakefile(file.fileName()), text, inv.offset(), here, at,
                        ci ? LiteralVariables.names(here) : java.util.Set.of());
                Optional<JobBuilder> job = PrefectCommandReport.report(file, inv, inv.text(text), where, null, pools,
                        known, outside, reading, sink);
                if (job.isEmpty()) {
                    // `prefect deploy -n NAME` / `--all`: linked to the prefect.yaml entries it deploys, then dropped
                    job = PrefectCommandReport.selection(file, inv, inv.text(text), where, known, reading);
                }
                Optional<Map.Entry<String, String>> poolSetting = defaultPool(file, ci || jobVariables != null, known,
                        text.substring(0, Math.min(inv.offset(), text.length())));
                job.ifPresent(b -> sink.job(PrefectCommandReport.withDefaultPool(b, inv, poolSetting).build()));
                Optional<String> prefectFile = inv.path().equals("deploy") ? inv.option("--prefect-file") : Optional.empty();
                if (prefectFile.isPresent()) {
                    int commandAt = file.lineStarts()[line.number() - 1] + (columnsKept ? inv.offset() : 0);
                    prefectFiles.refer(PrefectFileArgument.of(prefectFile.get(), file, commandAt, known,
                            LiteralVariables.names(here)), dirs == null ? List.of() : dirs.at(inv.offset()),
                            where, outside, sink);
                }
            }
        }
    }

    /**
     * {@code prefect deploy}'s default pool setting ({@link DefaultWorkPool}) in the command's environment: its own
     * prefix, else a CI pipeline's variables, else a variable the script or Makefile sets above it and exports.
     */
    private static Optional<Map.Entry<String, String>> defaultPool(ScanFile file, boolean ci, Map<String, String> known,
                                                                   String before) {
        Optional<Map.Entry<String, String>> own = DefaultWorkPool.prefix(before);
        if (own.isPresent()) {
            return own;
        }
        Map<String, String> env = new java.util.HashMap<>();
        known.forEach((k, v) -> {
            String name = k.startsWith(LiteralVariables.EXPANDED_BY_FILE) ? k.substring(1) : k; // a Makefile's
            if (DefaultWorkPool.isSetting(name) && (ci || DefaultWorkPool.exported(file.text(), name))) {
                env.put(name, v);
            }
        });
        return DefaultWorkPool.in(env);
    }

        /** A Makefile, whose recipe lines may read files into their shells ({@code . scripts/env.sh && ...}). */
    private static boolean isMakefile(String n) {
        return n.equals("Makefile") || n.equals("GNUmakefile") || n.endsWith(".mk");
    }

    /** The variable assignments of a script, a Makefile or a pipeline, whose literal values its commands may read. */
    private List<LiteralVariables.Assignment> assignments(ScanFile file, boolean ci) {
        String n = file.fileName();
        if (ci) {
            return LiteralVariables.ci(file.path(), file.text());
        }
        if (n.equals("Jenkinsfile") || n.startsWith("Jenkinsfile.") || n.endsWith(".jenkinsfile")) {
            return LiteralVariables.jenkins(file.text());
        }
        if (isMakefile(n)) {
            return LiteralVariables.make(file.path(), file.text(), sourceable::get);
        }
        if (isJustfile(n)) {
            return LiteralVariables.just(file.path(), file.text(), sourceable::get);
        }
        return ShellScripts.isShellScript(n, file.text()) ? LiteralVariables.shell(file.path(), file.text(), sourceable::get)
                : List.of();
    }

    /** The typed work pools the file creates, wherever in it (a pool is often created after the agent's unit is written). */
    static CreatedPools createdPools(ScanFile file, List<LogicalLine> lines, java.util.Set<Integer> unitLines) {
        List<CreatedPools.Located> calls = new ArrayList<>();
        for (LogicalLine line : lines) {
            if (line.text().contains("work-pool") && !line.text().strip().startsWith("#") && !unitLines.contains(line.number())) {
                for (PrefectInvocation inv : PrefectInvocation.find(line.text())) {
                    calls.add(new CreatedPools.Located(inv, SourceRef.at(file.path(), line.number(), line.column() + inv.offset())));
                }
            }
        }
        return CreatedPools.of(calls);
    }

    @Override
    public void finish(InventorySink sink) {
        // in path order, so that job ids and findings do not depend on the order threads read the files in
        readingOthers.sort(java.util.Comparator.comparing(ScanFile::path));
        Map<String, List<String>> included = GitlabIncludes.includedFiles(gitlabPipelines, this::repositoryText);
        // a file a pipeline includes runs in that pipeline only: read through it (readIncluded), never on its own
        readingOthers.stream().filter(f -> !included.containsKey(f.path())).forEach(f -> read(f, sink));
        readIncluded(included, sink);
        composeVariables.finish(sink);
        prefectFiles.finish(sink);
    }

    /**
     * The local files the GitLab pipelines include ({@code ci/deploy.yml}, {@code .gitlab/ci/deploy.yml}), read as CI
     * files of their pipeline ({@link GitlabIncludes#includedFiles}): their jobs run as the pipeline's, with its
     * variables and from where its jobs leave the directory, as the rewrite edits them. Each once, in path order,
     * whichever pipelines include it; a file nothing includes is no CI file (or, under {@code .gitlab/}, a pipeline of
     * its own, read as one).
     */
    private void readIncluded(Map<String, List<String>> included, InventorySink sink) {
        included.forEach((p, pipeline) -> {
            String text = repositoryText(p);
            if (text != null) {
                read(new ScanFile(p, text), pipeline, sink);
            }
        });
    }

    /**
     * The deployment files of names other than prefect.yaml that the files read name with {@code prefect deploy
     * --prefect-file}, found as {@link #finish} found them (none before it ran): the rewrite edits them as prefect.yaml.
     */
    public java.util.Set<String> namedPrefectFiles() {
        return prefectFiles.read();
    }

    /** {@code CMD ["prefect", "agent", "start"]} as the shell line it stands for. */
    static String execFormToShell(String line) {
        Matcher m = DOCKER_EXEC.matcher(line);
        if (!m.find()) {
            return line;
        }
        try {
            List<String> words = new ArrayList<>();
            JSON.readTree(m.group(1)).forEach(n -> words.add(n.asText()));
            return String.join(" ", words.stream().map(w -> w.matches(".*[\\s\"'].*") ? "'" + w + "'" : w).toList());
        } catch (java.io.IOException e) {
            return line;
        }
    }

    /**
     * The logical lines of the file at {@code path}: backslash continuations joined, and in a CI pipeline the lines of
     * a folded block scalar ({@code run: >}) too, which YAML hands to the shell as one line.
     */
    static List<LogicalLine> logicalLines(String path, String text) {
        List<LogicalLine> lines = logicalLines(text);
        return isCiYaml(path) ? FoldedScalars.join(lines) : lines;
    }

    /** Joins lines ending in a backslash; each logical line keeps the number and indent of its first line. */
    static List<LogicalLine> logicalLines(String text) {
        List<LogicalLine> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        StringBuilder cur = null;
        int startLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (cur == null) {
                cur = new StringBuilder();
                startLine = i + 1;
            }
            boolean continued = l.endsWith("\\") && !l.strip().startsWith("#");
            String part = cur.length() == 0 ? l : l.stripLeading();
            cur.append(continued ? part.substring(0, part.length() - 1).stripTrailing() + " " : part);
            if (!continued) {
                out.add(new LogicalLine(startLine, 1, cur.toString()));
                cur = null;
            }
        }
        if (cur != null) {
            out.add(new LogicalLine(startLine, 1, cur.toString()));
        }
        return out;
    }
}
