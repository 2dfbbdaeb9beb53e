package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dry-run diff of every sample estate with its migration is what `git apply` accepts, and it shows none of the
 * secrets planted in the estate: masking secrets on the terminal must not touch code or text that only looks like a
 * secret (`crm_token = PrefectSecret(...)`, `keyword_tasks={...}`, a note saying "secret: variable X").
 */
class SampleDryRunDiffsTest {
    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource({
        "k2-platform, dev.migrate.prefect.MigrateToPrefect3FromPrefect2",
        "vps-prefect2, dev.migrate.prefect.MigrateToPrefect3FromPrefect2",
        "prefect1-lake, dev.migrate.prefect.MigrateToPrefect3FromPrefect1",
        "legacy-host, dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun",
        "legacy-host, dev.migrate.prefect.MoveLegacySchedulersToPrefect3Cutover",
        "civis-scripts, dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun",
    })
    void theDiffAppliesAndShowsNoPlantedSecret(String estate, String recipe) throws Exception {
        Path samples = Path.of(System.getProperty("migrate.repo.root", "..")).resolve("samples");
        Path copy = work.resolve(estate);
        copyTree(samples.resolve(estate), copy);
        CliRun run = CliRun.of("rewrite", copy.toString(), "--recipe", recipe, "--dry-run", "--unsafe-fixes");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("diff --git");
        assertThat(run.err()).doesNotContain("secrets in the diff");
        for (String secret : plantedSecrets(samples, estate)) {
            assertThat(run.out()).as("planted secret of " + estate).doesNotContain(secret);
            assertThat(run.err()).as("planted secret of " + estate).doesNotContain(secret);
        }
        Path patch = work.resolve(estate + ".patch");
        Files.writeString(patch, run.out(), StandardCharsets.UTF_8);
        git(copy, "init", "-q");
        Process check = new ProcessBuilder("git", "apply", "--check", patch.toString()).directory(copy.toFile())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
    }

    private static List<String> plantedSecrets(Path samples, String estate) throws IOException {
        try (Reader in = Files.newBufferedReader(samples.resolve("planted-secrets.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).stream()
                    .filter(r -> r.get("estate").equals(estate)).map(r -> r.get("secret")).toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!Files.isSymbolicLink(f)) {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
}
