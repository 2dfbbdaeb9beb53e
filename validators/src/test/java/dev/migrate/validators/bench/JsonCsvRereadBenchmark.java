package dev.migrate.validators.bench;

import dev.migrate.validators.RunOverrides;
import dev.migrate.validators.Validator;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What reading the sampled rows again costs for large CSV outputs with a JSON column (the materialized path, where
 * the loaded tables hold each document's canonical text only, so the samples read their rows as stored from the files
 * again). The full check runs with {@code -Dmigrate.trace=true}, whose per-statement durations are read back, and the
 * seconds of the re-reads ({@code sample rows (...)}) are printed as a ratio to the seconds of the loads of the same
 * check, which read the same files once in full: the baseline of the same run. Two pairs: files in key order (the
 * smallest differing keys, which are sampled, come early) and the same rows shuffled (the read runs until the last
 * sampled key). 0.1% of the documents change (ids ending in 007). See bench/validate/README.md.
 *
 * <p>Arguments: {@code rows} (default 1000000), {@code threads} (2), {@code memory limit} (2GB), {@code data dir}
 * (bench/data/validate); system property {@code bench.runs} (3).
 */
public final class JsonCsvRereadBenchmark {
    private JsonCsvRereadBenchmark() {
    }

    private static final Pattern TRACE = Pattern.compile("trace at +[0-9.]+ s +([0-9.]+) s  (.*)");

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String memory = args.length > 2 ? args[2] : "2GB";
        int runs = Integer.getInteger("bench.runs", 3);
        Path data = Path.of(args.length > 3 ? args[3]
                : Path.of(System.getProperty("migrate.repo.root", "."), "bench", "data", "validate").toString());
        System.out.printf(Locale.ROOT, "JSON CSV re-read benchmark: %,d rows per side, DuckDB %d threads, memory "
                + "limit %s%n", rows, threads, memory);
        run(rows, threads, memory, data.resolve(rows + "-json-csv-v1"), runs);
    }

    /** Runs both pairs {@code runs} times, prints the medians and returns each pair's last result. */
    static List<JobResult> run(long rows, int threads, String memory, Path dir, int runs) throws Exception {
        generate(rows, dir);
        List<JobResult> jobs = new ArrayList<>();
        for (String order : List.of("sorted", "shuffled")) {
            List<double[]> rounds = new ArrayList<>();
            JobResult job = null;
            for (int i = 0; i < runs; i++) {
                double[] figures = new double[3];
                JobResult[] out = new JobResult[1];
                figures[0] = ValidateBenchmark.Timing.of(() -> out[0] = traced(dir, order, threads, memory, figures))
                        .wall();
                job = out[0];
                rounds.add(figures);
            }
            CheckResult diff = job.checks().stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
            double wall = median(rounds, 0);
            double loads = median(rounds, 1);
            double rereads = median(rounds, 2);
            StringBuilder each = new StringBuilder();
            rounds.forEach(r -> each.append(String.format(Locale.ROOT, " %.3fx", r[2] / r[1])));
            System.out.printf(Locale.ROOT, "  rows %-8s full check %7.2f s; loads (baseline) %6.2f s; re-reads of the "
                    + "sampled rows %6.3f s = %.3fx the loads (rounds%s); %s, %d samples%n", order, wall, loads,
                    rereads, rereads / loads, each, diff.difference(), diff.samples().size());
            jobs.add(job);
        }
        return jobs;
    }

    /** One full check, its statements' seconds summed: {@code figures[1]} the loads, {@code figures[2]} the re-reads. */
    private static JobResult traced(Path dir, String order, int threads, String memory, double[] figures)
            throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        System.setProperty("migrate.trace", "true");
        System.setErr(new PrintStream(trace, true, StandardCharsets.UTF_8));
        try {
            Path cfg = dir.resolve("validate-" + order + ".yaml");
            Files.writeString(cfg, """
                    connections:
                      out: {type: directory, path: %s}
                    jobs:
                      - name: docs
                        legacy: {connection: out}
                        new: {connection: out}
                        datasets: [{name: docs, legacy: {files: legacy.csv}, new: {files: new.csv}, key: id,
                                    json_columns: [payload]}]
                    """.formatted(order));
            Path spill = Files.createDirectories(dir.resolve("spill"));
            return new Validator(new EngineSettings(threads, memory, spill, 10).materializing())
                    .run(ConfigLoader.load(cfg), RunOverrides.NONE).jobs().get(0);
        } finally {
            System.setErr(err);
            System.clearProperty("migrate.trace");
            for (String line : trace.toString(StandardCharsets.UTF_8).split("\n")) {
                Matcher m = TRACE.matcher(line);
                if (m.matches()) {
                    double seconds = Double.parseDouble(m.group(1));
                    figures[1] += m.group(2).startsWith("load ") ? seconds : 0;
                    figures[2] += m.group(2).startsWith("sample rows (") ? seconds : 0;
                }
            }
        }
    }

    /**
     * Deterministic documents of about 150 bytes, written with spaces (never their canonical text), in key order under
     * {@code sorted/} and shuffled under {@code shuffled/}; the new side changes a quantity on ids ending in 007.
     */
    static void generate(long rows, Path dir) throws Exception {
        if (Files.exists(dir.resolve("shuffled/new.csv"))) {
            return;
        }
        Files.createDirectories(dir.resolve("sorted"));
        Files.createDirectories(dir.resolve("shuffled"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String side : List.of("legacy", "new")) {
                String qty = side.equals("new") ? "CASE WHEN i % 1000 = 7 THEN i % 7 + 1 ELSE i % 7 END" : "i % 7";
                s.execute("CREATE OR REPLACE TABLE t AS SELECT i AS id, '{\"id\": ' || i || ', \"customer\": {\"name\": "
                        + "\"Customer ' || (i % 50000) || '\", \"tier\": \"gold\"}, \"lines\": [{\"sku\": \"SKU-' || "
                        + "(i % 977) || '\", \"qty\": ' || (" + qty + ") || ', \"price\": ' || ((i % 10000) / 100.0) "
                        + "|| '}], \"note\": null}' AS payload FROM range(1, " + (rows + 1) + ") r(i)");
                s.execute("COPY (SELECT * FROM t ORDER BY id) TO '" + dir.resolve("sorted/" + side + ".csv")
                        + "' (FORMAT csv, HEADER)");
                s.execute("COPY (SELECT * FROM t ORDER BY hash(id)) TO '" + dir.resolve("shuffled/" + side + ".part")
                        + "' (FORMAT csv, HEADER)");
                Files.move(dir.resolve("shuffled/" + side + ".part"), dir.resolve("shuffled/" + side + ".csv"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static double median(List<double[]> rounds, int figure) {
        double[] xs = rounds.stream().mapToDouble(r -> r[figure]).sorted().toArray();
        return xs.length % 2 == 1 ? xs[xs.length / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
    }
}
