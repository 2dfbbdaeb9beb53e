package dev.migrate.recipes.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Prefect 2 infrastructure and storage blocks and their Prefect 3 replacements, from {@code prefect-2-blocks.yaml}. */
public final class PrefectBlocks {
    private static final String RESOURCE = "/dev/migrate/recipes/prefect-2-blocks.yaml";

    /**
     * An infrastructure block: the work pool type it becomes, the fields that are job variables there, the
     * values a 2.x deployment.yaml holds for fields nobody set, the package the pool's worker needs ({@code
     * prefect-gcp[aiplatform]}; null for the pools Prefect itself or its images serve), and what to tell a person
     * about fields whose 2.x default the pool does not keep, when a block leaves them unset.
     */
    public record Infrastructure(String poolType, List<String> jobVariables, Map<String, Object> unset,
                                 Map<String, List<Object>> unsetAnyOf, String workerPackage,
                                 Map<String, String> defaultsChanged) {
        /** Whether {@code value} is what 2.x wrote for {@code field} when nobody set it. */
        public boolean isUnset(String field, Object value) {
            return value != null && (value.equals(unset.get(field))
                    || unsetAnyOf.getOrDefault(field, List.of()).contains(value));
        }
    }

    /**
     * A storage block: the from_source class, block field to argument names, fields that need a person, the
     * two arguments a "bucket/folder" path splits into (or none), and the credentials block its secrets go to.
     */
    public record Storage(String sourceClass, Map<String, String> arguments, List<String> credentials,
                          List<String> bucketPath, CredentialsBlock credentialsBlock) {
    }

    /**
     * A credentials block: its class, the source argument that takes it, block field to its argument names, and
     * the arguments whose string it decodes as a JSON object (a literal that is none fails at construction).
     */
    public record CredentialsBlock(String className, String argument, Map<String, String> fields,
                                   List<String> jsonObjects) {
    }

    private final Map<String, Object> infrastructure;
    private final Map<String, Object> storage;
    private final List<String> keptStorage;
    private final List<String> gitStorage;
    private final Map<String, Map<String, String>> enumValues;
    private final Map<String, Map<String, String>> fieldValues;

