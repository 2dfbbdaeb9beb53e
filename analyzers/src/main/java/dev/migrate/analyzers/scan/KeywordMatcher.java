package dev.migrate.analyzers.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Finds which of a fixed set of ASCII keywords occur in a byte array, using the Wu-Manber multi-pattern
 * search: a window as long as the shortest keyword slides over the data, and a table indexed by the window's
 * last two bytes says how far it may jump without missing a match. On data that contains none of the
 * keywords (most of a monorepo) it looks at only every few bytes, which keeps the scan close to grep speed.
 * Keywords must be at least two bytes long.
 */
final class KeywordMatcher {
    private final byte[][] keywords;
    /** Length of the shortest keyword: the window size. */
    private final int window;
    /** How far the window may move when it ends in this byte pair (0: a keyword may end the window here). */
    private final byte[] shift = new byte[65536];
    /** True for bytes that occur in no keyword's first {@link #window} bytes: the window can jump past them. */
    private final boolean[] absent = new boolean[256];
    /** Keywords whose first {@link #window} bytes end with this byte pair. */
    private final int[][] endingWith = new int[65536][];

    KeywordMatcher(List<String> words) {
        keywords = new byte[words.size()][];
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < words.size(); i++) {
            keywords[i] = words.get(i).getBytes(StandardCharsets.US_ASCII);
            if (keywords[i].length < 2) {
                throw new IllegalArgumentException("prefilter keywords need at least two bytes: '" + words.get(i) + "'");
            }
            min = Math.min(min, keywords[i].length);
        }
        // Shifts are stored in bytes (a 64 KiB table stays in cache), so the window is capped at 100.
        window = words.isEmpty() ? 2 : Math.min(min, 100);
        Arrays.fill(shift, (byte) (window - 1));
        List<List<Integer>> ending = new ArrayList<>();
        for (int i = 0; i < 65536; i++) {
            ending.add(null);
        }
        Arrays.fill(absent, true);
        for (int i = 0; i < keywords.length; i++) {
            byte[] k = keywords[i];
            for (int q = 0; q < window; q++) {
                absent[k[q] & 0xff] = false;
            }
            for (int q = 1; q < window; q++) {
                int bg = pair(k[q - 1], k[q]);
                shift[bg] = (byte) Math.min(shift[bg], window - 1 - q);
            }
            int last = pair(k[window - 2], k[window - 1]);
            if (ending.get(last) == null) {
                ending.set(last, new ArrayList<>());
            }
            ending.get(last).add(i);
        }
        for (int b = 0; b < 65536; b++) {
            if (ending.get(b) != null) {
                endingWith[b] = ending.get(b).stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    private static int pair(byte a, byte b) {
        return (a & 0xff) << 8 | (b & 0xff);
    }

    int size() {
        return keywords.length;
    }

    /** Indices of the keywords found in {@code data[0, length)}. */
    BitSet find(byte[] data, int length) {
        BitSet found = new BitSet(keywords.length);
        if (keywords.length == 0) {
            return found;
        }
        int remaining = keywords.length;
        byte[] jump = shift;
        boolean[] skip = absent;
        int w = window;
        int end = w - 1;
        while (end < length) {
            // Most bytes of data files occur in no keyword: no window containing them can match.
            int last = data[end] & 0xff;
            if (skip[last]) {
                end += w;
                continue;
            }
            int bg = (data[end - 1] & 0xff) << 8 | last;
            int s = jump[bg];
            if (s != 0) {
                end += s;
                continue;
            }
            int start = end - window + 1;
            for (int k : endingWith[bg]) {
                if (!found.get(k) && matchesAt(data, length, start, keywords[k])) {
                    found.set(k);
                    if (--remaining == 0) {
                        return found;
                    }
                }
            }
            end++;
        }
        return found;
    }

    private static boolean matchesAt(byte[] data, int length, int at, byte[] word) {
        if (at + word.length > length) {
            return false;
        }
        for (int j = 0; j < word.length; j++) {
            if (data[at + j] != word[j]) {
                return false;
            }
        }
        return true;
    }
}
