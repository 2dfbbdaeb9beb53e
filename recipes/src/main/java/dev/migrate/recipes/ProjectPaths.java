package dev.migrate.recipes;

import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * The files of the project being rewritten (paths relative to its root, "/"-separated), handed to recipes by
 * the engine before the run, so that a recipe writing a path into code (a deployment's entrypoint) can check
 * that the file is there. Absent when recipes run on sources alone (tests, other tools).
 */
public final class ProjectPaths {
    private static final String CONTEXT_KEY = "dev.migrate.projectPaths";

    private final Set<String> paths;
    private final java.util.Map<String, String> links;
    /** Directories holding a {@code .git}, relative ("" for the project's root). */
    private Set<String> repositoryRoots = Set.of();

    public ProjectPaths(Set<String> paths) {
        this(paths, Set.of());
    }

    /** @param links the symbolic links of the project, which no recipe reads or edits (a host dump's enabled units) */
    public ProjectPaths(Set<String> paths, Set<String> links) {
        this(paths, links.stream().collect(java.util.stream.Collectors.toMap(l -> l, l -> "")));
    }

    /**
     * @param linkTargets the symbolic links of the project, each with its text (where it points, as written; "" when not
     *                    known), which no recipe follows or edits: a host dump's enabled units, its masked ones
     *                    ({@code -> /dev/null})
     */
    public ProjectPaths(Set<String> paths, java.util.Map<String, String> linkTargets) {
        this.paths = Set.copyOf(paths);
        this.links = java.util.Map.copyOf(linkTargets);
    }

    /** The project's symbolic links, relative: their names can mean something ({@code timers.target.wants/x@y.timer}). */
    public Set<String> links() {
        return links.keySet();
    }

    /** The project's symbolic links, relative, with the text of each ({@code etc/systemd/system/etl.timer} to {@code /dev/null}). */
    public java.util.Map<String, String> linkTargets() {
        return links;
    }

    /** The same paths, with the project's repository roots (directories holding a {@code .git}, relative). */
    public ProjectPaths withRepositoryRoots(Set<String> roots) {
        ProjectPaths out = new ProjectPaths(paths, links);
        out.repositoryRoots = Set.copyOf(roots);
        return out;
    }

    /**
     * The root of the repository {@code path} (relative) is in: the nearest directory above it holding a {@code .git},
     * relative ("" for the project's root); empty when none does, or none was recorded.
     */
    public Optional<String> repositoryOf(String path) {
        String best = null;
        for (String root : repositoryRoots) {
            if ((root.isEmpty() || path.startsWith(root + "/")) && (best == null || root.length() > best.length())) {
                best = root;
            }
        }
        return Optional.ofNullable(best);
    }

    public static Optional<ProjectPaths> from(ExecutionContext ctx) {
        return Optional.ofNullable(ctx.getMessage(CONTEXT_KEY));
    }

    public void putInto(ExecutionContext ctx) {
        ctx.putMessage(CONTEXT_KEY, this);
    }

    /** Every file of the project, relative: a recipe can name a file no parser reads (a chart archive to delete). */
    public Set<String> paths() {
        return paths;
    }

    public boolean contains(String path) {
        return paths.contains(path);
    }
}
