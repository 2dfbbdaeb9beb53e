package dev.migrate.recipes.prefectcli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What replaces the storage block a 2.x {@code prefect deployment build -sb github/code} took the code from:
 * {@code prefect deploy} has no such flag, so the code location becomes a pull step naming the Prefect 3 block
 * saved under the same name ({@code storage_blocks} of {@code prefect-cli-2-to-3.yaml}).
 */
final class StorageBlockPullSteps {
    /** The Prefect 3 block class and block type slug replacing a 2.x storage block type, and whether 2.x uploaded to it. */
    record Replacement(String blockClass, String slug, boolean upload) {
    }

    private static final Map<String, Replacement> BY_SLUG = load();

    private StorageBlockPullSteps() {
    }

    /**
     * The note for {@code -sb SLUG/NAME[/PATH]}: the pull step to write, and the push 2.x did at build; empty for a
     * block type without a known replacement.
     */
    static Optional<String> note(String storageBlock, boolean skippedUpload) {
        String[] parts = storageBlock.split("/", 3);
        Replacement r = parts.length < 2 ? null : BY_SLUG.get(parts[0]);
        if (r == null) {
            return Optional.empty();
        }
        String name = parts[1];
        String path = parts.length == 3 && !parts[2].isEmpty() ? parts[2] : null;
        return Optional.of("the code came from storage block `" + storageBlock + "`: give this deployment's entry in "
                + "prefect.yaml the pull step `prefect.deployments.steps.pull_with_block` with block_type_slug: "
                + r.slug() + " and block_document_name: " + name + ", a " + r.blockClass() + " block saved under "
                + "that name (ReplaceRemovedStorageBlocks converts the script that saved the 2.x block)"
                + (path == null ? "" : "; 2.x pulled only `" + path + "` of it, where pull_with_block copies the "
                + "whole block: prefix the entrypoint with `" + path + "/`")
                + (r.upload() && !skippedUpload ? "; 2.x uploaded the code there at build, which Prefect 3 leaves to "
                + "a push step (or a copy in CI) before `prefect deploy`" : ""));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Replacement> load() {
        try (InputStream in = StorageBlockPullSteps.class.getResourceAsStream("/dev/migrate/recipes/prefect-cli-2-to-3.yaml")) {
            if (in == null) {
                throw new IllegalStateException("prefect-cli-2-to-3.yaml is missing from the classpath");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Replacement> out = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) root.get("storage_blocks")).forEach((slug, m) -> out.put(slug,
                    new Replacement(String.valueOf(m.get("block")), String.valueOf(m.get("slug")),
                            Boolean.TRUE.equals(m.get("upload")))));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
