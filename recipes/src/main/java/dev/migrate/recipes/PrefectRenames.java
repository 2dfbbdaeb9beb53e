package dev.migrate.recipes;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The mechanical renames of the change catalogue (section 7), shipped as {@code prefect-renames.json}.
 * Recipes pick the entries of their kind, so that a rename is added by editing data, not code. The file lives with
 * the analyzers' Prefect facts, since the scan reads its settings renames too ({@code OrionSettingNames}).
 *
 * @param autofix {@code yes} (safe), {@code partly} (rewrite + human check) or {@code no} (report only)
 */
public record PrefectRenames(String old, String replacement, String kind, String from, String to, String autofix) {
    private static final List<PrefectRenames> ALL = load();

    public static List<PrefectRenames> ofKind(String kind) {
        return ALL.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    public boolean safe() {
        return "yes".equals(autofix);
    }

    private static List<PrefectRenames> load() {
        try (InputStream in = PrefectRenames.class.getResourceAsStream("/dev/migrate/analyzers/prefect-api/prefect-renames.json")) {
            var tree = new ObjectMapper().readTree(in);
            return java.util.stream.StreamSupport.stream(tree.spliterator(), false)
                    .map(n -> new PrefectRenames(n.path("old").asText(), n.path("new").asText(), n.path("kind").asText(),
                            n.path("from").asText(), n.path("to").asText(), n.path("autofix").asText()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
