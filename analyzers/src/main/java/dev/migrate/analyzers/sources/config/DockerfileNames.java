package dev.migrate.analyzers.sources.config;

import java.util.regex.Pattern;

/**
 * Whether a file name is a Dockerfile's, under the names Docker, BuildKit and Podman users give them by convention:
 * {@code Dockerfile}, {@code Dockerfile.agent}, {@code agent.Dockerfile}, {@code agent.dockerfile}, and the same for
 * {@code Containerfile}. The scan reads the files under the same names as the recipes rewrite (their
 * {@code internal/DockerfileNames}), so a finding never names a file the rewrite does not open, nor misses one it edits.
 */
public final class DockerfileNames {
    private static final Pattern NAME = Pattern.compile(
            "(?:Dockerfile|Containerfile)(?:\\..+)?|.+\\.(?:[Dd]ockerfile|[Cc]ontainerfile)");

    private DockerfileNames() {
    }

    /** Whether {@code fileName} (no directory) names a Dockerfile. */
    public static boolean is(String fileName) {
        return NAME.matcher(fileName).matches();
    }
}
