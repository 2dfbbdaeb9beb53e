package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.tree.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads, on demand, a Python module of the scanned tree that no detector was handed: the scan hands the Prefect
 * detectors only files naming Prefect (and packages' {@code __init__.py}), but a flow may import a task through an
 * ordinary module that re-exports it ({@code from .tasks import extract as pull} in {@code common/helpers.py}). The
 * project's task index asks for such a module only when an import of a module using Prefect goes through it, so a
 * large tree's other modules are never read twice. Decoded as Python reads source (its coding cookie, else UTF-8); a
 * module too large, unreadable or not parsing gives nothing, as a file the scan could not read does.
 */
final class UnscannedModules {
    /** A module that only re-exports names is small; a larger one is not worth a second read at the end of the scan. */
    private static final long MAX_BYTES = 1 << 20;

    private UnscannedModules() {
    }

    /** Reads a path relative to {@code base} into its syntax tree, or null. */
    static Function<String, Node> under(Path base) {
        return path -> read(base.resolve(path));
    }

    private static Node read(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return null;
            }
            PythonFile parsed = PythonParser.parse(file, Files.readAllBytes(file));
            return parsed.hasSyntaxErrors() ? null : parsed.module();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
