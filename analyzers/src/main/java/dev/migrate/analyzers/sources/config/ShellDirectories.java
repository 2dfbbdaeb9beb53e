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
    /** Per reading, whether its shell started where the tree can neither hold nor name ({@code working-directory: $X}). */
    private final List<Boolean> unplaced;

    /** {@code start} makes where a reading starts: each its own, since reading a line moves it. */
    private ShellDirectories(List<CiShells> shells, java.util.function.Supplier<WorkingDirectory> start) {
        this.shells = shells;
        this.current = new ArrayList<>(shells.stream().map(s -> start.get()).toList());
        this.unplaced = new ArrayList<>(shells.stream().map(s -> false).toList());
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
            CiShells own = shells.get(i);
            int reading = i;
            own.startsAt(number).ifPresent(start -> {
                // a shell the tree cannot place starts in the root for a reader that needs a directory, and in none
                // for one that asks where a command is placed (placed)
                unplaced.set(reading, start.directory() == null && start.absolute() == null);
                current.set(reading, own.shell(start));
            });
        }
    }

    /** The directories of the line {@code text}, read where each reading's shell is (its {@code cd}s move them on). */
    Line read(String text) {
        List<WorkingDirectory.Line> out = new ArrayList<>();
        current.forEach(cwd -> out.add(cwd.read(text)));
        return new Line(out, List.copyOf(unplaced));
    }

    /**
     * Where a command runs, as {@link CommandDirectory} gives it: the tree directories, most likely first (empty when
     * the tree cannot say), else the literal absolute directory the tree cannot hold (null when none).
     */
    record Placed(List<String> directories, String absolute) {
    }

    /** One line as each reading reads it, and whether each reading's shell started where the tree cannot place it. */
    record Line(List<WorkingDirectory.Line> each, List<Boolean> unplaced) {
        /**
         * Where the command at {@code offset} of the line runs, placed as every reading places it: no directory for a
         * reading whose shell started where the tree cannot say; where the readings differ, none the tree can say.
         */
        Placed placed(int offset) {
            Placed first = null;
            for (int i = 0; i < each.size(); i++) {
                List<String> at = unplaced.get(i) ? List.of() : each.get(i).at(offset);
                Placed own = new Placed(at, at.isEmpty() ? each.get(i).absoluteAt(offset) : null);
                if (first == null) {
                    first = own;
                } else if (!first.equals(own)) {
                    return new Placed(List.of(), null);
                }
            }
            return first;
        }

        /**
         * The directories a command at {@code offset} of the line runs in, per place the readings give, each once in
         * the order of the readings (one where all agree): a file several pipelines include runs in each pipeline's.
         */
        List<List<String>> eachAt(int offset) {
            return each.stream().map(l -> l.at(offset)).distinct().toList();
        }

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
