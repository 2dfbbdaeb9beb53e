package dev.migrate.analyzers.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Paths inside the scanned tree, written with {@code /}, folded as the shell would before any file is looked up. */
public final class RepoPaths {
    private RepoPaths() {
    }

    /**
     * {@code a/./b/../c} as {@code a/c}, without a leading slash; empty when it climbs above its start (a path the
     * scan must not follow out of the tree).
     */
    public static Optional<String> normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/+")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return Optional.of(String.join("/", parts));
    }
}
