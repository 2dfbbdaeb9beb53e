package dev.migrate.analyzers.sources.config;

import java.util.regex.Pattern;

/**
 * Whether a file name is a Dockerfile's, under the names Docker, BuildKit and Podman users give them by convention:
 * {@code Dockerfile}, {@code Dockerfile.agent}, {@code agent.Dockerfile}, {@code agent.dockerfile}, and the same for
 * {@code Containerfile}. The one copy: the recipes (their {@code FileGlobs.DOCKERFILES}, checked against this by
 * {@code FilesByPathTest}) rewrite the files the scan reads, so a finding never names a file the rewrite does not open,
 * nor misses one it edits.
 */
public final class DockerfileNames {
    private static final Pattern NAME = Pattern.compile(
            "(?:Dockerfile|Containerfile)(?:\\..+)?|.+\\.(?:[Dd]ockerfile|[Cc]ontainerfile)");

    private DockerfileNames() {
    }

    /** Whether {@code fileName} (no directory) names a Dockerfile. */
    public static boolean is(String fileName) {
        // the scan asks this of every file's name: a plain search first, which every name the pattern takes passes
        if (!fileName.contains("ockerfile") && !fileName.contains("ontainerfile")) {
            return false;
        }
        return NAME.matcher(fileName).matches();
    }
}
