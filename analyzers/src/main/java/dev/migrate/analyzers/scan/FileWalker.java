package dev.migrate.analyzers.scan;

import dev.migrate.rewriters.io.PythonEnvironments;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lists the regular files under a root without following symbolic links. A link is read as its text only (where it
 * points, as written): that text is offered to the detectors, some of which read a link by its name and target (a host
 * dump's {@code etl.timer -> /dev/null} masks a unit). Otherwise a link whose target is inside the root is skipped
 * silently (the target is walked on its own); a link pointing outside the root gets a note and is never read, so a scan
 * cannot wander into the rest of the host. Whether a target is inside is decided from the text alone, without looking
 * at the path it names: an absolute link in a dump names a path of the dumped host, not of this machine.
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

    /**
     * Takes a symbolic link that means something by its name and target (see Detector#wantsLink); false when none does.
     *
     * @param target the link's text ({@code /dev/null}, {@code ../etl.timer}), never followed
     */
    @FunctionalInterface
    interface LinkSink {
        boolean link(String relative, String target);
    }

    private FileWalker() {
    }

    /** Walks the tree, handing files to {@code files}; returns the notes about links and unreadable entries. */
    static List<ScanNote> walk(Path root, FileSink files) throws IOException {
        return walk(root, files, (rel, target) -> false);
    }

    /** As {@link #walk(Path, FileSink)}, offering every symbolic link to {@code links} first (never followed). */
    static List<ScanNote> walk(Path root, FileSink files, LinkSink links) throws IOException {
        Path realRoot = root.toRealPath();
        Path absoluteRoot = root.toAbsolutePath().normalize();
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
                } else if (attrs.isRegularFile() && !holdsPasswordHashes(file)) {
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
                String target;
                try {
                    target = Files.readSymbolicLink(link).toString(); // the link's own text: nothing is followed
                } catch (IOException | UnsupportedOperationException e) {
                    notes.add(new ScanNote(rel, ScanNote.Reason.UNREADABLE, "unreadable symbolic link"));
                    return;
                }
                if (links.link(rel, target.replace('\\', '/'))) {
                    return; // read by its name and target (an enabled unit instance, a masked unit)
                }
                if (namesHostZone(rel, target)) {
                    return; // read as the host's zone (HostZone), by its text; a dump seldom holds the zone file too
                }
                Path to = Path.of(target);
                Path resolved = (to.isAbsolute() ? to : link.toAbsolutePath().getParent().resolve(to)).normalize();
                if (!resolved.startsWith(absoluteRoot) && !resolved.startsWith(realRoot)) {
                    notes.add(new ScanNote(rel, ScanNote.Reason.SYMLINK_OUTSIDE_ROOT,
                            "symbolic link to a path outside the scan root; not followed"));
                } else if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
                    notes.add(new ScanNote(rel, ScanNote.Reason.UNREADABLE, "dangling symbolic link"));
                }
            }
        });
        return notes;
    }

    /**
     * A host dump's {@code etc/shadow} or {@code etc/gshadow} (or their {@code -} backups): the password hashes, which
     * define no job. They are never opened, not even by the prefilter, so no part of them can reach a report.
     */
    static boolean holdsPasswordHashes(Path file) {
        Path parent = file.getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("etc")
                && file.getFileName().toString().matches("g?shadow-?");
    }

    /** A host's {@code etc/localtime} link to a zone file ({@code ../usr/share/zoneinfo/Europe/Paris}). */
    private static boolean namesHostZone(String rel, String target) {
        return (rel.equals("etc/localtime") || rel.endsWith("/etc/localtime")) && target.contains("zoneinfo/");
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return kind.isEmpty() ? String.valueOf(e.getMessage()) : kind + ": " + e.getMessage();
    }
}
