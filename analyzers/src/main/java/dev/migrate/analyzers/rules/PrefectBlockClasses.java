package dev.migrate.analyzers.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Prefect 2 infrastructure and storage block classes Prefect 3 removed (with the integrations' infrastructure
 * blocks, gone from their releases for Prefect 3), from {@code prefect-2-block-classes.yaml}:
 * an import of one is reported as the rewrite notes it, PF205 (a work pool replaces it) or PF206 (the integration's
 * block replaces it), rather than as a removed name (PF216) with nothing said about what replaces it.
 */
public final class PrefectBlockClasses {
    /** What replaces a removed block class: the finding code and the sentence that says it. */
    public record Replacement(String code, String message) {
    }

    /**
     * A removed storage block named by slug in a {@code "slug/name"} string, and what replaces it: {@code
     * "s3/results"} is a {@code prefect.filesystems.S3} block, whose Prefect 3 replacement {@code prefect_aws.S3Bucket}
     * is {@code "s3-bucket/results"}.
     */
    public record SlugReference(String removedClass, String replacementClass, String replacement) {
    }

    private static final Map<String, Map<String, Object>> DATA = load();

    private PrefectBlockClasses() {
    }

    /**
     * For {@code prefect.infrastructure.Process}: PF205 and "...a work pool of type process..."; for an integration's
     * block ({@code prefect_aws.ecs.ECSTask}) the same, said of the integration's releases for Prefect 3; empty for
     * other names.
     */
    public static Optional<Replacement> of(String qualifiedName) {
        String pool = (String) DATA.getOrDefault("infrastructure", Map.of()).get(qualifiedName);
        if (pool != null) {
            String gone = qualifiedName.startsWith("prefect.") ? " does not exist in Prefect 3"
                    : " does not exist in the " + integration(qualifiedName) + " releases for Prefect 3";
            return Optional.of(new Replacement("PF205", qualifiedName + gone + ": infrastructure "
                    + "blocks became work pools; create one of type " + pool + " (prefect work-pool create NAME --type "
                    + pool + ") and pass the block's fields as the deployments' job variables"));
        }
        String block = (String) DATA.getOrDefault("storage", Map.of()).get(qualifiedName);
        if (block != null) {
            return Optional.of(new Replacement("PF206", qualifiedName + " does not exist in Prefect 3: its integration's "
                    + "block " + block + " replaces it (fields renamed, and code that loads the block by name loads that type)"));
        }
        return Optional.empty();
    }

    /**
     * The work pool type that replaces an infrastructure block class ({@code prefect_azure.AzureContainerInstanceJob}
     * gives {@code azure-container-instance}), or empty.
     */
    public static Optional<String> poolType(String qualifiedName) {
        return Optional.ofNullable((String) DATA.getOrDefault("infrastructure", Map.of()).get(qualifiedName));
    }

    /**
     * The work pool type that replaces the infrastructure block a 2.x deployment.yaml names by slug or type
     * ({@code ecs-task} gives {@code ecs}), or empty for a block type nobody mapped.
     */
    public static Optional<String> poolTypeOfSlug(String slug) {
        return Optional.ofNullable((String) DATA.getOrDefault("infrastructure_slugs", Map.of()).get(slug));
    }

    /**
     * The removed storage block a {@code "slug/name"} block reference names ({@code "s3/results"}), with its
     * replacement's reference; empty for any other text (another block type, no name, a path with more slashes).
     */
    public static Optional<SlugReference> storageSlug(String reference) {
        int slash = reference.indexOf('/');
        if (slash <= 0 || slash == reference.length() - 1 || reference.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        Object entry = DATA.getOrDefault("storage_slugs", Map.of()).get(reference.substring(0, slash));
        if (!(entry instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        String removed = String.valueOf(m.get("removed"));
        return Optional.of(new SlugReference(removed, (String) DATA.get("storage").get(removed),
                m.get("slug") + reference.substring(slash)));
    }

    /**
     * Whether {@code dotted} ({@code prefect_aws.S3Bucket}, {@code prefect_aws.s3.S3Bucket.load}) names a storage block
     * class Prefect 3 still has, which it takes as from_source's source without uploading the code into it, so no
     * automatic fix moves a 2.x deployment built with one ({@code kept_storage}).
     */
    public static boolean isKeptStorage(String dotted) {
        String name = dotted.endsWith(".load") ? dotted.substring(0, dotted.length() - ".load".length()) : dotted;
        int dot = name.indexOf('.');
        String pkg = dot < 0 ? name : name.substring(0, dot);
        String cls = name.substring(name.lastIndexOf('.') + 1);
        return listed("kept_storage").stream().anyMatch(k -> k.startsWith(pkg + ".") && k.endsWith("." + cls));
    }

    /** Whether the conversion of a 2.x deployment.yaml writes pull steps for storage of this block type slug. */
    public static boolean hasPullSteps(String storageSlug) {
        return listed("storage_pull_slugs").contains(storageSlug);
    }

    private static java.util.List<String> listed(String key) {
        Object v = ((Map<?, ?>) DATA).get(key); // a list, where the other keys hold mappings
        return v instanceof java.util.List<?> l ? l.stream().map(String::valueOf).toList() : java.util.List.of();
    }

    /** Whether a name is an infrastructure block class of an integration package ({@code prefect_gcp.CloudRunJob}). */
    public static boolean isIntegrationInfrastructure(String qualifiedName) {
        return !qualifiedName.startsWith("prefect.") && poolType(qualifiedName).isPresent();
    }

    /** {@code prefect-aws} for {@code prefect_aws.ecs.ECSTask}. */
    private static String integration(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return (dot < 0 ? qualifiedName : qualifiedName.substring(0, dot)).replace('_', '-');
    }

    private static Map<String, Map<String, Object>> load() {
        String resource = "/dev/migrate/analyzers/prefect-2-block-classes.yaml";
        try (InputStream in = PrefectBlockClasses.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Map.copyOf(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
