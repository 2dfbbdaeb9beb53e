package dev.migrate.recipes.prefectcli;

import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.sources.config.PrefectCliTables;
import dev.migrate.analyzers.sources.python.SavedBlocks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What replaces the storage block a 2.x {@code prefect deployment build -sb github/code} took the code from:
 * {@code prefect deploy} has no such flag, so the code location becomes a pull step naming the Prefect 3 block
 * saved under the same name ({@code storage_blocks} of {@code prefect-cli-2-to-3.yaml}, read through {@link PrefectCliTables}).
 */
final class StorageBlockPullSteps {
    /**
     * The Prefect 3 block class and block type slug replacing a 2.x storage block type, whether 2.x uploaded to it, and
     * the pull step that fetches the code of a save of it whose settings are known (null when there is none).
     */
    record Replacement(String blockClass, String slug, boolean upload, SavedStep saved) {
    }

    /**
     * A pull step written from a saved 2.x block's own fields.
     *
     * @param step     the step's qualified name
     * @param field    the 2.x field holding the code's location ({@code repository}, {@code bucket_path})
     * @param argument the step's argument it goes to ({@code bucket}: a bucket_path's folder goes to {@code folder})
     * @param branch   the 2.x field holding the git reference, given as the step's {@code branch}, or null
     * @param needs    what the step needs that the 2.x block held (credentials, a package on the worker)
     */
    record SavedStep(String step, String field, String argument, String branch, String needs) {
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

    /**
     * The note for {@code -sb SLUG/NAME[/PATH]} when one script of the run saves that block with literal settings
     * ({@code saved}): the pull step that fetches the code from where the block pointed, with the saved repository and
     * reference, or bucket and folder, so that no block is needed; empty for a type or a save without them.
     */
    static Optional<String> savedNote(String storageBlock, SavedBlocks.Saved saved, boolean skippedUpload) {
        String[] parts = storageBlock.split("/", 3);
        Replacement r = parts.length < 2 ? null : BY_SLUG.get(parts[0]);
        SavedStep step = r == null ? null : r.saved();
        Optional<String> location = step == null ? Optional.empty()
                : saved.string(step.field()).map(String::strip).filter(v -> !v.isEmpty());
        if (location.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> args = new LinkedHashMap<>();
        if (step.field().equals("bucket_path")) {
            String bucketPath = location.get();
            int slash = bucketPath.indexOf('/');
            args.put(step.argument(), slash < 0 ? bucketPath : bucketPath.substring(0, slash));
            args.put("folder", slash < 0 ? "" : bucketPath.substring(slash + 1));
        } else {
            args.put(step.argument(), location.get());
        }
        if (step.branch() != null) {
            saved.string(step.branch()).filter(b -> !b.isBlank()).ifPresent(b -> args.put("branch", b));
        }
        String path = parts.length == 3 && !parts[2].isEmpty() ? parts[2] : null;
        String written = args.entrySet().stream().map(e -> e.getKey() + ": " + shown(e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
        return Optional.of("PF206: the code came from storage block `" + storageBlock + "`, the " + saved.describe()
                + ": give this deployment's entry in prefect.yaml the pull step `" + step.step() + "` with " + written
                + ", which fetches the same code with no block; " + step.needs()
                + (path == null ? "" : "; 2.x pulled only `" + path + "` of it, where the step fetches all of it: "
                + "prefix the entrypoint with `" + path + "/`")
                + (r.upload() && !skippedUpload ? "; 2.x uploaded the code there at build, which Prefect 3 leaves to "
                + "a push step (or a copy in CI) before `prefect deploy`" : ""));
    }

    /** A step argument as a note prints it: an empty folder quoted, a value that holds a credential masked. */
    private static String shown(String key, String value) {
        return value.isEmpty() ? "\"\"" : Redactor.redactValue(key, value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Replacement> load() {
        Map<String, Object> root = PrefectCliTables.read("prefect-cli-2-to-3.yaml");
        Map<String, Replacement> out = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) root.get("storage_blocks")).forEach((slug, m) -> {
            Map<String, String> saved = (Map<String, String>) m.get("saved");
            out.put(slug, new Replacement(String.valueOf(m.get("block")), String.valueOf(m.get("slug")),
                    Boolean.TRUE.equals(m.get("upload")), saved == null ? null : new SavedStep(saved.get("step"),
                    saved.get("field"), saved.get("argument"), saved.get("branch"), saved.get("needs"))));
        });
        return Map.copyOf(out);
    }
}
