package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CSV column DuckDB reads as text on one side (one value is no timestamp: 'n/a') and as a timestamp on the other:
 * the texts that read as moments ({@code 2024-03-02T01:30:00}, with or without a zone) compare as those moments, whatever
 * their spelling; the others differ. Compared as text, every row differed.
 */
class TextAgainstTimestampTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"key: id", "key: at", "key: id, ordered: true"})
    void isoTextComparesWithTimestampsAsMoments(String dataset) throws Exception {
        Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(tmp.resolve("new"));
        StringBuilder legacy = new StringBuilder("id,at,seen\n");
        StringBuilder current = new StringBuilder("id,at,seen\n");
        for (int i = 1; i <= 300; i++) {
            String hh = String.format("%02d", i % 24);
            String day = String.format("2024-03-%02d", 1 + i % 28);
            legacy.append(i).append(',').append(i).append('-').append(day).append('T').append(hh).append(":00:00Z,")
                    .append(i == 7 ? "n/a" : day + "T" + hh + ":30:00" + (i % 2 == 0 ? "+00:00" : "")).append('\n');
            current.append(i).append(',').append(i).append('-').append(day).append('T').append(hh).append(":00:00Z,")
                    .append(day).append(' ').append(hh).append(i == 150 ? ":31:00" : ":30:00").append('\n');
        }
        Files.writeString(tmp.resolve("old/t.csv"), legacy.toString().replace("id,at,seen", "id,key,seen")
                .replaceAll("(?m)^(\\d+),\\d+-", "$1,"));
        Files.writeString(tmp.resolve("new/t.csv"), current.toString().replace("id,at,seen", "id,key,seen")
                .replaceAll("(?m)^(\\d+),\\d+-", "$1,"));
        Path cfg = OnePassDatasets.directoryPairConfig(tmp, "name: t, files: \"t.csv\", %s"
                .formatted(dataset.replace("key: at", "key: [id, seen]")));
        JobResult job = OnePassDatasets.runConfig(cfg);
        CheckResult diff = OnePassDatasets.rowDiff(job);
        if (dataset.equals("key: at")) {
            // the two rows whose seen differs are missing and extra under a composite key; every other row pairs
            assertThat(diff.difference()).isEqualTo("differs=0");
            assertThat(diff.legacyValue() + " " + diff.newValue()).isEqualTo("missing=2 extra=2");
            return;
        }
        assertThat(diff.difference()).isEqualTo("differs=2");
        assertThat(diff.samples()).extracting(s -> s.key().get("id") + ":" + s.differing())
                .containsExactlyInAnyOrder("7:[seen]", "150:[seen]");
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA && "seen".equals(c.subject()))
                .singleElement().satisfies(c -> assertThat(c.message()).contains("VARCHAR in legacy and TIMESTAMP in new (types inferred from text; values compared as moments "
                        + "where the text reads as one, else text)"));
    }
}
