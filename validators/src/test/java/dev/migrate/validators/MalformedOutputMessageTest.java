package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A malformed output file is one clear line: the file, what DuckDB found wrong (without the line of carets it
 * underlines the input with), what to do, and the config path of the dataset that read it.
 */
class MalformedOutputMessageTest {
    @TempDir
    Path tmp;

    private static byte[] truncatedGzip() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write("id,v\n1,a\n2,b\n".getBytes());
        }
        return java.util.Arrays.copyOf(b.toByteArray(), 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "parquet", "csv.gz"})
    void oneLineWithoutCaretsNamingTheDataset(String ext) throws Exception {
        Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(tmp.resolve("new"));
        byte[] bad = switch (ext) {
            case "json" -> "{\"id\": 1, \"v\": \"a\"}\n{\"id\": 2, \"v\":\n".getBytes();
            case "parquet" -> "not a parquet file".getBytes();
            default -> truncatedGzip();
        };
        Files.write(tmp.resolve("old/t." + ext), bad);
        Files.write(tmp.resolve("new/t." + ext), bad);
        Path cfg = OnePassDatasets.directoryPairConfig(tmp, "name: t, files: \"t.%s\", key: id".formatted(ext));
        assertThatThrownBy(() -> new Validator(new EngineSettings(1, "256MB", null, 10)).run(ConfigLoader.load(cfg),
                RunOverrides.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(tmp.resolve("old/t." + ext) + ": cannot read the file: ")
                .hasMessageEndingWith("(jobs[0].datasets[0], dataset 't')")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("^")
                        .doesNotContain("\n").doesNotContain("csv options".repeat(ext.equals("csv.gz") ? 2 : 1)));
    }
}
