package dev.migrate.recipes.engine;

import dev.migrate.recipes.MigrationNotes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.openrewrite.jgit.diff.Edit;
import org.openrewrite.jgit.diff.EditList;
import org.openrewrite.jgit.diff.HistogramDiff;
import org.openrewrite.jgit.diff.Sequence;
import org.openrewrite.jgit.diff.SequenceComparator;

/**
 * Moves each note's line from the text its recipe counted it in to the rewritten file: recipes that ran later
 * may have added or removed lines above it (an import, a TODO comment, a replaced block). The two texts are
 * diffed by line (jgit's histogram diff, which OpenRewrite already ships for its own diffs): a line outside
 * the changes moves with them, and a line inside a changed block goes to the block's first line in the result.
 */
final class NoteLines {
    /** Lines are equal when their characters are; hashes are compared first. */
    private static final SequenceComparator<Lines> SAME_LINE = new SequenceComparator<>() {
        @Override
        public boolean equals(Lines a, int i, Lines b, int j) {
            return a.hashes[i] == b.hashes[j] && Arrays.equals(a.text, a.starts[i], a.starts[i + 1], b.text, b.starts[j],
                    b.starts[j + 1]);
        }

        @Override
        public int hash(Lines s, int i) {
            return s.hashes[i];
        }
    };

    /** The rewritten text of each changed file, by path, split in lines. */
    private final Map<String, Lines> rewritten = new HashMap<>();
    /** Diffs already made, by file and by the (identical) noted-in text object. */
    private final Map<String, Map<String, EditList>> diffs = new HashMap<>();

    void rewritten(String path, char[] text) {
        rewritten.put(path, new Lines(text));
    }

    /**
     * {@code row} with its line in the rewritten file, when it was counted in another text of that file (which
     * {@code notedIn} gives; null when unknown).
     */
    MigrationNotes.Row place(MigrationNotes.Row row, Supplier<String> notedInText) {
        Lines now = rewritten.get(row.sourcePath());
        String notedIn = row.line() <= 0 || notedInText == null || now == null ? null : notedInText.get();
        if (notedIn == null) {
            return row;
        }
        EditList edits = diffs.computeIfAbsent(row.sourcePath(), k -> new IdentityHashMap<>())
                .computeIfAbsent(notedIn, t -> diff(t.toCharArray(), now));
        int line = moved(edits, row.line());
        return line == row.line() ? row
                : new MigrationNotes.Row(row.sourcePath(), line, row.recipe(), row.manual(), row.message(), row.code());
    }

    /** The line edits from {@code was} to {@code now} (none when the last recipes changed nothing after the note). */
    private static EditList diff(char[] was, Lines now) {
        return Arrays.equals(was, now.text) ? new EditList() : new HistogramDiff().diff(SAME_LINE, new Lines(was), now);
    }

    /** Where 1-based {@code line} of the old text is in the new one. */
    static int moved(EditList edits, int line) {
        int index = line - 1;
        int shift = 0;
        for (Edit e : edits) {
            if (index < e.getBeginA()) {
                break;
            }
            if (index < e.getEndA()) {
                return e.getBeginB() + 1;
            }
            shift = e.getEndB() - e.getEndA();
        }
        return line + shift;
    }

    /** A text's lines ("\n", "\r\n" and a lone "\r" end one, as notes count them), each with its hash. */
    static final class Lines extends Sequence {
        private final char[] text;
        /** Where each line starts, and the text's length last. */
        private final int[] starts;
        private final int[] hashes;

        Lines(char[] text) {
            this.text = text;
            int[] s = new int[16];
            int n = 1;
            for (int i = 0; i < text.length; i++) {
                char c = text[i];
                if (c == '\n' || c == '\r' && (i + 1 >= text.length || text[i + 1] != '\n')) {
                    if (n + 1 >= s.length) {
                        s = Arrays.copyOf(s, s.length * 2);
                    }
                    s[n++] = i + 1;
                }
            }
            s[n] = text.length;
            starts = Arrays.copyOf(s, n + 1);
            hashes = new int[n];
            for (int line = 0; line < n; line++) {
                int h = 0;
                for (int i = starts[line]; i < starts[line + 1]; i++) {
                    h = 31 * h + text[i];
                }
                hashes[line] = h;
            }
        }

        @Override
        public int size() {
            return hashes.length;
        }
    }
}
