package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prefect 1 {@code S3}, {@code GCS} and {@code Azure} storage as the push and pull steps of the matching integration
 * ({@code prefect_aws}, {@code prefect_gcp}, {@code prefect_azure}): {@code prefect deploy} uploads the project to
 * the bucket and the worker downloads it before the run. Prefect 1 uploaded a pickled flow (or one script); Prefect 3
 * uploads the project's source, into the folder of the storage key, or one named after the flow.
 */
final class BucketStorages {
    /** class -> {step module, bucket keyword in Prefect 1, bucket keyword of the step, package}. */
    private static final Map<String, String[]> KINDS = Map.of(
            "S3", new String[] {"prefect_aws.deployments.steps", "bucket", "bucket", "prefect-aws", "push_to_s3", "pull_from_s3"},
            "GCS", new String[] {"prefect_gcp.deployments.steps", "bucket", "bucket", "prefect-gcp", "push_to_gcs", "pull_from_gcs"},
            "Azure", new String[] {"prefect_azure.deployments.steps", "container", "container", "prefect-azure",
                "push_to_azure_blob_storage", "pull_from_azure_blob_storage"});
    /** Options that only shaped how Prefect 1 stored or labelled the flow. */
    private static final Set<String> IGNORED = Set.of("stored_as_script", "add_default_labels", "secrets", "overwrite");

    private BucketStorages() {
    }

    static Optional<Storages.Source> read(String cls, CallView call, String flowName, List<String> problems,
                                          List<String> decisions, AsWritten written) {
        String[] kind = KINDS.get(cls);
        Optional<String> bucket = Storages.str(call, kind[1], 0);
        if (bucket.isEmpty()) {
            problems.add(cls + " storage without a literal " + kind[1] + ": add " + kind[4] + "/" + kind[5]
                    + " steps (" + kind[0] + ") to prefect.yaml by hand");
            return Optional.empty();
        }
        String keyword = cls.equals("Azure") ? "blob_name" : "key";
        String folder = Storages.str(call, keyword, -1).filter(k -> k.contains("/"))
                .map(k -> k.substring(0, k.lastIndexOf('/'))).orElse(flowName == null ? "flows" : slug(flowName));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put(kind[2], bucket.get());
        args.put("folder", folder);
        Storages.str(call, "project", -1).filter(p -> cls.equals("GCS")).ifPresent(p -> args.put("project", p));
        if (cls.equals("Azure")) {
            String secret = Storages.str(call, "connection_string_secret", -1).orElse("AZURE_STORAGE_CONNECTION_STRING");
            String block = Secrets.blockName(secret);
            args.put("credentials", "{{ prefect.blocks.azure-blob-storage-credentials." + block + " }}");
            decisions.add("Azure storage: the connection string moves to an AzureBlobStorageCredentials block named '"
                    + block + "' (prefect_azure); create it with the value of the Prefect 1 secret " + secret);
        }
        call.keyword("local_script_path").ifPresent(a -> decisions.add(cls + " storage: local_script_path="
                + written.text(a.value()) + " named the script Prefect 1 uploaded; the push step uploads the project "
                + "and the deployment's entrypoint names the flow's file"));
        for (Argument a : call.arguments()) {
            String k = a.keyword();
            if (k != null && !k.equals(kind[1]) && !k.equals("local_script_path") && !k.equals(keyword) && !k.equals("project")
                    && !k.equals("connection_string_secret") && !IGNORED.contains(k)) {
                problems.add(cls + " storage option " + k + "=" + written.text(a.value()) + " has no place in the "
                        + kind[4] + "/" + kind[5] + " steps; set it on the steps by hand");
            }
        }
        decisions.add(cls + " storage: `prefect deploy` pushes the project source to " + bucket.get() + "/" + folder
                + " (" + kind[0] + "." + kind[4] + ") and the worker pulls it (" + kind[5] + "); Prefect 1 stored a "
                + "pickled flow there. " + kind[3] + " must be installed where it deploys and runs (it is added to "
                + "requirements files that list prefect)");
        return Optional.of(new Storages.Source(List.of(), List.of(Map.of(kind[0] + "." + kind[4], args)), null,
                List.of(Map.of(kind[0] + "." + kind[5], new LinkedHashMap<>(args))), null, null, null, null, problems,
                decisions));
    }

    static String slug(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "flows" : s;
    }
}
