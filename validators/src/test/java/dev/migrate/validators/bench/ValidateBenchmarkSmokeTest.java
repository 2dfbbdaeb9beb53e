package dev.migrate.validators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny run of the benchmark, so that it keeps working; no timing is asserted. */
class ValidateBenchmarkSmokeTest {
    @Test
    void benchmarkFindsTheGeneratedDifferences(@TempDir Path tmp) throws Exception {
        for (String format : new String[] {"csv", "parquet"}) {
            JobResult[] jobs = ValidateBenchmark.run(20_000, format, 1, "256MB", tmp.resolve(format));
            assertThat(jobs[0].checks()).filteredOn(c -> c.check() == Check.ROW_DIFF).singleElement()
                    .satisfies(c -> assertThat(c.difference()).isEqualTo("differs=20"));
            assertThat(jobs[1].status()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void jsonCsvBenchmarkFindsTheChangedDocumentsInBothOrders(@TempDir Path tmp) throws Exception {
        assertThat(JsonCsvRereadBenchmark.run(5_000, 1, "256MB", tmp, 1)).hasSize(2).allSatisfy(job -> assertThat(
                job.checks()).filteredOn(c -> c.check() == Check.ROW_DIFF).singleElement().satisfies(c -> {
                    assertThat(c.difference()).isEqualTo("differs=5");
                    // each document as written beside its canonical text: read again from the files
                    assertThat(c.samples()).hasSize(5).allSatisfy(r -> assertThat(r.legacyRaw()).containsKey("payload"));
                }));
    }
}
