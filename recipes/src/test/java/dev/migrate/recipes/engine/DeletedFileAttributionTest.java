package dev.migrate.recipes.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.PrefectTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rewrite summary counts edits by the recipes a change names. OpenRewrite credited every deleted file to the
 * last recipe of the run, so a deployment.yaml moved into prefect.yaml was listed under RenameRemovedPrefectSettings.
 */
class DeletedFileAttributionTest {
    private static final String CONVERT = "dev.migrate.recipes.prefect2.ConvertDeploymentYamlToPrefectYaml";

    @TempDir
    Path project;

    @Test
    void buildOutputMovedToPrefectYamlIsCreditedToTheConversionOnly() throws Exception {
        Files.createDirectories(project.resolve("flows"));
        Files.writeString(project.resolve("flows/load-deployment.yaml"), """
                name: weekly
                description: weekly load
                work_pool_name: etl
                schedule:
                  cron: 0 6 * * 1
                flow_name: load
                entrypoint: load.py:load
                infrastructure:
                  _block_type_slug: process
                enforce_parameter_schema: false
                """);
        Files.writeString(project.resolve("worker.env"), "PREFECT_API_URL=http://127.0.0.1:4200/api\n");

        RewriteResult r = new RewriteEngine(RecipeCatalog.load().activate(
                List.of("dev.migrate.prefect.MigrateToPrefect3FromPrefect2")), PrefectTarget.defaultTarget(), true)
                .run(project);

        Map<String, List<String>> byPath = r.changes().stream()
                .collect(Collectors.toMap(c -> c.path().toString(), FileChange::recipes));
        assertThat(byPath).containsOnly(
                Map.entry("flows/load-deployment.yaml", List.of(CONVERT)),
                Map.entry("flows/prefect.yaml", List.of(CONVERT)));
    }
}
