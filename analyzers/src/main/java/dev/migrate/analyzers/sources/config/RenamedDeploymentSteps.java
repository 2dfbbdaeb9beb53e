package dev.migrate.analyzers.sources.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The build, push and pull steps whose names Prefect or an integration took away, and their current names, from the
 * {@code yaml-value} entries of {@code prefect-renames.json}: the table the rewrite renames steps with, so that the scan
 * reports exactly the steps the rewrite renames. Most of them are outside the {@code prefect} package, where Prefect's
 * own module list cannot tell: 2.10's projects named the integrations' steps {@code prefect_aws.projects.steps.*},
 * {@code prefect_docker.projects.steps.*}, and the integrations dropped those modules, and later the
 * {@code push_project_to_s3}-style aliases, before Prefect 3.
 */
final class RenamedDeploymentSteps {
    private static final Map<String, String> RENAMED = load();

    private RenamedDeploymentSteps() {
    }

    /** The step's current name, or empty when the step kept its name (or was never known). */
    static Optional<String> renamedTo(String step) {
        return Optional.ofNullable(RENAMED.get(step));
    }

    private static Map<String, String> load() {
        try (InputStream in = RenamedDeploymentSteps.class.getResourceAsStream(
                "/dev/migrate/analyzers/prefect-api/prefect-renames.json")) {
            Map<String, String> out = new HashMap<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                if (n.path("kind").asText().equals("yaml-value")) {
                    out.put(n.path("old").asText(), n.path("new").asText());
                }
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
