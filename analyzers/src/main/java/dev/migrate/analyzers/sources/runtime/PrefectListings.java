package dev.migrate.analyzers.sources.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The dependency files of a tree that list prefect ({@link PrefectRequirements}), by path relative to the root with
 * '/' separators, and what they say about the files that install a project or name a requirements file: the scan
 * and the rewrite gather them first, then decide which Python to check.
 */
public final class PrefectListings {
    private final Set<String> paths = new ConcurrentSkipListSet<>();

    /** Records the file if it is a dependency file that lists prefect; safe to call from several threads. */
    public void offer(String path, String text) {
        String p = path.replace('\\', '/');
        if (PrefectRequirements.isDependencyFile(p) && PrefectRequirements.listedIn(p, text)) {
            paths.add(p);
        }
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /**
     * Whether a requirements file named in a command ({@code -r requirements.txt}, {@code /tmp/requirements/prod.txt})
     * lists prefect: a relative name must match the end of a listing file's path, an absolute one (a path inside
     * an image) its file name.
     */
    public boolean requirementListsPrefect(String named) {
        String n = named.replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        if (n.isEmpty() || n.contains("$")) {
            return false;
        }
        String tail = n.startsWith("/") ? n.substring(n.lastIndexOf('/') + 1) : n;
        return paths.stream().anyMatch(p -> p.equals(tail) || p.endsWith("/" + tail));
    }

    /**
     * Whether a project installed from directory {@code dir} ({@code pip install .}, {@code poetry install}) may
     * depend on prefect: a listing file is in it, above it (the build context is often the repository root) or below it.
     */
    public boolean projectNear(String dir) {
        String d = dir == null ? "" : dir;
        return paths.stream().map(PrefectListings::directoryOf)
                .anyMatch(p -> d.isEmpty() || p.isEmpty() || p.equals(d) || p.startsWith(d + "/") || d.startsWith(p + "/"));
    }

    /**
     * Whether the project whose metadata or version file is at {@code path} depends on prefect: a listing file is
     * the file itself, beside it, or in a {@code requirements/} directory beside it.
     */
    public boolean listedBeside(String path) {
        String dir = directoryOf(path.replace('\\', '/'));
        String requirementsDir = dir.isEmpty() ? "requirements" : dir + "/requirements";
        return paths.stream().anyMatch(p -> directoryOf(p).equals(dir) || directoryOf(p).equals(requirementsDir));
    }

    /** The directory part of a relative path, empty at the root. */
    public static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
