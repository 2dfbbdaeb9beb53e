package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.sources.systemd.EmbeddedUnits;
import dev.migrate.analyzers.sources.systemd.SystemdDetector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where a command the command line detector found runs, read again from its file once the whole tree was scanned: a
 * pass that looks for a file the command writes ({@code prefect deployment build} writes its YAML in its working
 * directory) asks here. The directories are {@link WorkingDirectory}'s, replayed over the file's lines as the
 * detector read them, up to the command, each GitHub Actions step and GitLab job a shell of its own
 * ({@link CiShells}: a step starts in its {@code working-directory:}, an earlier step's {@code cd} does not carry).
 * A {@code cd} to an absolute directory outside any checkout ({@code cd /srv/app/flows}) is outside what the tree
 * can place: the directories are none and {@link WorkingDirectory} keeps its literal path, for a caller that has the
 * file's own word for where it was written.
 *
 * <p>Public for the rewrite, which asks where a command it writes will run, so that it reads the prefect.yaml there as
 * the scan does.
 *
 * @param directories the tree directories ("" is the root), most likely first; empty when the tree cannot say
 * @param absolute    the literal absolute directory the command runs in, when the directories are empty for that
 *                    reason alone; else null
 */
public record CommandDirectory(List<String> directories, String absolute) {

    /**
     * Where the command at {@code where} in {@code file} runs; empty for a file whose lines the detector reads other
     * than as shell lines (a Dockerfile's commands run in the image, a Procfile's process in its container).
     * {@code scanned} are the files the scan read, by path: a GitLab pipeline among them ({@code .gitlab-ci.yml},
     * {@code deploy.gitlab-ci.yml}, one under {@code .gitlab/}) may include the file, whose jobs then run as that
     * pipeline's ({@link GitlabIncludes#includedFiles}), and may extend templates of the files it includes.
     */
    static Optional<CommandDirectory> of(ScanFile file, SourceRef where, Map<String, ScanFile> scanned) {
        return of(file, where, scanned, p -> scanned.containsKey(p) ? scanned.get(p).text() : null);
    }

    /**
     * As {@link #of(ScanFile, SourceRef, Map)}, with the texts of other repository files ({@code files}, null for one
     * not known), such as a template file the scan did not read.
     */
    static Optional<CommandDirectory> of(ScanFile file, SourceRef where, Map<String, ScanFile> scanned,
                                         Function<String, String> files) {
        Map<String, String> pipelines = new TreeMap<>();
        scanned.forEach((p, f) -> {
            if (GitlabPipelines.isPipeline(p)) {
                pipelines.put(p, f.text());
            }
        });
        Function<String, String> texts = p -> scanned.containsKey(p) ? scanned.get(p).text() : files.apply(p);
        return ofPipelines(file, where, pipelines, texts);
    }

    /**
     * Where the command at {@code where} in {@code file} runs, knowing every GitLab pipeline of the tree
     * ({@code pipelines}, texts by path: those that include local files are the ones that matter) and the texts of
     * other repository files ({@code files}, null for one not known). A file several pipelines include runs in each:
     * where they all leave the command, or, where they differ, nowhere the tree can say (empty directories), rather
     * than where one of them does. The rewrite asks here, as the scan does.
     */
    public static Optional<CommandDirectory> ofPipelines(ScanFile file, SourceRef where, Map<String, String> pipelines,
                                                         Function<String, String> files) {
        Function<String, String> texts = p -> pipelines.containsKey(p) ? pipelines.get(p) : files == null ? null : files.apply(p);
        List<String> pipeline = pipelines.isEmpty() ? null : GitlabIncludes.includedFiles(pipelines, texts).get(file.path());
        return of(file, where, texts, pipeline);
    }

    /**
     * As {@link #of(ScanFile, SourceRef, Map)}, knowing of the repository's own pipeline alone (the root
     * {@code .gitlab-ci.yml}, GitLab's default) and the texts of other repository files ({@code files}, null for one
     * not known). A file that other pipelines include too is read as the root's alone: a caller that knows the tree's
     * pipelines asks {@link #ofPipelines}.
     */
    public static Optional<CommandDirectory> of(ScanFile file, SourceRef where, Function<String, String> files) {
        return of(file, where, files, GitlabIncludes.rootPipelineOf(file.path(), files));
    }

    /**
     * {@code pipeline}: for a file a GitLab pipeline includes, the texts of its other files (its own first), with those
     * of every including pipeline ({@link GitlabIncludes.PipelineTexts#all}); else null. Read once, in each pipeline's
     * shells together ({@link ShellDirectories}): one answer where all give it, else none the tree can say.
     */
    private static Optional<CommandDirectory> of(ScanFile file, SourceRef where, Function<String, String> files,
                                                 List<String> pipeline) {
        String n = file.fileName();
        // a file a pipeline includes (ci/deploy.yml, .gitlab/ci/deploy.yml): its jobs are the pipeline's
        boolean ci = pipeline != null || PrefectCliLineDetector.isCiYaml(file.path());
        boolean jenkins = n.startsWith("Jenkinsfile");
        if (!ci && !jenkins && !PrefectCliLineDetector.isScript(file) || n.equals("Procfile")) {
            return Optional.empty();
        }
        Set<Integer> unitLines = SystemdDetector.readsUnitsWrittenBy(file) ? EmbeddedUnits.unitTextLines(file.text()) : Set.of();
        // a GitHub Actions step, a GitLab job: a new shell, in its own directory, that no earlier cd moved
        ShellDirectories shells = pipeline != null ? ShellDirectories.ofIncluded(file.path(), file.text(), pipeline)
                : ShellDirectories.of(file.path(), file.text(), ci, files);
        // a Jenkinsfile's commands are its steps' strings at their own columns (JenkinsShSteps), as the detector
        // read them, so a column it gives (after an escaped quote) is the same column here; its Groovy is no command
        String[] stepTexts = jenkins ? JenkinsShSteps.commandTexts(file.text()) : null;
        String read = jenkins ? JenkinsShSteps.withCommandTexts(file.text(), stepTexts) : file.text();
        List<PrefectCliLineDetector.LogicalLine> lines = pipeline != null
                ? FoldedScalars.join(PrefectCliLineDetector.logicalLines(read)) // as the detector reads an included file
                : PrefectCliLineDetector.logicalLines(file.path(), read);
        for (PrefectCliLineDetector.LogicalLine line : lines) {
            if (line.number() > where.line()) {
                break;
            }
            shells.advance(line.number());
            String text = line.text();
            if (text.strip().startsWith("#") || unitLines.contains(line.number())
                    || stepTexts != null && stepTexts[line.number() - 1] == null) {
                continue;
            }
            ShellDirectories.Line dirs = shells.read(text);
            if (line.number() == where.line()) {
                ShellDirectories.Placed placed = dirs.placed(Math.max(0, where.column() - line.column()));
                return Optional.of(new CommandDirectory(placed.directories(), placed.absolute()));
            }
        }
        return Optional.empty(); // the command is not where the job says: nothing is known
    }
}
