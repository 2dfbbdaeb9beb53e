package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.sources.systemd.EmbeddedUnits;
import dev.migrate.analyzers.sources.systemd.SystemdDetector;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
     */
    static Optional<CommandDirectory> of(ScanFile file, SourceRef where) {
        return of(file, where, p -> null);
    }

    /**
     * As {@link #of(ScanFile, SourceRef)}, with the texts of other repository files ({@code files}, null for one not
     * known): a GitLab pipeline's jobs extend templates of the files it includes.
     */
    public static Optional<CommandDirectory> of(ScanFile file, SourceRef where,
                                                java.util.function.Function<String, String> files) {
        String n = file.fileName();
        // a file the pipeline includes (ci/deploy.yml, .gitlab/ci/deploy.yml): its jobs are the pipeline's
        List<String> pipeline = GitlabIncludes.rootPipelineOf(file.path(), files);
        boolean ci = pipeline != null || PrefectCliLineDetector.isCiYaml(file.path());
        boolean jenkins = n.startsWith("Jenkinsfile");
        if (!ci && !jenkins && !PrefectCliLineDetector.isScript(file) || n.equals("Procfile")) {
            return Optional.empty();
        }
        WorkingDirectory cwd = WorkingDirectory.of(file.path(), ci);
        Set<Integer> unitLines = SystemdDetector.readsUnitsWrittenBy(file) ? EmbeddedUnits.unitTextLines(file.text()) : Set.of();
        CiShells shells = pipeline != null ? CiShells.ofIncluded(file.text(), pipeline) : CiShells.of(file.path(), file.text(), files);
        boolean outsideTree = false; // a step whose working-directory the tree cannot hold, nor name as a path
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
            // a GitHub Actions step, a GitLab job: a new shell, in its own directory, that no earlier cd moved
            Optional<CiShells.Start> shell = shells.startsAt(line.number());
            if (shell.isPresent()) {
                outsideTree = shell.get().directory() == null && shell.get().absolute() == null;
                cwd = shells.shell(shell.get());
            }
            String text = line.text();
            if (text.strip().startsWith("#") || unitLines.contains(line.number())
                    || stepTexts != null && stepTexts[line.number() - 1] == null) {
                continue;
            }
            WorkingDirectory.Line dirs = cwd.read(text);
            if (line.number() == where.line()) {
                int offset = Math.max(0, where.column() - line.column());
                List<String> at = outsideTree ? List.of() : dirs.at(offset);
                return Optional.of(new CommandDirectory(at, at.isEmpty() ? dirs.absoluteAt(offset) : null));
            }
        }
        return Optional.empty(); // the command is not where the job says: nothing is known
    }
}
