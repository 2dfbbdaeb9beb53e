package dev.migrate.recipes.engine;

import dev.migrate.rewriters.io.PythonEnvironments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The files of a project that recipes may read: regular files under the root, never through a symbolic
 * link, outside build output, virtual environments and VCS folders, and neither binary nor huge.
 */
public final class ProjectFiles {
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", ".hg", ".svn", "target", "build", "node_modules",
            ".venv", "venv", "__pycache__", ".mypy_cache", ".pytest_cache", ".tox", ".migrate", ".idea");
    static final long MAX_BYTES = 5L * 1024 * 1024;

    /** A file that was not read, and why. */
    public record Skipped(Path path, String reason) {
    }

    private final List<Path> files = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    /** Symbolic links (never followed, never edited): some mean something by their name alone. */
    private final List<Path> links = new ArrayList<>();
    /** Each link's text, where it points as written ({@code /dev/null}, {@code ../etl.timer}): read, never followed. */
    private final java.util.Map<Path, String> linkTargets = new java.util.HashMap<>();
    /** Directories holding a {@code .git} (a directory, or the file of a worktree or submodule): repository roots. */
    private final List<Path> repositories = new ArrayList<>();

    private ProjectFiles() {
    }

    /** Walks {@code root} (a directory or a single file). Paths returned are absolute and normalised. */
    public static ProjectFiles walk(Path root) {
        ProjectFiles pf = new ProjectFiles();
        Path base = root.toAbsolutePath().normalize();
        try {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(base)) {
                        pf.repositories.add(dir.getParent());
                    }
                    // a virtual environment under any name holds the installed Prefect: never edit it
                    return !dir.equals(base) && (SKIPPED_DIRS.contains(dir.getFileName().toString())
                            || PythonEnvironments.holdsInstalledPackages(dir))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (file.getFileName().toString().equals(".git") && attrs.isRegularFile()) {
                        pf.repositories.add(file.getParent());
                    }
                    if (attrs.isSymbolicLink()) {
                        pf.skipped.add(new Skipped(file, "symbolic link (not followed)"));
                        pf.links.add(file);
                        pf.linkTargets.put(file, targetText(file));
                    } else if (!attrs.isRegularFile()) {
                        pf.skipped.add(new Skipped(file, "not a regular file"));
                    } else if (attrs.size() > MAX_BYTES) {
                        pf.skipped.add(new Skipped(file, "larger than " + MAX_BYTES / (1024 * 1024) + " MiB"));
                    } else {
                        pf.files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    pf.skipped.add(new Skipped(file, "unreadable: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pf.files.sort(null);
        return pf;
    }

    public List<Path> files() {
        return files;
    }

    /** The directories under the root (the root too) that hold a {@code .git}: the roots of the repositories read. */
    public List<Path> repositories() {
        return repositories;
    }

    /** The symbolic links under the root, absolute; they are among {@link #skipped()} too. */
    public List<Path> links() {
        return links;
    }

    /**
     * Where a link points as its text says ({@code /dev/null}: a host dump's masked unit), "" when unreadable. The text
     * only: the path it names may be outside the project (a dump's absolute links name the dumped host's paths).
     */
    public String linkTarget(Path link) {
        return linkTargets.getOrDefault(link, "");
    }

    private static String targetText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString().replace('\\', '/');
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    public List<Skipped> skipped() {
        return skipped;
    }

    /** True when the first 8 KiB hold a NUL byte, the usual sign of a binary file. */
    /** Whether a file's first 8 KiB hold a NUL byte, the usual sign of binary content (as git decides). */
    static boolean looksBinary(byte[] bytes) {
        for (int i = 0, n = Math.min(bytes.length, 8192); i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

}
