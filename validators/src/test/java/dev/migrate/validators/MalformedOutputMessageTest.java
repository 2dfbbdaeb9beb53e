package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
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

    /** A gzip file cut short, or named .gz without being compressed: the csv options are not what to check. */
    @ParameterizedTest
    @ValueSource(strings = {"truncated", "plain"})
    void aBrokenGzipFileSaysWhatIsWrongWithIt(String kind) throws Exception {
        Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(tmp.resolve("new"));
        Files.writeString(tmp.resolve("old/t.csv"), "id,v\n1,a\n2,b\n");
        Files.write(tmp.resolve("new/t.csv.gz"), kind.equals("plain") ? "id,v\n1,a\n2,b\n".getBytes() : truncatedGzip());
        Path cfg = OnePassDatasets.directoryPairConfig(tmp,
                "name: t, legacy: {files: t.csv}, new: {files: t.csv.gz}, key: id");
        assertThatThrownBy(() -> new Validator(new EngineSettings(1, "256MB", null, 10)).run(ConfigLoader.load(cfg),
                RunOverrides.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(tmp.resolve("new/t.csv.gz") + ": cannot read the file: ")
                .hasMessageContaining(kind.equals("plain") ? "The file is named .gz but is not gzip-compressed: rename "
                        + "it without .gz, or have the pipeline compress it" : "The gzip stream ends before its end: the "
                        + "file was cut short (a write or copy that did not finish, a full disk); re-run the write or "
                        + "the copy")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("csv options"));
    }

    /**
     * A header written by hand before a csv.writer's rows ({@code \n}, then {@code \r\n}): the engine cannot even sniff
     * the file; the message says which line ends otherwise, for the one file that does.
     */
    @Test
    void aCsvThatMixesLineEndingsIsNamedAtTheLineThatEndsOtherwise() throws Exception {
        Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(tmp.resolve("new"));
        Files.writeString(tmp.resolve("old/t.csv"), "id,v\r\n1,a\r\n2,b\r\n");
        Files.writeString(tmp.resolve("new/t.csv"), "id,v\n1,a\r\n2,b\r\n");
        Path cfg = OnePassDatasets.directoryPairConfig(tmp, "name: t, files: \"t.csv\", key: id");
        for (EngineSettings settings : List.of(new EngineSettings(1, "256MB", null, 10),
                new EngineSettings(1, "256MB", null, 10).materializing())) {
            assertThatThrownBy(() -> new Validator(settings).run(ConfigLoader.load(cfg), RunOverrides.NONE))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(tmp.resolve("new/t.csv") + ":2: this line ends with \\r\\n where line 1 "
                            + "ends with \\n: the file mixes line endings")
                    .hasMessageEndingWith("(jobs[0].datasets[0], dataset 't')");
        }
    }
}
