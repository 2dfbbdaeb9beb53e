package dev.migrate.analyzers.scan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Finds which of a fixed set of ASCII keywords occur in a byte array, in one pass. The candidates for
 * each possible first byte are precomputed, so bytes that start no keyword cost one table lookup: this
 * is what keeps the scan close to grep speed on trees where almost no file is relevant.
 */
final class KeywordMatcher {
    private final byte[][] keywords;
    private final int[][] byFirstByte = new int[256][];

    KeywordMatcher(List<String> words) {
        keywords = new byte[words.size()][];
        List<List<Integer>> table = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            table.add(new ArrayList<>());
        }
        for (int i = 0; i < words.size(); i++) {
            keywords[i] = words.get(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            table.get(keywords[i][0] & 0xff).add(i);
        }
        for (int b = 0; b < 256; b++) {
            if (!table.get(b).isEmpty()) {
                byFirstByte[b] = table.get(b).stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    int size() {
        return keywords.length;
    }

    /** Indices of the keywords found in {@code data[0, length)}. */
    BitSet find(byte[] data, int length) {
        BitSet found = new BitSet(keywords.length);
        int remaining = keywords.length;
        for (int i = 0; i < length && remaining > 0; i++) {
            int[] candidates = byFirstByte[data[i] & 0xff];
            if (candidates == null) {
                continue;
            }
            for (int k : candidates) {
                if (!found.get(k) && matchesAt(data, length, i, keywords[k])) {
                    found.set(k);
                    remaining--;
                }
            }
        }
        return found;
    }

    private static boolean matchesAt(byte[] data, int length, int at, byte[] word) {
        if (at + word.length > length) {
            return false;
        }
        for (int j = 1; j < word.length; j++) {
            if (data[at + j] != word[j]) {
                return false;
            }
        }
        return true;
    }
}