    @SuppressWarnings("unchecked")
    private PrefectBlocks() {
        try (InputStream in = PrefectBlocks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            infrastructure = (Map<String, Object>) root.get("infrastructure");
            storage = (Map<String, Object>) root.get("storage");
            keptStorage = List.copyOf((List<String>) root.get("kept_storage"));
            gitStorage = List.copyOf((List<String>) root.getOrDefault("git_storage", List.of()));
            enumValues = (Map<String, Map<String, String>>) root.get("enum_values");
            fieldValues = (Map<String, Map<String, String>>) root.getOrDefault("field_values", Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PrefectBlocks get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final PrefectBlocks INSTANCE = new PrefectBlocks();
    }

    @SuppressWarnings("unchecked")
    public Optional<Infrastructure> infrastructure(String qualifiedName) {
        Map<String, Object> m = (Map<String, Object>) infrastructure.get(qualifiedName);
        return m == null ? Optional.empty() : Optional.of(infrastructure(m));
    }

    /**
     * The infrastructure block of a 2.x block type slug ({@code docker-container}), or of the block's type field where
     * it differs from the slug (AzureContainerInstanceJob's {@code container-instance-job}).
     */
    @SuppressWarnings("unchecked")
    public Optional<Infrastructure> infrastructureOfSlug(String slug) {
        return infrastructure.values().stream().map(v -> (Map<String, Object>) v)
                .filter(m -> slug.equals(m.get("slug")) || slug.equals(m.get("type"))).findFirst()
                .map(PrefectBlocks::infrastructure);
    }

    /**
     * The class names of the integrations' infrastructure blocks, without their modules ({@code ECSTask}), to find
     * files naming one (prefect's own are imported from a module named {@code infrastructure}).
     */
    public List<String> integrationInfrastructureClassNames() {
        return infrastructure.keySet().stream().filter(q -> !q.startsWith("prefect."))
                .map(q -> q.substring(q.lastIndexOf('.') + 1)).distinct().toList();
    }

    @SuppressWarnings("unchecked")
    private static Infrastructure infrastructure(Map<String, Object> m) {
        return new Infrastructure(String.valueOf(m.get("pool_type")), (List<String>) m.get("job_variables"),
                (Map<String, Object>) m.getOrDefault("unset", Map.of()),
                (Map<String, List<Object>>) m.getOrDefault("unset_any_of", Map.of()), (String) m.get("worker_package"),
                (Map<String, String>) m.getOrDefault("defaults_changed", Map.of()));
    }

    /**
     * The 2.x storage block class of a block type slug ({@code s3} gives {@code prefect.filesystems.S3}), which
     * {@code Block.load("s3/code")} loads as {@code S3.load("code")} does.
     */
    @SuppressWarnings("unchecked")
    public Optional<String> storageClassOfSlug(String slug) {
        return storage.entrySet().stream().filter(e -> slug.equals(((Map<String, Object>) e.getValue()).get("slug")))
                .map(Map.Entry::getKey).findFirst();
    }

    @SuppressWarnings("unchecked")
    public Optional<Storage> storage(String qualifiedName) {
        Map<String, Object> m = (Map<String, Object>) storage.get(qualifiedName);
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(storage(m, "source"));
    }

    /**
     * The Prefect 3 block a script builds instead of a 2.x storage block ({@code S3(...).save("code")}): the
     * from_source class when it is a block, else the entry's {@code block} ({@code GitHub} becomes
     * {@code prefect_github.GitHubRepository}, since from_source's {@code GitRepository} is no block).
     */
    @SuppressWarnings("unchecked")
    public Optional<Storage> block(String qualifiedName) {
        Map<String, Object> m = (Map<String, Object>) storage.get(qualifiedName);
        if (m == null) {
            return Optional.empty();
        }
        Map<String, Object> block = (Map<String, Object>) m.get("block");
        return Optional.of(block == null ? storage(m, "source") : storage(block, "class"));
    }

    @SuppressWarnings("unchecked")
    private static Storage storage(Map<String, Object> m, String classKey) {
        Map<String, Object> c = (Map<String, Object>) m.get("credentials_block");
        CredentialsBlock credentials = c == null ? null : new CredentialsBlock(String.valueOf(c.get("class")),
                String.valueOf(c.get("argument")), (Map<String, String>) c.get("fields"),
                (List<String>) c.getOrDefault("json_objects", List.of()));
        return new Storage(String.valueOf(m.get(classKey)),
                (Map<String, String>) m.getOrDefault("arguments", Map.of()),
                (List<String>) m.getOrDefault("credentials", List.of()),
                (List<String>) m.getOrDefault("bucket_path", List.of()), credentials);
    }

    /**
     * The Prefect 3 job variable value of a 2.x infrastructure enum member ({@code
     * prefect.infrastructure.kubernetes.KubernetesImagePullPolicy.ALWAYS} gives {@code Always}), or empty.
     */
    public Optional<String> enumValue(String dottedMember) {
        int dot = dottedMember.lastIndexOf('.');
        Map<String, String> members = dot < 0 ? null : enumValues.get(dottedMember.substring(0, dot));
        return members == null ? Optional.empty() : Optional.ofNullable(members.get(dottedMember.substring(dot + 1)));
    }

    /**
     * The Prefect 3 job variable value of a 2.x infrastructure field value written as a string ({@code
     * image_pull_policy} {@code "ALWAYS"} gives {@code "Always"}), or empty when the job variable takes it as it is.
     */
    public Optional<String> jobVariableValue(String field, String value) {
        Map<String, String> values = fieldValues.get(field);
        return values == null ? Optional.empty() : Optional.ofNullable(values.get(value));
    }

    /**
     * Whether a dotted name (a class, or its {@code load} method) is a git repository block of an integration
     * ({@code prefect_github.repository.GitHubRepository.load} matches {@code prefect_github.GitHubRepository}).
     */
    public boolean isGitSource(String dotted) {
        return gitStorage.stream().anyMatch(g -> samePackageAndClass(dotted, g));
    }

    /** {@code dotted} (or its {@code load}) names {@code qualified}'s class in the same top-level package. */
    private static boolean samePackageAndClass(String dotted, String qualified) {
        String name = dotted.endsWith(".load") ? dotted.substring(0, dotted.length() - ".load".length()) : dotted;
        String pkg = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String cls = name.substring(name.lastIndexOf('.') + 1);
        return qualified.startsWith(pkg + ".") && qualified.endsWith("." + cls);
    }

    /**
     * Whether a dotted name (a class, or its {@code load} method) is one of the Prefect 3 source classes:
     * {@code prefect_gcp.cloud_storage.GcsBucket.load} matches {@code prefect_gcp.GcsBucket}, the same
     * package and class re-exported at its top; or a 2.x storage block Prefect 3 keeps ({@code RemoteFileSystem}).
     */
    @SuppressWarnings("unchecked")
    public boolean isSourceClass(String dotted) {
        String name = dotted.endsWith(".load") ? dotted.substring(0, dotted.length() - ".load".length()) : dotted;
        if (keptStorage.contains(name)) {
            return true;
        }
        for (Object v : storage.values()) {
            if (samePackageAndClass(name, String.valueOf(((Map<String, Object>) v).get("source")))) {
                return true;
            }
        }
        return false;
    }
}
