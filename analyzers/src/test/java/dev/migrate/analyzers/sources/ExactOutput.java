package dev.migrate.analyzers.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered detector output with a reviewed expectation file under test resources. Run with
 * {@code -Dmigrate.updateExpected=true} to write the current output to {@code target/} for review.
 */
public final class ExactOutput {
    private ExactOutput() {
    }

    public static void assertMatches(Class<?> owner, String resource, String actual) throws IOException {
        if (Boolean.getBoolean("migrate.updateExpected")) {
            Files.writeString(Path.of("target", resource), actual + "\n");
        }
        try (InputStream in = owner.getResourceAsStream(resource)) {
            assertThat(in).as("expectation file %s", resource).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
            assertThat(actual).isEqualTo(expected);
        }
    }
}
