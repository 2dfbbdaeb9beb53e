package dev.migrate.rewriters.python.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Up to 64 words searched for in a text in one pass, answering which of them occur (as substrings, exactly as
 * {@link String#contains} would). Immutable.
 *
 * <p>Why: every Python recipe first asks whether a file mentions one of its words, and with a dozen recipes the
 * same file was scanned once per word, to its end whenever the word was absent (most words are, in a file
 * that is no Prefect code). One pass answers all of them; {@link TreeIndex#mentions} keeps the answer per tree.
 */
public final class WordSet {
    /** The most words one set holds: the answer is a bit mask. */
    public static final int MAX_WORDS = 64;

    /** Cells of {@link #pairs}: a power of two, small enough to stay in the processor's first cache. */
    private static final int PAIR_CELLS = 4096;

    private final String[] words;
    /**
     * For each hashed pair of characters, the words (bits) of two or more characters that start with a pair of that
     * hash: most positions of a text start no word, and one lookup of the pair rules them all out (a word's first
     * character alone matches at nearly every position, since the words are mostly lower-case names).
     */
    private final long[] pairs = new long[PAIR_CELLS];
    /** For each character's low seven bits, the one-character words of that hash. */
    private final long[] singles = new long[128];
    /** The longest word's length: how far before a changed window an occurrence can start and still touch it. */
    private final int longest;

    private WordSet(String[] words) {
        this.words = words;
        int max = 0;
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            max = Math.max(max, word.length());
            if (word.length() == 1) {
                singles[word.charAt(0) & 127] |= 1L << w;
            } else {
                pairs[pair(word.charAt(0), word.charAt(1))] |= 1L << w;
            }
        }
        longest = max;
    }

    /** The cell of {@link #pairs} for a pair of characters (pairs that share one are told apart by a comparison). */
    private static int pair(char first, char second) {
        return (first * 31 + second) & (PAIR_CELLS - 1);
    }

    /** A set of non-empty words (at most {@link #MAX_WORDS}, no duplicates). */
    public static WordSet of(String... words) {
        if (words.length > MAX_WORDS) {
            throw new IllegalArgumentException(words.length + " words; a set holds at most " + MAX_WORDS);
        }
        for (int i = 0; i < words.length; i++) {
            if (words[i].isEmpty()) {
                throw new IllegalArgumentException("an empty word");
            }
            for (int j = 0; j < i; j++) {
                if (words[j].equals(words[i])) {
                    throw new IllegalArgumentException("word given twice: " + words[i]);
                }
            }
        }
        return new WordSet(words.clone());
    }

    /** The same words and {@code more} after them (words already held are not added again). */
    public WordSet with(String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(words));
        for (String w : more) {
            if (!all.contains(w)) {
                all.add(w);
            }
        }
        return of(all.toArray(String[]::new));
    }

    public int size() {
        return words.length;
    }

    /** The position of {@code word} in this set (its bit in {@link #find}'s answer), or -1. */
    public int indexOf(String word) {
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals(word)) {
                return i;
            }
        }
        return -1;
    }

    /** Bit {@code i} is set when word {@code i} occurs in {@code text}. */
    public long find(char[] text) {
        return scan(text, 0, 0).found();
    }

    /**
     * What one pass over {@code text} finds of the words not in {@code decided}, stopping at the first word of
     * {@code wanted} (every word, when {@code wanted} is 0): the words found up to there, and whether the pass
     * reached the end (then a word not found does not occur).
     */
    public Scan scan(char[] text, long wanted, long decided) {
        long found = 0;
        long all = words.length == 64 ? -1L : (1L << words.length) - 1;
        long open = all & ~decided;
        long[] byPair = pairs;
        long[] bySingle = singles;
        int last = text.length - 1;
        for (int at = 0; at <= last && found != open; at++) {
            char c = text[at];
            long candidates = bySingle[c & 127];
            if (at < last) {
                candidates |= byPair[pair(c, text[at + 1])];
            }
            candidates &= open & ~found;
            // in word order, as one word after another would be tried
            while (candidates != 0) {
                long bit = candidates & -candidates;
                candidates ^= bit;
                if (startsAt(text, at, words[Long.numberOfTrailingZeros(bit)])) {
                    found |= bit;
                    if ((wanted & bit) != 0) {
                        return new Scan(found, false);
                    }
                }
            }
        }
        return new Scan(found, true);
    }

    /**
     * How many times each word occurs in {@code text} (element {@code i} for word {@code i}; overlapping
     * occurrences each count). Counts, rather than the bits {@link #find} answers, let an edited text's words be
     * derived from its earlier version's ({@link #recount}): a word the edit removed once may occur elsewhere.
     */
    public int[] count(char[] text) {
        int[] counts = new int[words.length];
        count(text, 0, text.length, 0, counts, 1);
        return counts;
    }

    /**
     * The counts of {@link #count}{@code (edited)}, from {@code counts}, those of {@code earlier}, without reading
     * the whole text: {@code kept} holds {@code keptCount} triples (start in {@code earlier}, start in
     * {@code edited}, length) of ranges the two texts share, in increasing order in both. An occurrence lying
     * entirely in one kept range is in both texts; only the others are counted, subtracted in the earlier text and
     * added in the edited one (the changed text between the ranges, and the last characters of each range, where
     * an occurrence may start and run on past it).
     */
    public int[] recount(int[] counts, char[] earlier, char[] edited, int[] kept, int keptCount) {
        if (counts.length != words.length) {
            throw new IllegalArgumentException(counts.length + " counts for " + words.length + " words");
        }
        int[] out = counts.clone();
        countOutside(earlier, kept, keptCount, 0, out, -1);
        countOutside(edited, kept, keptCount, 1, out, 1);
        return out;
    }

    /**
     * Adds {@code sign} for each occurrence in {@code text} not lying entirely in one kept range ({@code which}
     * picks the ranges' start in this text: 0 or 1).
     */
    private void countOutside(char[] text, int[] kept, int keptCount, int which, int[] counts, int sign) {
        int from = 0;
        for (int k = 0; k < keptCount; k++) {
            int start = kept[3 * k + which];
            int end = start + kept[3 * k + 2];
            count(text, from, start, 0, counts, sign); // changed text: every occurrence starting there
            count(text, Math.max(start, end - longest + 1), end, end, counts, sign); // those running past the range
            from = end;
        }
        count(text, from, text.length, 0, counts, sign);
    }

    /**
     * Adds {@code sign} to the count of each word for each occurrence starting in {@code [from, to)} and ending
     * after {@code touching} (an occurrence may run on past {@code to}).
     */
    private void count(char[] text, int from, int to, int touching, int[] counts, int sign) {
        long[] byPair = pairs;
        long[] bySingle = singles;
        int last = text.length - 1;
        for (int at = from; at < to; at++) {
            char c = text[at];
            long candidates = bySingle[c & 127];
            if (at < last) {
                candidates |= byPair[pair(c, text[at + 1])];
            }
            while (candidates != 0) {
                int w = Long.numberOfTrailingZeros(candidates);
                candidates &= candidates - 1;
                String word = words[w];
                if (at + word.length() > touching && startsAt(text, at, word)) {
                    counts[w] += sign;
                }
            }
        }
    }

    /** The bits of the words whose count is above zero. */
    public static long present(int[] counts) {
        long bits = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    /** What a {@link #scan} found, and whether it read the whole text. */
    public record Scan(long found, boolean complete) {
    }

    private static boolean startsAt(char[] text, int at, String word) {
        int n = word.length();
        if (at + n > text.length) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (text[at + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
