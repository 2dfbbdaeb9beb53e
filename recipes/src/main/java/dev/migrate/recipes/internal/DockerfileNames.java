package dev.migrate.recipes.internal;

import java.util.regex.Pattern;

/**
 * Whether a file name is a Dockerfile's, under the names Docker, BuildKit and Podman users give them by convention:
 * {@code Dockerfile}, {@code Dockerfile.agent}, {@code agent.Dockerfile}, {@code agent.dockerfile} and the same for
 * {@code Containerfile}. The same names as {@link FileGlobs#DOCKERFILES}, for code that has a name and not a source file.
 */
public final class DockerfileNames {
    private static final Pattern NAME = Pattern.compile("(?:Dockerfile|Containerfile)(?:\\..+)?|.+\\.(?:[Dd]ockerfile|[Cc]ontainerfile)");

    private DockerfileNames() {
    }

    /** Whether {@code fileName} (no directory) names a Dockerfile. */
    public static boolean is(String fileName) {
        return NAME.matcher(fileName).matches();
    }
}
