package dev.migrate.analyzers.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small repository for a scan test: path and text pairs, folders made as needed. */
public final class TreeFiles {
    private TreeFiles() {
    }

    /** @param pathsAndTexts a relative path, then the file's text, and so on */
    public static void write(Path root, String... pathsAndTexts) throws IOException {
        if (pathsAndTexts.length % 2 != 0) {
            throw new IllegalArgumentException("paths and texts come in pairs; got " + pathsAndTexts.length + " strings");
        }
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            Path p = root.resolve(pathsAndTexts[i]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, pathsAndTexts[i + 1]);
        }
    }
}
