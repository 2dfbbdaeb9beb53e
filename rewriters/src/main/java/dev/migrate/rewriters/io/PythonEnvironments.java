package dev.migrate.rewriters.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Directories that hold installed third-party Python code rather than the project's own: a virtual
 * environment under any name (PEP 405 puts a {@code pyvenv.cfg} at its top), and {@code site-packages} or
 * {@code dist-packages} wherever they are (a conda environment, a vendored install, a host's system Python).
 * Scanning them reports other people's loops as jobs; rewriting them would edit the installed Prefect itself.
 */
public final class PythonEnvironments {
    private static final Set<String> PACKAGE_DIRS = Set.of("site-packages", "dist-packages");

    private PythonEnvironments() {
    }

    /** Whether {@code dir} is such a directory (one name check, and one file check for the venv marker). */
    public static boolean holdsInstalledPackages(Path dir) {
        Path name = dir.getFileName();
        return name != null && PACKAGE_DIRS.contains(name.toString()) || Files.isRegularFile(dir.resolve("pyvenv.cfg"));
    }
}
