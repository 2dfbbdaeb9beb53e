package dev.migrate.analyzers.sources.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.analyzers.rules.PrefectApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The Prefect 1 {@code PREFECT__SECTION__KEY} variables that have a Prefect 3 setting, from the 1.x {@code env-var}
 * entries of {@code prefect-renames.json}, the table the rewrite renames them with: {@code PREFECT__LOGGING__LEVEL}
 * is {@code PREFECT_LOGGING_LEVEL}. One without an entry ({@code PREFECT__BACKEND},
 * {@code PREFECT__CLOUD__AGENT__LABELS}), or whose entry names no setting Prefect 3 reads, is only reported by the
 * rewrite, so its finding is a person's.
 */
final class Prefect1SettingNames {
    private static final Map<String, String> RENAMED = load();

    private Prefect1SettingNames() {
    }

    /** Whether the rewrite renames Prefect 1 variable {@code name} to a setting Prefect 3 reads. */
    static boolean hasSuccessor(String name) {
        String to = RENAMED.get(name);
        return to != null && PrefectApi.get().canonicalSetting3(to).isPresent();
    }

    private static Map<String, String> load() {
        try (InputStream in = Prefect1SettingNames.class.getResourceAsStream(
                "/dev/migrate/analyzers/prefect-api/prefect-renames.json")) {
            Map<String, String> out = new HashMap<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                if (n.path("kind").asText().equals("env-var") && n.path("from").asText().startsWith("1")
                        && n.path("old").asText().startsWith("PREFECT__")) {
                    out.put(n.path("old").asText(), n.path("new").asText());
                }
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
