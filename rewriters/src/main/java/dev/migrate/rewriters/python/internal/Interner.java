package dev.migrate.rewriters.python.internal;

import java.util.function.Function;

/**
 * Per-file interning straight from the char buffer: one hash over the chars, and no allocation for
 * text seen before (identifiers, and whitespace runs like "\n    " that repeat on every line). Keys
 * seeded up front are returned as given, so keywords come back as the JVM-interned literals.
 */
final class Interner<T> {
    private final Function<String, T> make;
    private String[] keys = new String[1024];
    private Object[] values = new Object[1024];
    private int size;

    Interner(Iterable<String> seeds, Function<String, T> make) {
        this.make = make;
        for (String s : seeds) {
            char[] c = s.toCharArray();
            intern(c, 0, c.length, s);
        }
    }

    T get(char[] s, int from, int to) {
        return intern(s, from, to, null);
    }

    @SuppressWarnings("unchecked")
    private T intern(char[] s, int from, int to, String seed) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s[i];
        }
        int mask = keys.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        int len = to - from;
        while (true) {
            String k = keys[slot];
            if (k == null) {
                String key = seed != null ? seed : new String(s, from, len);
                T value = make.apply(key);
                keys[slot] = key;
                values[slot] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return value;
            }
            if (k.length() == len && matches(k, s, from)) {
                return (T) values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean matches(String k, char[] s, int from) {
        for (int i = 0; i < k.length(); i++) {
            if (k.charAt(i) != s[from + i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            String k = oldKeys[i];
            if (k != null) {
                int slot = (k.hashCode() ^ (k.hashCode() >>> 16)) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = k;
                values[slot] = oldValues[i];
            }
        }
    }
}
