package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without keys the column aggregates are the only check of the values, so their hash aggregate must count a
 * repeated value each time: two rows moving between two frequent values (each present an even number of
 * times) change nothing a XOR of hashes can see, nor the count, nulls, min or max.
 */
class HashAggregateTest {
    @TempDir
    Path tmp;

    private static final String ROWS = "SELECT range AS id, CASE WHEN range % 2 = 0 THEN 'a' ELSE 'b' END AS label "
            + "FROM range(1000)";
    private static final String TWO_MOVED = "SELECT id, CASE WHEN id IN (0, 2) THEN 'b' ELSE label END AS label FROM ("
            + ROWS + ")";

    private CheckResult labelAggregate(String format) throws Exception {
        return OnePassDatasets.run(tmp, format, false, null, 2).checks().stream()
                .filter(c -> c.check() == Check.AGGREGATE && c.subject().equals("label")).findFirst().orElseThrow();
    }

    @Test
    void rowsMovingBetweenFrequentValuesFailTheHashAggregateOnEveryPath() throws Exception {
        // Parquet and CSV take the one-pass scan; JSON is loaded into tables (the materialized path).
        for (String format : List.of("parquet", "csv", "json")) {
            OnePassDatasets.write(tmp, "legacy", format, ROWS);
            OnePassDatasets.write(tmp, "new", format, TWO_MOVED);
            CheckResult moved = labelAggregate(format);
            assertThat(moved.status()).as(format).isEqualTo(Status.FAIL);
            assertThat(moved.message()).as(format).isEqualTo("aggregates differ: hash");
            OnePassDatasets.write(tmp, "new", format, ROWS + " ORDER BY id DESC");
            assertThat(labelAggregate(format).status()).as(format + " reordered").isEqualTo(Status.PASS);
        }
    }
}
