package dev.migrate.rewriters.python.internal;

import java.util.Arrays;

/**
 * Per-file interning of names straight from the char buffer: one hash over the chars and no
 * allocation for a name seen before. Keywords are seeded first, so they come back as the JVM-interned
 * literals (the parser compares them by identity) and are flagged as keywords without a second lookup.
 */
final class NameTable {
    private String[] keys = new String[1024];
    private char[][] chars = new char[1024][];
    private boolean[] keyword = new boolean[1024];
    private int size;
    private boolean lastKeyword;

    NameTable(Iterable<String> keywords, Iterable<String> common) {
        for (String s : keywords) {
            seed(s, true);
        }
        for (String s : common) {
            seed(s, false);
        }
    }

    private NameTable(NameTable seeded) {
        keys = seeded.keys.clone();
        chars = seeded.chars.clone(); // the char arrays themselves are never written after put
        keyword = seeded.keyword.clone();
        size = seeded.size;
    }

    /**
     * A table holding what this one holds, for another file. Seeding from the sets costs more than the
     * tokenizing of a short text (the snippets edits parse), while copying three arrays costs little.
     * This table must not be used for names afterwards if copies are taken from several threads.
     */
    NameTable copy() {
        return new NameTable(this);
    }

    private void seed(String s, boolean isKeyword) {
        char[] c = s.toCharArray();
        int slot = find(c, 0, c.length, hash(c, 0, c.length));
        if (keys[slot] == null) {
            put(slot, s, c, isKeyword);
        }
    }

    /** The interned name for {@code s[from, to)}; {@link #lastWasKeyword()} then tells whether it is a keyword. */
    String get(char[] s, int from, int to) {
        int slot = find(s, from, to, hash(s, from, to));
        String k = keys[slot];
        if (k == null) {
            k = new String(s, from, to - from);
            put(slot, k, Arrays.copyOfRange(s, from, to), false);
            lastKeyword = false;
            return k;
        }
        lastKeyword = keyword[slot];
        return k;
    }

    boolean lastWasKeyword() {
        return lastKeyword;
    }

    private static int hash(char[] s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s[i];
        }
        return h ^ (h >>> 16);
    }

    /** The slot holding this name, or the empty slot where it belongs. */
    private int find(char[] s, int from, int to, int h) {
        int mask = keys.length - 1;
        int slot = h & mask;
        int len = to - from;
        while (true) {
            char[] k = chars[slot];
            if (k == null || k.length == len && same(k, s, from)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean same(char[] k, char[] s, int from) {
        for (int i = 0; i < k.length; i++) {
            if (k[i] != s[from + i]) {
                return false;
            }
        }
        return true;
    }

    private void put(int slot, String key, char[] c, boolean isKeyword) {
        keys[slot] = key;
        chars[slot] = c;
        keyword[slot] = isKeyword;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        String[] oldKeys = keys;
        char[][] oldChars = chars;
        boolean[] oldKeyword = keyword;
        keys = new String[oldKeys.length * 2];
        chars = new char[oldKeys.length * 2][];
        keyword = new boolean[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            char[] c = oldChars[i];
            if (c != null) {
                int slot = find(c, 0, c.length, hash(c, 0, c.length));
                keys[slot] = oldKeys[i];
                chars[slot] = c;
                keyword[slot] = oldKeyword[i];
            }
        }
    }
}
