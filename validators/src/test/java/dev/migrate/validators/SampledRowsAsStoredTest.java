package dev.migrate.validators;

import static dev.migrate.validators.JobChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.query.Statement;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.SampleRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV outputs with a JSON column, loaded into the engine (the materialized path, which large files take): the loaded
 * tables hold each document's canonical text only, so when rows differ the rows of the sampled keys are read from the
 * files again, each read stopping once it has found its side's sampled keys. Whatever the order of the rows in the
 * files (in key order the read stops early, shuffled or reversed it runs further), the samples are the same, with
 * each document as written beside its canonical text; and the dry run lists those reads.
 */
class SampledRowsAsStoredTest {
    private static final int ROWS = 6000;

    @TempDir
    Path tmp;

    /** The document of row {@code id} as a serialiser with spaces writes it: never its canonical text. */
    private static String document(int id, int qty) {
        return "{\"n\": " + id + ", \"qty\": " + qty + ", \"tags\": [\"a\", \"b\"]}";
    }

    /**
     * Legacy and new CSV files of {@code dir}, rows in {@code order}: every 500th row (from 7) has another quantity on
     * the new side, row 100 is missing from new, row 6001 extra in new.
     */
    private Path files(String dir, String order) throws Exception {
        List<String> legacy = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int id = 1; id <= ROWS; id++) {
            legacy.add(id + ",\"" + document(id, 1).replace("\"", "\"\"") + "\"");
            if (id != 100) {
                current.add(id + ",\"" + document(id, id % 500 == 7 ? 2 : 1).replace("\"", "\"\"") + "\"");
            }
        }
        current.add((ROWS + 1) + ",\"" + document(ROWS + 1, 1).replace("\"", "\"\"") + "\"");
        for (List<String> rows : List.of(legacy, current)) {
            if (order.equals("shuffled")) {
                Collections.shuffle(rows, new Random(rows.size()));
            } else if (order.equals("reversed")) {
                Collections.reverse(rows);
            }
        }
        Path out = Files.createDirectories(tmp.resolve(dir).resolve("out"));
        Files.writeString(out.resolve("legacy.csv"), "id,doc\n" + String.join("\n", legacy) + "\n");
        Files.writeString(out.resolve("new.csv"), "id,doc\n" + String.join("\n", current) + "\n");
        return Files.writeString(tmp.resolve(dir).resolve("v.yaml"), """
                connections:
                  out: {type: directory, path: out}
                jobs:
                  - name: j
                    legacy: {connection: out}
                    new: {connection: out}
                    datasets: [{name: docs, legacy: {files: legacy.csv}, new: {files: new.csv}, key: id,
                                json_columns: [doc]}]
                """);
    }

    private static Validator validator(int sampleSize) {
        return new Validator(new EngineSettings(1, "256MB", null, sampleSize).materializing());
    }

    private CheckResult rows(String order, int sampleSize) throws Exception {
        Path cfg = files(order + sampleSize, order);
        return check(validator(sampleSize).run(ConfigLoader.load(cfg), RunOverrides.NONE).jobs().get(0),
                Check.ROW_DIFF, "rows");
    }

    @Test
    void theSampledRowsAreTheSameWhateverTheOrderOfTheFiles() throws Exception {
        CheckResult inKeyOrder = rows("sorted", 10);
        assertThat(inKeyOrder.message()).startsWith("12 rows differ");
        assertThat(inKeyOrder.samples()).hasSize(10);
        // the smallest differing keys first, each document as written beside its canonical text
        SampleRow first = inKeyOrder.samples().get(0);
        assertThat(first.kind()).isEqualTo("differs");
        assertThat(first.key()).isEqualTo(Map.of("id", "7"));
        assertThat(first.legacy()).containsEntry("doc", "{\"n\":7,\"qty\":1,\"tags\":[\"a\",\"b\"]}");
        assertThat(first.legacyRaw()).isEqualTo(Map.of("doc", document(7, 1)));
        assertThat(first.currentRaw()).isEqualTo(Map.of("doc", document(7, 2)));

        for (String order : List.of("shuffled", "reversed")) {
            assertThat(rows(order, 10).samples()).as(order).isEqualTo(inKeyOrder.samples());
        }
    }

    /** A sample past the differing rows holds the missing and the extra row: one side each, none short. */
    @Test
    void missingAndExtraRowsAreReadFromTheirOwnSideOnly() throws Exception {
        CheckResult all = rows("sorted", 20);
        assertThat(all.samples()).hasSize(14).extracting(SampleRow::kind).containsOnlyOnce("missing", "extra");
        assertThat(all.samples()).filteredOn(s -> s.kind().equals("missing")).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo(Map.of("id", "100"));
            assertThat(s.legacyRaw()).isEqualTo(Map.of("doc", document(100, 1)));
        });
        assertThat(all.samples()).filteredOn(s -> s.kind().equals("extra")).singleElement()
                .satisfies(s -> assertThat(s.currentRaw()).isEqualTo(Map.of("doc", document(ROWS + 1, 1))));
        assertThat(rows("shuffled", 20).samples()).isEqualTo(all.samples());
    }

    @Test
    void theDryRunListsTheRereadOfTheSampledRows() throws Exception {
        List<PlannedStatement> plan = validator(10).dryRun(ConfigLoader.load(files("plan", "sorted")),
                RunOverrides.NONE);
        List<String> purposes = plan.stream().map(p -> p.statement().purpose()).toList();
        int count = purposes.indexOf("sampled keys per side");
        int legacy = purposes.indexOf("sample rows (legacy, as stored)");
        int current = purposes.indexOf("sample rows (new, as stored)");
        int samples = purposes.indexOf("row diff samples");
        assertThat(count).isNotNegative();
        assertThat(List.of(count, legacy, current, samples)).isSorted();
        assertThat(plan.get(legacy).side()).isEqualTo("legacy");
        assertThat(plan.get(current).side()).isEqualTo("new");
        Statement reread = plan.get(legacy).statement();
        // the file's scan under an unbounded limit, the keys' filter above it, and a limit that ends the read
        assertThat(reread.sql()).startsWith("CREATE OR REPLACE TEMP TABLE \"legacy_sampled\" AS SELECT s.* FROM (SELECT")
                .contains("read_csv", "LIMIT " + Long.MAX_VALUE + ") AS s SEMI JOIN").endsWith(" LIMIT ?");
        assertThat(reread.params()).contains(List.of(tmp.resolve("plan/out/legacy.csv").toString()));
        assertThat(plan.get(samples).statement().sql()).contains("\"legacy_sampled\"", "\"new_sampled\"");
    }
}
