package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.rules.PrefectBlockClasses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scan reports a build output's storage as an unsafe fix (PF206) only for the block types whose pull steps the
 * conversion writes ({@code storage_pull_slugs}), and as manual for the others: the two must agree, or the scan
 * promises an edit the rewrite does not make.
 */
class DeploymentYamlStoragePullStepsAgreementTest {
    @ParameterizedTest
    @ValueSource(strings = {"github", "s3", "gcs", "azure", "local-file-system", "s3-bucket", "gcs-bucket",
            "remote-file-system", "smb", "azure-blob-storage-container"})
    void theConversionWritesPullStepsExactlyForTheTypesScanCallsFixable(String slug) {
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("_block_type_slug", slug);
        storage.put("repository", "https://github.com/acme/flows");
        storage.put("bucket_path", "bucket/flows");
        storage.put("basepath", "/srv/flows");
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("name", "nightly");
        build.put("flow_name", "etl");
        build.put("entrypoint", "etl.py:etl");
        build.put("work_pool_name", "etl");
        build.put("storage", storage);
        DeploymentYamlEntry.Converted converted = DeploymentYamlEntry.convert(build, true);
        boolean pulls = converted.entry().get("pull") instanceof java.util.List<?> steps && !steps.isEmpty();
        assertThat(pulls).as("pull steps for %s", slug).isEqualTo(PrefectBlockClasses.hasPullSteps(slug));
        if (!pulls) {
            assertThat(converted.notes()).anyMatch(n -> n.message().contains("no mechanical pull step"));
        }
    }
}
