package dev.migrate.validators.paths;

import dev.migrate.validators.EnvironmentException;
import dev.migrate.validators.Errors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Lists the files under a side's root that match its globs, in a stable order. */
public final class OutputLister {
    private OutputLister() {
    }

    public static List<OutputFile> list(Path root, List<String> globs, PathNormalizer normalizer, boolean legacySide) {
        if (!Files.isDirectory(root)) {
            throw new EnvironmentException(root + ": output location not found or not a directory; "
                    + "check the connection path and that the location is mounted.");
        }
        List<PathMatcher> matchers = new ArrayList<>();
        for (String g : globs) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
            if (g.startsWith("**/")) {
                // "**/*.csv" should also match files directly under the root, as users expect.
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)));
            }
        }
        List<OutputFile> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(f -> {
                Path rel = root.relativize(f);
                if (matchers.stream().anyMatch(m -> m.matches(rel)) && !isHidden(rel)) {
                    String relative = rel.toString().replace('\\', '/');
                    out.add(new OutputFile(f, relative, normalizer.normalize(relative, legacySide),
                            normalizer.stamp(relative), normalizer.stampNamesDay(relative)));
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new EnvironmentException(root + ": cannot list outputs (" + Errors.cause(e) + "); "
                    + "check that the location is readable and not changing while validating.", e);
        }
        out.sort(Comparator.comparing(OutputFile::relative));
        return List.copyOf(out);
    }

    /**
     * Hidden files (.DS_Store, _SUCCESS markers' .crc files) are never pipeline outputs, nor are the commit markers
     * and staging directory of Hadoop's output committers (Spark, Hive, Databricks: {@code _SUCCESS},
     * {@code _committed_<id>}, {@code _started_<id>}, {@code _temporary/}): they say a write finished, hold no data,
     * and a rewrite on another engine writes none, which the path check would list as a missing output.
     */
    private static boolean isHidden(Path rel) {
        for (Path part : rel) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("_SUCCESS") || name.equals("_temporary")
                    || name.startsWith("_committed_") || name.startsWith("_started_")) {
                return true;
            }
        }
        return false;
    }

}
