package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where the lines of a file run, read in order line by line, for a reader that goes through the file once (the command
 * line detector): a {@link WorkingDirectory} moved by its {@code cd}s and started again wherever {@link CiShells} says a
 * new shell starts. A file several GitLab pipelines include runs in each of them, and each pipeline's jobs may start it
 * elsewhere (a {@code default: before_script: - cd flows} of one pipeline): it is read once per pipeline, and a
 * command's directory is the one they all give, else none the tree can say, as {@link CommandDirectory#ofPipelines}
 * answers for one command.
 */
final class ShellDirectories {
    /** Each reading's shells and where its shell is now, one per pipeline that runs the file (one for any other file). */
    private final List<CiShells> shells;
    private final List<WorkingDirectory> current;

    /** {@code start} makes where a reading starts: each its own, since reading a line moves it. */
    private ShellDirectories(List<CiShells> shells, java.util.function.Supplier<WorkingDirectory> start) {
        this.shells = shells;
        this.current = new ArrayList<>(shells.stream().map(s -> start.get()).toList());
    }

    /** The file at {@code path} read on its own (a script, a pipeline with the files it includes, a workflow). */
    static ShellDirectories of(String path, String text, boolean ci, Function<String, String> files) {
        return new ShellDirectories(List.of(CiShells.of(path, text, files)), () -> WorkingDirectory.of(path, ci));
    }

    /**
     * A file GitLab pipelines include ({@link GitlabIncludes#includedFiles}): {@code pipeline} the texts of its
     * pipeline's other files, its own first, read with every including pipeline's
     * ({@link GitlabIncludes.PipelineTexts#all}) when it knows them.
     */
    static ShellDirectories ofIncluded(String path, String text, List<String> pipeline) {
        List<List<String>> each = pipeline instanceof GitlabIncludes.PipelineTexts several ? several.all()
                : List.of(pipeline);
        return new ShellDirectories(each.stream().map(p -> CiShells.ofIncluded(text, List.copyOf(p))).toList(),
                () -> WorkingDirectory.of(path, true));
    }

    /** Line {@code number} (1-based) is read next: a reading whose shell starts there starts it in its own directory. */
    void advance(int number) {
        for (int i = 0; i < shells.size(); i++) {
            current.set(i, shells.get(i).at(number, current.get(i)));
        }
    }

    /** The directories of the line {@code text}, read where each reading's shell is (its {@code cd}s move them on). */
    Line read(String text) {
        List<WorkingDirectory.Line> out = new ArrayList<>();
        current.forEach(cwd -> out.add(cwd.read(text)));
        return new Line(out);
    }

    /** One line as each reading reads it. */
    record Line(List<WorkingDirectory.Line> each) {
        /**
         * The tree directories a command at {@code offset} of the line runs in, most likely first: those every
         * reading gives; empty where they differ (or the tree cannot say).
         */
        List<String> at(int offset) {
            List<String> first = each.get(0).at(offset);
            return each.stream().allMatch(l -> l.at(offset).equals(first)) ? first : List.of();
        }
    }
}
