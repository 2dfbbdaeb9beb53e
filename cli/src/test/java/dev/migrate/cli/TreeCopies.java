package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of sample estates and fixture trees for tests that rewrite in place: the originals are never touched. */
final class TreeCopies {
    private TreeCopies() {
    }

    /** {@code samples/ESTATE} of the repository copied to {@code work/ESTATE}. */
    static Path sample(String estate, Path work) throws IOException {
        return copy(Path.of(System.getProperty("migrate.repo.root"), "samples", estate), work.resolve(estate));
    }

    /** Every folder and file under {@code source} copied to the same place under {@code target}; returns target. */
    static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return target;
    }
}
