package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.recipes.python.Prefect2Leftovers;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.test.PythonCompileOracle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Prefect 2 estates migrate end to end on their configuration: after `migrate rewrite --unsafe-fixes`
 * no Prefect-2-only construct is left outside Python code and prose, every YAML file still parses, and a
 * second run changes nothing.
 */
class SamplesRewriteTest {
    /** Prefect 2 constructs that the configuration recipes must leave none of. */
    private static final Pattern PREFECT2_CONFIG = Pattern.compile(
            "prefect agent start|prefect deployment (build|apply|set-schedule)|prefecthq/prefect:2|prefect(\\[[^\\]]*\\])?==2\\."
                    + "|^prefect-version: 2|^\\s*is_schedule_active:|PREFECT_ORION_|git_clone_project", Pattern.MULTILINE);

    @TempDir
    Path work;

    // civis-scripts builds its deployments in a GitHub Actions workflow (RewritePrefectCliInCiYaml)
    @ParameterizedTest
    @ValueSource(strings = {"k2-platform", "vps-prefect2", "civis-scripts"})
    void configMigratesAndSecondRunChangesNothing(String estate) throws IOException {
        Path copy = TreeCopies.sample(estate, work);
        CliRun first = CliRun.of("rewrite", copy.toString(), "--unsafe-fixes");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).doesNotContain(" 0 file(s) changed");

        try (Stream<Path> files = Files.walk(copy)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".md") || name.endsWith(".py")) {
                    continue; // prose and Python code are other recipes' business
                }
                String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(PREFECT2_CONFIG.matcher(text).find()).as("Prefect 2 construct left in %s:%n%s", f, text).isFalse();
                if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                    new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text).forEach(doc -> { });
                }
            }
        }
        CliRun second = CliRun.of("rewrite", copy.toString(), "--unsafe-fixes");
        assertThat(second.out()).contains(" 0 file(s) changed");
    }

    /**
     * The Python half: every rewritten .py file compiles with CPython, imports only names that exist in Prefect
     * 3.8.3, and has no Prefect-2-only construct left (checked with the syntax tree, because `migrate scan` has
     * no Python detectors for these constructs yet); re-scanning the migrated copy reports no PF2xx finding
     * except the informational PF29x ones.
     */
    @ParameterizedTest
    @ValueSource(strings = {"k2-platform", "vps-prefect2"})
    void pythonMigratesToPrefect3Only(String estate) throws Exception {
        Path copy = TreeCopies.sample(estate, work);
        CliRun first = CliRun.of("rewrite", copy.toString(), "--unsafe-fixes");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("ReplaceDeploymentBuildFromFlow", "MoveRemovedPrefectImports");

        List<Path> python;
        try (Stream<Path> files = Files.walk(copy)) {
            python = files.filter(f -> f.toString().endsWith(".py")).sorted().toList();
        }
        assertThat(python).isNotEmpty();
        for (Path f : python) {
            PythonFile parsed = PythonParser.parse(f);
            assertThat(parsed.diagnostics()).as("syntax errors in %s", f).isEmpty();
            assertThat(Prefect2Leftovers.of(parsed)).as("Prefect 2 constructs left in %s:%n%s", f,
                    Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).isEmpty();
        }
        PythonCompileOracle.assertCompiles(python);

        CliRun scan = CliRun.of("scan", copy.toString(), "--format", "json");
        JsonNode findings = new ObjectMapper().readTree(scan.out()).get("findings");
        for (JsonNode f : findings) {
            assertThat(f.get("code").asText()).as("finding after migration: %s", f).doesNotMatch("PF2[0-8][0-9]");
        }
    }

}
