package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.CommandReading;
import dev.migrate.analyzers.sources.config.LiteralVariables;
import dev.migrate.analyzers.sources.config.OutsideValues;
import dev.migrate.analyzers.sources.config.PrefectInvocation;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.prefectcli.BuiltDeploymentFiles;
import dev.migrate.recipes.prefectcli.CliOptions;
import dev.migrate.recipes.prefectcli.PoolTypeConflicts;
import dev.migrate.recipes.prefectcli.ShellRewrite;
import dev.migrate.recipes.prefectcli.TypedPoolsCreated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates the Prefect commands of the shell segments of one text (a script's lines, a Makefile recipe, a CI
 * step's {@code run:}) and says what a reviewer must know, each note at the offset of its command. A
 * {@code prefect deployment apply} of files that builds above wrote is commented out: the {@code prefect deploy}
 * replacing the build registers the deployment itself.
 */
public final class ShellSegments {
    public static final String APPLY_OF_BUILD = "PF202: commented out: it applied the file the `prefect deployment build` "
            + "above wrote; the `prefect deploy` that replaces the build registers the deployment itself (translated "
            + "alone it would be `prefect deploy --all`, which deploys whatever prefect.yaml is there)";

    /** A note on the command at {@code offset} of the text. */
    public record Note(int offset, boolean manual, String message) {
    }

    /**
     * @param created the work pools the translated commands ask to create, each at the offset of its command, in the
     *                order of the text (what {@link PoolTypeConflicts} compares across a file's texts)
     */
    public record Result(String text, List<Note> notes, List<PoolTypeConflicts.Created<Integer>> created) {
    }

    /** The translation of one segment ({@code text}, at {@code where}), with the options of its place. */
    @FunctionalInterface
    public interface Rewrite {
        ShellRewrite apply(Segment where, String text, CliOptions options);
    }

    private ShellSegments() {
    }

    /**
     * @param built       the files written by builds before this text; the text's own builds are added
     * @param commentsOut whether the command of a segment can be commented out with {@code #} where it stands
     * @param options     the options of the translation; its files applied later are those applied after this text
     * @param rewrite     the translation of one segment, with options naming the files applied after it
     */
    public static Result translate(String text, List<Segment> segments, Set<String> built,
                                   java.util.function.Predicate<Segment> commentsOut,
                                   CliOptions options, Rewrite rewrite,
                                   boolean unsafeAllowed) {
        return translate(text, segments, built, commentsOut, options, rewrite, unsafeAllowed, List.of());
    }

    /**
     * @param assignments the variable assignments of the text ({@link LiteralVariables}): each segment's commands
     *                    read the variables known where it starts, besides those of {@code options}
     */
    public static Result translate(String text, List<Segment> segments, Set<String> built,
                                   java.util.function.Predicate<Segment> commentsOut,
                                   CliOptions options, Rewrite rewrite,
                                   boolean unsafeAllowed, List<LiteralVariables.Assignment> assignments) {
        return translate(text, segments, built, commentsOut, options, rewrite, unsafeAllowed, assignments, false, Set.of());
    }

    /**
     * @param make      whether the text is a Makefile's, which make expands before the shell ({@link CommandReading})
     * @param setAround the variables what holds the text sets for it (a pipeline's {@code env:} for a step's shell)
     */
    public static Result translate(String text, List<Segment> segments, Set<String> built,
                                   java.util.function.Predicate<Segment> commentsOut,
                                   CliOptions options, Rewrite rewrite,
                                   boolean unsafeAllowed, List<LiteralVariables.Assignment> assignments,
                                   boolean make, Set<String> setAround) {
        List<Set<String>> builtBefore = new ArrayList<>();
        List<Map<String, String>> typedBefore = new ArrayList<>();
        Map<String, String> typed = new HashMap<>(options.typedPools());
        for (Segment s : segments) {
            builtBefore.add(Set.copyOf(built));
            typedBefore.add(Map.copyOf(typed));
            built.addAll(BuiltDeploymentFiles.writtenBy(text.substring(s.start(), s.end())));
            typed.putAll(TypedPoolsCreated.in(text.substring(s.start(), s.end())));
        }
        List<Note> notes = new ArrayList<>();
        List<PoolTypeConflicts.Created<Integer>> created = new ArrayList<>();
        StringBuilder out = new StringBuilder(text);
        Set<String> appliedAfter = new HashSet<>(options.appliedLater());
        for (int i = segments.size() - 1; i >= 0; i--) {
            Segment s = segments.get(i);
            String segment = text.substring(s.start(), s.end());
            // a statement may start lines above its prefect command (a quoted string, a continuation)
            int at = text.indexOf("prefect", s.start());
            int offset = at >= 0 && at < s.end() ? at : s.start();
            // the variables known at the command: `INFRA=x && prefect ... $INFRA` sets one earlier on its line
            // (`cd prefect-flows && INFRA=x && prefect ...`: at the command, not at the first word "prefect")
            int command = PrefectInvocation.find(segment).stream().mapToInt(inv -> s.start() + inv.offset()).findFirst()
                    .orElse(offset);
            ShellRewrite r = commentsOut.test(s) && BuiltDeploymentFiles.appliesOnly(segment, builtBefore.get(i))
                    ? new ShellRewrite(commentedOut(segment), List.of(APPLY_OF_BUILD), true, false)
                    : rewrite.apply(s, segment, options.withAppliedLater(appliedAfter).withTypedPools(typedBefore.get(i))
                            .withVariables(variablesAt(options, assignments, command))
                            .withOutside(assignments.isEmpty() ? options.outside()
                                    : OutsideValues.at(options.outside().gitlab(), assignments, command)));
            appliedAfter.addAll(BuiltDeploymentFiles.appliedBy(segment));
            // a word that does not read what it seems to (make's $INFRA, INFRA=x prefect ... $INFRA): said whatever
            // the translation did with it, as it ran so under Prefect 2 too
            List<String> misread = misreadWords(segment, s.start(), text, make, assignments, setAround);
            // A translation that had to drop flags or choose a pool changes behaviour: unsafe.
            misread.forEach(n -> notes.add(new Note(offset, true, n)));
            if (r.changed() && !r.notes().isEmpty() && !unsafeAllowed) {
                // the note carries the code of the command's own notes (PF101 for Prefect 1, PF201 for a build, ...)
                String code = MigrationNotes.codeOf(r.notes());
                notes.add(new Note(offset, true, (code == null ? "" : code + ": ")
                        + MigrationNotes.unsafeFixNotApplied(oneLine(r.text()))));
                continue;
            }
            r.notes().forEach(n -> notes.add(new Note(offset, r.manual(), n)));
            // segments are translated from the last: each one's pools go before those of the segments after it
            created.addAll(0, r.creates().stream().map(p -> new PoolTypeConflicts.Created<>(p, offset)).toList());
            if (r.changed()) {
                out.replace(s.start(), s.end(), r.text());
            }
        }
        // a conflict is noted at the first command that names the pool
        for (PoolTypeConflicts.Conflict<Integer> conflict : PoolTypeConflicts.of(created)) {
            notes.add(new Note(conflict.first(), true, conflict.note()));
        }
        return new Result(out.toString(), notes, created);
    }

    /**
     * What to say of the values of the Prefect commands of a segment that do not read what they seem to
     * ({@link CommandReading}): a block's under its rule's code (PF205, PF206), another's as the command's own.
     */
    private static List<String> misreadWords(String segment, int segmentStart, String text, boolean make,
                                             List<LiteralVariables.Assignment> assignments, Set<String> setAround) {
        List<String> out = new ArrayList<>();
        for (PrefectInvocation inv : PrefectInvocation.find(segment)) {
            CommandReading reading = CommandReading.at(make, segment, inv.offset(), assignments,
                    segmentStart + inv.offset(), setAround);
            List<String> args = inv.args();
            for (int i = 1; i < args.size(); i++) {
                String flag = args.get(i - 1);
                String word = args.get(i);
                if (!flag.startsWith("-") || word.startsWith("-")) {
                    continue;
                }
                String code = BLOCK_FLAGS.getOrDefault(flag, null);
                reading.note(word).ifPresent(n -> out.add((code == null ? "" : code + ": ") + "`" + flag + " " + word
                        + "`: " + n));
            }
        }
        return out;
    }

    /** The options that name a block, with the rule that reports the block. */
    private static final Map<String, String> BLOCK_FLAGS = Map.of("-ib", "PF205", "--infra-block", "PF205", "-i", "PF205",
            "--infra", "PF205", "-sb", "PF206", "--storage-block", "PF206");

    private static Map<String, String> variablesAt(CliOptions options, List<LiteralVariables.Assignment> assignments, int offset) {
        if (assignments.isEmpty()) {
            return options.variables();
        }
        Map<String, String> known = new HashMap<>(options.variables());
        known.putAll(LiteralVariables.known(assignments, offset));
        return known;
    }

    /** The segment behind a {@code #} placed after its indentation, which stays where it was. */
    private static String commentedOut(String segment) {
        int indent = segment.length() - segment.stripLeading().length();
        return segment.substring(0, indent) + "# " + segment.substring(indent);
    }

    /** A command continued over several lines, as one line for a note. */
    private static String oneLine(String command) {
        return command.strip().replaceAll("[ \\t]*\\\\?\\r?\\n\\s*", " ");
    }
}
