package dev.migrate.recipes.engine;

import dev.migrate.recipes.MigrationNotes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.openrewrite.jgit.diff.Edit;
import org.openrewrite.jgit.diff.EditList;
import org.openrewrite.jgit.diff.MyersDiff;
import org.openrewrite.jgit.diff.Sequence;
import org.openrewrite.jgit.diff.SequenceComparator;

/**
 * Moves each note's line from the text its recipe counted it in to the rewritten file: recipes that ran later
 * may have added or removed lines above it (an import, a TODO comment, a replaced block). The two texts are
 * diffed by line (with jgit, which OpenRewrite already ships for its own diffs): a line outside the changes
 * moves with them, and a line inside a replaced block goes to the block's line most like it.
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
    private final Map<String, Map<String, Diff>> diffs = new HashMap<>();

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
        Diff diff = diffs.computeIfAbsent(row.sourcePath(), k -> new IdentityHashMap<>())
                .computeIfAbsent(notedIn, t -> sameText(t, now.text) ? new Diff(now, now)
                        : new Diff(new Lines(t.toCharArray()), now));
        int line = diff.moved(row.line());
        return line == row.line() ? row
                : new MigrationNotes.Row(row.sourcePath(), line, row.recipe(), row.manual(), row.message(), row.code());
    }

    /** Whether {@code a} holds exactly the characters of {@code b} (the last recipe's notes are counted in the result). */
    private static boolean sameText(String a, char[] b) {
        if (a.length() != b.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (a.charAt(i) != b[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The line edits from one text to another: jgit's Myers diff, whose common lines are as many as can be (a
     * histogram diff may anchor on a blank line and leave a moved import and the rewritten statement in one
     * replaced block).
     */
    static final class Diff {
        private final Lines was;
        private final Lines now;
        private final EditList edits;

        Diff(Lines was, Lines now) {
            this.was = was;
            this.now = now;
            this.edits = was == now || Arrays.equals(was.text, now.text) ? new EditList() : MyersDiff.INSTANCE.diff(SAME_LINE, was, now);
        }

        /**
         * Where 1-based {@code line} of the old text is in the new one: moved with the lines around it, or, inside
         * a replaced block, the block's new line most like it (the rewritten statement rather than an added import).
         */
        int moved(int line) {
            int index = line - 1;
            int shift = 0;
            for (Edit e : edits) {
                if (index < e.getBeginA()) {
                    break;
                }
                if (index < e.getEndA()) {
                    return likest(index, e.getBeginA(), e.getEndA(), e.getBeginB(), e.getEndB()) + 1;
                }
                shift = e.getEndB() - e.getEndA();
            }
            return line + shift;
        }

        /**
         * The new line in [from, to) sharing most words with old line {@code index} of the block starting at
         * {@code begin}; of equals, the one nearest the old line's place in the block (a block of similar commands
         * keeps its order). Comment lines (the TODOs recipes add) are passed over, unless one is the old line
         * commented out. {@code from} when none shares any word.
         */
        private int likest(int index, int begin, int end, int from, int to) {
            Set<String> words = was.words(index);
            int same = from + index - begin;
            if (end - begin == to - from && !now.isComment(same) && sharesAWord(words, same)) {
                return same; // rewritten line for line: a line more like a neighbour's still stays in its place
            }
            double expected = from + (index - begin) * (double) (to - from) / (end - begin);
            int best = from;
            int bestCommon = 0;
            String line = was.line(index).strip();
            for (int i = from; i < to && !words.isEmpty(); i++) {
                if (now.isComment(i)) {
                    if (now.line(i).strip().substring(1).strip().equals(line)) {
                        return i; // the old line, commented out
                    }
                    continue; // a TODO or other comment a recipe added
                }
                int common = 0;
                for (String w : now.words(i)) {
                    if (words.contains(w)) {
                        common++;
                    }
                }
                if (common > bestCommon || common == bestCommon && common > 0
                        && Math.abs(i - expected) < Math.abs(best - expected)) {
                    best = i;
                    bestCommon = common;
                }
            }
            return best;
        }

        private boolean sharesAWord(Set<String> words, int i) {
            for (String w : now.words(i)) {
                if (words.contains(w)) {
                    return true;
                }
            }
            return false;
        }
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

        /** Whether line {@code i} holds a comment only. */
        boolean isComment(int i) {
            for (int k = starts[i]; k < starts[i + 1]; k++) {
                if (!Character.isWhitespace(text[k])) {
                    return text[k] == '#';
                }
            }
            return false;
        }

        String line(int i) {
            return new String(text, starts[i], starts[i + 1] - starts[i]);
        }

        /** The words (letters, digits, underscores) of line {@code i}. */
        Set<String> words(int i) {
            Set<String> out = new HashSet<>();
            int start = -1;
            for (int k = starts[i]; k <= starts[i + 1]; k++) {
                boolean word = k < starts[i + 1] && (Character.isLetterOrDigit(text[k]) || text[k] == '_');
                if (word && start < 0) {
                    start = k;
                } else if (!word && start >= 0) {
                    out.add(new String(text, start, k - start));
                    start = -1;
                }
            }
            return out;
        }
    }
}
