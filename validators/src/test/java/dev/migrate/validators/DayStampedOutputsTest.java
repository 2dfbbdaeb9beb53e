package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output named by a date alone ({@code extract_2024-01-01.json}, {@code dt=2024-01-01/}) belongs to every run of
 * that day: a daily run scheduled at 23:00 with a two-hour run_window wrote it, though its midnight is 23 hours away.
 * Read as that midnight, the file fell outside the window on both sides, so a new run that did not write it passed.
 */
class DayStampedOutputsTest {
    @TempDir
    Path tmp;

    private void write(String side, String... names) throws Exception {
        for (String name : names) {
            Path f = tmp.resolve(side).resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, "{\"id\": 1}\n");
        }
    }

    private JobResult run() throws Exception {
        return OnePassDatasets.runConfig(Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  a: {type: directory, path: legacy}
                  b: {type: directory, path: new}
                jobs:
                  - name: nightly
                    legacy: {connection: a, run: "2024-01-01T23:00:00Z"}
                    new: {connection: b, run: "2024-01-01T23:05:00Z"}
                    run_window: PT2H
                    outputs: ["**/*.json"]
                """));
    }

    @Test
    void aFileNamedByTheRunsDayBelongsToTheRun() throws Exception {
        // the run's own day, yesterday's run's file, and a file stamped to the minute of this run
        write("legacy", "extract_2024-01-01.json", "extract_2023-12-31.json", "dt=20240101/part-0.json",
                "log_2024-01-01T2300.json");
        write("new", "extract_2023-12-31.json", "log_2024-01-01T2305.json");
        JobResult job = run();
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).extracting(CheckResult::message)
                .containsExactlyInAnyOrder(
                        "missing output: the legacy run wrote extract_2024-01-01.json but the new run wrote nothing "
                                + "at extract_{ts}.json",
                        "missing output: the legacy run wrote dt=20240101/part-0.json but the new run wrote nothing "
                                + "at dt={ts}/part-0.json");
    }

    /** The must-not-change case: the same outputs match, and a day outside the window stays outside. */
    @Test
    void theSameDayOutputsMatchAndOtherDaysStayOutside() throws Exception {
        write("legacy", "extract_2024-01-01.json", "extract_2023-12-30.json", "log_2024-01-01T2300.json");
        write("new", "extract_2024-01-01.json", "log_2024-01-01T2305.json");
        JobResult job = run();
        assertThat(job.checks()).singleElement().satisfies(c -> {
            assertThat(c.check()).isEqualTo(Check.PATHS);
            assertThat(c.status()).isEqualTo(Status.PASS);
            assertThat(c.message()).isEqualTo("the same 2 outputs on both sides after normalisation");
        });
    }
}
