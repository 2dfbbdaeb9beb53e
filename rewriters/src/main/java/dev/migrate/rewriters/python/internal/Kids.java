package dev.migrate.rewriters.python.internal;

import dev.migrate.rewriters.python.tree.PyElement;
import java.util.Arrays;

/**
 * The children of a node while the parser collects them: a bare growable array. The parser recycles
 * these, so they keep their grown capacity from node to node (ArrayList costs a modCount, a bounds
 * check and a reflective toArray per node, which adds up under C1).
 */
final class Kids {
    PyElement[] items = new PyElement[8];
    int size;

    void add(PyElement e) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = e;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }
}
