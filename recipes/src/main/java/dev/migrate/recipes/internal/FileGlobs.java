package dev.migrate.recipes.internal;

/** File patterns (OpenRewrite's FindSourceFiles syntax, as {@link FilesByPath} reads them) that several recipes select, written once. */
public final class FileGlobs {
    /**
     * Dockerfiles under the names Docker, BuildKit and Podman users give them by convention (analyzers {@code sources.config.DockerfileNames}, which the scan reads them by):
     * {@code Dockerfile.agent} and {@code agent.Dockerfile} alike, the suffix in either case.
     */
    public static final String DOCKERFILES = "**/Dockerfile;**/Dockerfile.*;**/*.Dockerfile;**/*.dockerfile;"
            + "**/Containerfile;**/Containerfile.*;**/*.Containerfile;**/*.containerfile";

    /** Compose files under the names `docker compose` looks for, and their variants ({@code docker-compose.prod.yml}). */
    public static final String COMPOSE_FILES = "**/docker-compose*.yml;**/docker-compose*.yaml;**/compose*.yml;**/compose*.yaml";

    private FileGlobs() {
    }
}
