package dev.migrate.rewriters.python.internal;

import java.util.Arrays;

/**
 * Per-file interning of names straight from the char buffer: one hash over the chars and no
 * allocation for a name seen before. Keywords are seeded first, so they come back as the JVM-interned
 * literals (the parser compares them by identity) and are flagged as keywords without a second lookup.
 */
final class NameTable {
    /** Where a per-file table starts: the names of a short snippet fit, a module's grow it a few times. */
    private static final int FIRST_CAPACITY = 64;

    /** The keywords and common names, read-only once built; null for the seeded table itself. */
    private final NameTable seeded;
    private String[] keys;
    private char[][] chars;
    private boolean[] keyword;
    private int size;
    private boolean lastKeyword;

    NameTable(Iterable<String> keywords, Iterable<String> common) {
        this(null, 1024);
        for (String s : keywords) {
            seed(s, true);
        }
        for (String s : common) {
            seed(s, false);
        }
    }

    private NameTable(NameTable seeded, int capacity) {
        this.seeded = seeded;
        keys = new String[capacity];
        chars = new char[capacity][];
        keyword = new boolean[capacity];
    }

    /**
     * A table for another file that answers the seeded names from this one. Copying the seeded arrays for every
     * tokenizer cost more than tokenizing the short texts edits parse; this one is never written again, so tables of
     * several threads may share it.
     */
    NameTable copy() {
        return new NameTable(this, FIRST_CAPACITY);
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
        int h = hash(s, from, to);
        if (seeded != null) {
            int slot = seeded.find(s, from, to, h);
            String k = seeded.keys[slot];
            if (k != null) {
                lastKeyword = seeded.keyword[slot];
                return k;
            }
        }
        int slot = find(s, from, to, h);
        String k = keys[slot];
        lastKeyword = k != null && keyword[slot];
        if (k == null) {
            k = new String(s, from, to - from);
            put(slot, k, Arrays.copyOfRange(s, from, to), false);
        }
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
