package dev.migrate.analyzers.scan;

import dev.migrate.rewriters.io.PythonEnvironments;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lists the regular files under a root without following symbolic links. A link whose target is inside
 * the root is skipped silently (the target is walked on its own); a link pointing outside the root gets a
 * note and is never read, so a scan cannot wander into the rest of the host.
 */
final class FileWalker {
    /**
     * Directories of tools and VCS metadata: never job definitions, often huge. Installed third-party packages
     * (virtual environments under any name, site-packages) are skipped too ({@link PythonEnvironments}).
     */
    static final Set<String> SKIPPED_DIRS = Set.of(".git", ".hg", ".svn", "node_modules", "__pycache__",
            ".venv", ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".migrate", ".idea", ".gradle");

    /** Receives each regular file as soon as it is found, so reading can overlap the walk. */
    @FunctionalInterface
    interface FileSink {
        void file(Path path, long size);
    }

    /** Takes a symbolic link that means something by its name (see Detector#wantsLink); false when none does. */
    @FunctionalInterface
    interface LinkSink {
        boolean link(String relative);
    }

    private FileWalker() {
    }

    /** Walks the tree, handing files to {@code files}; returns the notes about links and unreadable entries. */
    static List<ScanNote> walk(Path root, FileSink files) throws IOException {
        return walk(root, files, rel -> false);
    }

    /** As {@link #walk(Path, FileSink)}, offering every symbolic link to {@code links} first (never followed). */
    static List<ScanNote> walk(Path root, FileSink files, LinkSink links) throws IOException {
        Path realRoot = root.toRealPath();
        List<ScanNote> notes = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skip = !dir.equals(root) && (SKIPPED_DIRS.contains(dir.getFileName().toString())
                        || PythonEnvironments.holdsInstalledPackages(dir));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) {
                    checkLink(file);
                } else if (attrs.isRegularFile()) {
                    files.file(file, attrs.size());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                notes.add(new ScanNote(Scanner.relative(root, file), ScanNote.Reason.UNREADABLE, describe(exc)));
                return FileVisitResult.CONTINUE;
            }

            private void checkLink(Path link) {
                String rel = Scanner.relative(root, link);
                if (links.link(rel)) {
                    return; // read by its name (an enabled unit instance): where it points does not matter
                }
                if (namesHostZone(link)) {
                    return; // read as the host's zone (HostZone), by its text; a dump seldom holds the zone file too
                }
                try {
                    Path target = link.toRealPath();
                    if (!target.startsWith(realRoot)) {
                        notes.add(new ScanNote(rel, ScanNote.Reason.SYMLINK_OUTSIDE_ROOT,
                                "symbolic link to a path outside the scan root; not followed"));
                    }
                } catch (IOException e) {
                    notes.add(new ScanNote(rel, ScanNote.Reason.UNREADABLE, "dangling symbolic link"));
                }
            }
        });
        return notes;
    }

    /** A host's {@code etc/localtime} link to a zone file ({@code ../usr/share/zoneinfo/Europe/Paris}). */
    private static boolean namesHostZone(Path link) {
        Path parent = link.getParent();
        if (!link.getFileName().toString().equals("localtime") || parent == null || parent.getFileName() == null
                || !parent.getFileName().toString().equals("etc")) {
            return false;
        }
        try {
            return Files.readSymbolicLink(link).toString().replace('\\', '/').contains("zoneinfo/");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return kind.isEmpty() ? String.valueOf(e.getMessage()) : kind + ": " + e.getMessage();
    }
}
