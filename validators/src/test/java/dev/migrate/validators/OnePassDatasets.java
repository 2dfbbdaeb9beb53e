package dev.migrate.validators;

import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.config.ValidateConfig;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

/** One dataset keyed by (region, id) with a tolerance on amount, written by DuckDB as CSV or Parquet. */
final class OnePassDatasets {
    /** {@code count} rows: ids from 0, regions alternating eu and us. */
    static String rows(int count) {
        return "SELECT CASE WHEN range % 2 = 0 THEN 'eu' ELSE 'us' END AS region, range AS id, "
                + "range * 1.5 AS amount, 'x' || range AS label FROM range(" + count + ")";
    }

    private OnePassDatasets() {
    }

    /**
     * Writes {@code <tmp>/v.yaml}: job {@code j} comparing the directories {@code old/} and {@code new/} on one dataset,
     * {@code dataset} being the inside of its YAML flow mapping ({@code name: t, files: "t.csv", key: id}).
     */
    static Path directoryPairConfig(Path tmp, String dataset) throws java.io.IOException {
        return Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  o: {type: directory, path: old}
                  n: {type: directory, path: new}
                jobs:
                  - name: j
                    legacy: {connection: o}
                    new: {connection: n}
                    datasets: [{%s}]
                """.formatted(dataset));
    }

    /** Writes the rows of {@code query} as {@code <tmp>/<side>/t_20240301.<format>}. */
    static void write(Path tmp, String side, String format, String query) throws Exception {
        write(tmp, side, "t_20240301." + format, format, query);
    }

    /** Writes the rows of {@code query} as {@code <tmp>/<side>/<name>}. */
    static void write(Path tmp, String side, String name, String format, String query) throws Exception {
        Path f = tmp.resolve(side).resolve(name);
        Files.createDirectories(f.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + query + ") TO '" + f + "' (FORMAT " + format + ("csv".equals(format) ? ", HEADER" : "")
                    + ")");
        }
    }

    /**
     * Validates the legacy side against the new one. An ordered dataset is validated on the materialized path,
     * the reference the faster paths are tested against (they give its results, but the order check).
     */
    static JobResult run(Path tmp, String format, boolean ordered) throws Exception {
        return run(tmp, format, ordered, "[region, id]", 1);
    }

    /** The same with another key (YAML) and engine thread count. */
    static JobResult run(Path tmp, String format, boolean ordered, String key, int threads) throws Exception {
        EngineSettings settings = new EngineSettings(threads, "256MB", null, 10);
        return run(tmp, format, ordered, key, ordered ? settings.materializing() : settings);
    }

    /** With these engine settings. */
    static JobResult run(Path tmp, String format, boolean ordered, String key, EngineSettings settings)
            throws Exception {
        return new Validator(settings).run(config(tmp, format, ordered, key), RunOverrides.NONE).jobs().get(0);
    }

    /** The statements {@code --dry-run} would print for that dataset. */
    static List<PlannedStatement> plan(Path tmp, String format, String key, int threads) throws Exception {
        return new Validator(new EngineSettings(threads, "256MB", null, 10)).dryRun(config(tmp, format, false, key),
                RunOverrides.NONE);
    }

    /** With a null {@code key}: a dataset without keys (no row diff), tolerances or order check. */
    static ValidateConfig config(Path tmp, String format, boolean ordered,
            String key) throws Exception {
        Path cfg = Files.writeString(tmp.resolve("v.yaml"), TWO_DIRECTORIES + """
                      - name: t
                        files: "t_*.%s"
                """.formatted(format) + (key == null ? "" : """
                        key: %s
                        tolerances: {amount: {absolute: 0.01}}
                        ordered: %s
                """.formatted(key, ordered)));
        return ConfigLoader.load(cfg);
    }

    /** Writes {@code legacy} and {@code current} as the two sides in {@code format}, and validates them. */
    static JobResult compare(Path tmp, String format, boolean ordered, String legacy, String current) throws Exception {
        write(tmp, "legacy", format, legacy);
        write(tmp, "new", format, current);
        return run(tmp, format, ordered);
    }

    /** The head of a config comparing directory {@code legacy} with directory {@code new} in job j, up to its datasets. */
    static final String TWO_DIRECTORIES = """
            connections:
              a: {type: directory, path: legacy}
              b: {type: directory, path: new}
            jobs:
              - name: j
                legacy: {connection: a}
                new: {connection: b}
                datasets:
            """;

    /** Validates the first job of the config file {@code cfg} on one engine thread. */
    static JobResult runConfig(Path cfg) throws Exception {
        return new Validator(new EngineSettings(1, "256MB", null, 10)).run(ConfigLoader.load(cfg), RunOverrides.NONE)
                .jobs().get(0);
    }

    static CheckResult rowDiff(JobResult job) {
        return job.checks().stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
    }
}
