package dev.migrate.validators.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sides the one-pass scan takes, and the CSV row estimate that decides whether its lists fit. */
class StreamingScanTest {
    @TempDir
    Path tmp;

    @Test
    void csvRowsAreEstimatedFromTheFirstLinesWithoutUnderestimating() throws Exception {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 0; i < 200_000; i++) {
            text.append(i).append(",name-").append(i % 1000).append('\n');
        }
        Path big = Files.writeString(tmp.resolve("big.csv"), text);
        assertThat(StreamingScan.estimatedCsvRows(big)).isBetween(200_001L, 300_000L);
        Path small = Files.writeString(tmp.resolve("small.csv"), "id\n1\n2\n");
        assertThat(StreamingScan.estimatedCsvRows(small)).isBetween(3L, 4L);
    }

    @Test
    void compressedCsvAndOrderedDatasetsTakeTheMaterializedPath() {
        List<Path> csv = List.of(tmp.resolve("a.csv"));
        List<Path> parquet = List.of(tmp.resolve("a.parquet"));
        assertThat(StreamingScan.suits(csv, parquet, false)).isTrue();
        assertThat(StreamingScan.suits(csv, csv, true)).isFalse();
        assertThat(StreamingScan.suits(csv, List.of(tmp.resolve("a.csv.gz")), false)).isFalse();
        assertThat(StreamingScan.suits(List.of(tmp.resolve("a.json")), parquet, false)).isFalse();
        assertThat(StreamingScan.suits(csv, null, false)).isFalse();
    }
}
