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
 * The {@code PREFECT_ORION_*} server settings of Prefect 2.0-2.8.0 and the names Prefect 2.8.1 gave them, from the
 * {@code env-var} entries of {@code prefect-renames.json}, the table the rewrite renames settings with. A successor is
 * not always the same words after another prefix ({@code PREFECT_ORION_BLOCKS_REGISTER_ON_START} became
 * {@code PREFECT_API_BLOCKS_REGISTER_ON_START}, which 3.1 renamed {@code PREFECT_SERVER_REGISTER_BLOCKS_ON_START}), so
 * the scan reads the same table instead of guessing.
 */
final class OrionSettingNames {
    private static final String ORION = "PREFECT_ORION_";
    private static final Map<String, String> RENAMED = load();

    private OrionSettingNames() {
    }

    /** The name Prefect 2.8.1 gave a {@code PREFECT_ORION_*} setting, or empty when no release had it. */
    static Optional<String> renamedTo(String name) {
        return Optional.ofNullable(RENAMED.get(name));
    }

    private static Map<String, String> load() {
        try (InputStream in = OrionSettingNames.class.getResourceAsStream(
                "/dev/migrate/analyzers/prefect-api/prefect-renames.json")) {
            Map<String, String> out = new HashMap<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                String old = n.path("old").asText();
                if (n.path("kind").asText().equals("env-var") && old.startsWith(ORION)) {
                    out.put(old, n.path("new").asText());
                }
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
