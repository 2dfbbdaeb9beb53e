package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.tree.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, on demand, a Python module of the scanned tree that no detector was handed: the scan hands the Prefect
 * detectors only files naming Prefect (and packages' {@code __init__.py}), but a flow may import a task through an
 * ordinary module that re-exports it ({@code from .tasks import extract as pull} in {@code common/helpers.py}). The
 * project's task index asks only for a module a flow module's import goes through, with the name imported.
 *
 * <p>Most such imports name what the module defines itself ({@code from app.db import connect}, {@code def connect}
 * in it), which is never a re-export: the module's text, read once, answers that without a parse (its top-level
 * {@code def}, {@code class} and assignment names, and whether the name occurs at all), so only a module that may
 * re-export the name is parsed. A module too large, unreadable or not parsing gives nothing, as a file the scan could
 * not read does. Used from the detector's {@code finish}, on one thread.
 */
final class UnscannedModules implements BiFunction<String, String, Node> {
    /** A module that only re-exports names is small; a larger one is not worth a second read at the end of the scan. */
    private static final long MAX_BYTES = 1 << 20;
    /** A name a line starting at column 0 binds: {@code def f}, {@code async def f}, {@code class C}, {@code X = }. */
    private static final Pattern TOP_LEVEL = Pattern.compile(
            "^(?:(?:async[ \\t]+)?def[ \\t]+(\\w+)|class[ \\t]+(\\w+)|(\\w+)[ \\t]*(?::[^=\\n]*)?=(?!=))", Pattern.MULTILINE);

    private final Path base;
    /** By path: the names the module's top level binds by its own lines; empty when it is not to be read (again). */
    private final Map<String, Optional<Set<String>>> ownNames = new HashMap<>();

    UnscannedModules(Path base) {
        this.base = base;
    }

    /** The tree of the module at {@code path} (relative to the scan's base) when it may re-export {@code name}, or null. */
    @Override
    public Node apply(String path, String name) {
        Path file = base.resolve(path);
        Optional<Set<String>> own = ownNames.computeIfAbsent(path, p -> topLevelNames(file));
        if (own.isEmpty() || own.get().contains(name)) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (!Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text).find()) {
                return null; // the name is not in it: no re-export of it
            }
            ownNames.put(path, Optional.empty()); // parsed once: the index keeps what it read
            PythonFile parsed = PythonParser.parse(file, bytes);
            return parsed.hasSyntaxErrors() ? null : parsed.module();
        } catch (IOException | RuntimeException e) {
            ownNames.put(path, Optional.empty());
            return null;
        }
    }

    /** The names lines at the module's top level bind, read from its text; empty when it re-exports nothing. */
    private static Optional<Set<String>> topLevelNames(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (!text.contains("import")) {
                return Optional.empty(); // imports nothing: re-exports nothing
            }
            Set<String> own = new HashSet<>();
            Matcher m = TOP_LEVEL.matcher(text);
            while (m.find()) {
                for (int g = 1; g <= 3; g++) {
                    if (m.group(g) != null) {
                        own.add(m.group(g));
                    }
                }
            }
            return Optional.of(own);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
