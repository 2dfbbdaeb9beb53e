package dev.migrate.analyzers.sources.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads, on demand, a file of the scanned tree that no detector was handed, by its repository path: a GitLab pipeline
 * includes {@code ci/templates.yml}, whose templates say where its jobs' scripts start, though no prefilter keyword let
 * that file through. Only a path inside the tree, a regular file (not a link) and a small one is read; a file that
 * cannot be read gives nothing, as one the scan could not read does. Each file is read once.
 */
public final class UnscannedTexts implements Function<String, String> {
    /** A pipeline's included file is small; a larger one is not worth a second read at the end of the scan. */
    private static final long MAX_BYTES = 1 << 20;

    private final Path base;
    private final Map<String, Optional<String>> read = new ConcurrentHashMap<>();

    /** The files under {@code base}; none at all when it is null. */
    public UnscannedTexts(Path base) {
        // absolute: `migrate scan .` gives "." whose normal form, the empty path, is no prefix of any path, so nothing
        // was read and a pipeline's included files were not followed
        this.base = base == null ? null : base.toAbsolutePath().normalize();
    }

    @Override
    public String apply(String path) {
        if (base == null) {
            return null;
        }
        return read.computeIfAbsent(path, p -> WorkingDirectory.normalize("", p).filter(n -> !n.isEmpty())
                .flatMap(this::text)).orElse(null);
    }

    private Optional<String> text(String path) {
        try {
            // in the try: a name the file system's encoding cannot hold (LANG=C, a non-ASCII path a crontab line names)
            Path file = base.resolve(path).normalize();
            if (!file.startsWith(base) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
