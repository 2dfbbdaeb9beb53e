package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of the tree no detector was handed is read by its repository path, whichever way the scan's root was given:
 * {@code migrate scan .} read nothing (the normal form of "." is the empty path, a prefix of no path), so a GitLab
 * pipeline's included {@code ci/deploy.yml} was not followed there while {@code migrate scan /abs/repo} followed it.
 */
class UnscannedTextsTest {
    @TempDir
    Path tmp;

    @Test
    void aRelativeRootReadsItsFiles() throws IOException {
        // the module's directory, which the tests run in
        UnscannedTexts relative = new UnscannedTexts(Path.of("."));
        assertThat(relative.apply("pom.xml")).isEqualTo(Files.readString(Path.of("pom.xml")));
        assertThat(new UnscannedTexts(Path.of("")).apply("pom.xml")).isNotNull();
    }

    /** Must not change: nothing outside the root, nor a file the tree does not hold. */
    @Test
    void nothingOutsideTheRootIsRead() throws IOException {
        Files.createDirectories(tmp.resolve("repo/ci"));
        Files.writeString(tmp.resolve("repo/ci/deploy.yml"), "deploy:\n  script:\n    - prefect deploy --all\n");
        Files.writeString(tmp.resolve("secret.yml"), "token: x\n");
        UnscannedTexts texts = new UnscannedTexts(tmp.resolve("repo"));
        assertThat(texts.apply("ci/deploy.yml")).startsWith("deploy:");
        assertThat(texts.apply("../secret.yml")).isNull();
        assertThat(texts.apply("ci/missing.yml")).isNull();
    }
}
