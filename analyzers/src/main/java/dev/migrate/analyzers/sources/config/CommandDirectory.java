package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.sources.systemd.EmbeddedUnits;
import dev.migrate.analyzers.sources.systemd.SystemdDetector;
import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.ShellToken;
import dev.migrate.rewriters.shell.SimpleCommand;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a command the command line detector found runs, read again from its file once the whole tree was scanned: a
 * pass that looks for a file the command writes ({@code prefect deployment build} writes its YAML in its working
 * directory) asks here. The directories are {@link WorkingDirectory}'s, replayed over the file's lines as the
 * detector read them, up to the command, each GitHub Actions step and GitLab job a shell of its own
 * ({@link CiShells}: a step starts in its {@code working-directory:}, an earlier step's {@code cd} does not carry). A
 * {@code cd} to an absolute directory ({@code cd /srv/app/flows}) is outside
 * what the tree can place, so {@link WorkingDirectory} knows no directory there; its literal path is kept beside, for
 * a caller that has the file's own word for where it was written.
 *
 * @param directories the tree directories ("" is the root), most likely first; empty when the tree cannot say
 * @param absolute    the literal absolute directory a {@code cd} moved to, when the directories are empty for that
 *                    reason alone; else null
 */
record CommandDirectory(List<String> directories, String absolute) {

    /**
     * Where the command at {@code where} in {@code file} runs; empty for a file whose lines the detector reads other
     * than as shell lines (a Dockerfile's commands run in the image, a Jenkins step's text is inside quotes).
     */
    static Optional<CommandDirectory> of(ScanFile file, SourceRef where) {
        String n = file.fileName();
        boolean ci = PrefectCliLineDetector.isCiYaml(file.path());
        if (!ci && !PrefectCliLineDetector.isScript(file) || n.startsWith("Jenkinsfile") || n.equals("Procfile")) {
            return Optional.empty();
        }
        WorkingDirectory cwd = WorkingDirectory.of(file.path(), ci);
        // make and just run each recipe line in a shell of its own; a script's and a CI job's cd carries on
        boolean persists = ci || !(n.equals("Makefile") || n.equals("GNUmakefile") || n.endsWith(".mk")
                || PrefectCliLineDetector.isJustfile(n));
        Set<Integer> unitLines = SystemdDetector.readsUnitsWrittenBy(file) ? EmbeddedUnits.unitTextLines(file.text()) : Set.of();
        CiShells shells = CiShells.of(file.path(), file.text());
        String absolute = null;
        boolean outsideTree = false; // a step whose working-directory the tree cannot hold
        for (PrefectCliLineDetector.LogicalLine line : PrefectCliLineDetector.logicalLines(file.path(), file.text())) {
            if (line.number() > where.line()) {
                break;
            }
            // a GitHub Actions step, a GitLab job: a new shell, in its own directory, that no earlier cd moved
            Optional<CiShells.Start> shell = shells.startsAt(line.number());
            if (shell.isPresent()) {
                outsideTree = shell.get().directory() == null;
                cwd = WorkingDirectory.startingIn(outsideTree ? "" : shell.get().directory(), true);
                absolute = shell.get().absolute();
            }
            String text = line.text();
            if (text.strip().startsWith("#") || unitLines.contains(line.number())) {
                continue;
            }
            WorkingDirectory.Line dirs = cwd.read(text);
            boolean commandLine = line.number() == where.line();
            int offset = commandLine ? Math.max(0, where.column() - line.column()) : Integer.MAX_VALUE;
            String lineAbsolute = persists ? absolute : null;
            for (SimpleCommand c : ShellLine.parse(text).commands()) {
                if (c.end() > offset) {
                    break;
                }
                lineAbsolute = moved(lineAbsolute, c);
            }
            if (commandLine) {
                List<String> at = outsideTree ? List.of() : dirs.at(offset);
                return Optional.of(new CommandDirectory(at, at.isEmpty() ? lineAbsolute : null));
            }
            if (persists && !text.strip().startsWith("(")) {
                absolute = lineAbsolute;
            }
        }
        return Optional.empty(); // the command is not where the job says: nothing is known
    }

    /**
     * The absolute directory after {@code c}: a literal {@code cd /srv/app} sets it, a relative {@code cd flows} moves
     * it, and any other {@code cd} (a variable, {@code ..} above it, {@code popd}) makes it unknown.
     */
    private static String moved(String absolute, SimpleCommand c) {
        List<ShellToken> words = c.words();
        if (words.isEmpty()) {
            return absolute;
        }
        String command = words.get(0).value();
        if (command.equals("popd")) {
            return null;
        }
        if (!command.equals("cd") && !command.equals("pushd")) {
            return absolute;
        }
        String target = words.stream().skip(1).map(ShellToken::value).filter(w -> !w.startsWith("-")).findFirst()
                .orElse(null);
        if (target == null || target.contains("$") || target.contains("`") || target.startsWith("~")) {
            return null;
        }
        if (target.startsWith("/")) {
            return WorkingDirectory.normalize("", target).map(d -> "/" + d).orElse(null);
        }
        return absolute == null ? null
                : WorkingDirectory.normalize(absolute.substring(1), target).map(d -> "/" + d).orElse(null);
    }
}
