package dev.migrate.recipes.internal;

/** File patterns (OpenRewrite's FindSourceFiles syntax) that several recipes select, written once. */
public final class FileGlobs {
    /** Dockerfiles under the names Docker, BuildKit and Podman accept by convention. */
    public static final String DOCKERFILES = "**/Dockerfile;**/Dockerfile.*;**/*.dockerfile;**/Containerfile";

    private FileGlobs() {
    }
}
