package dev.migrate.validators.bench;

import dev.migrate.validators.RunOverrides;
import dev.migrate.validators.Validator;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The full dual-run check on two generated datasets (10 columns, 0.1% of rows differing), timed next
 * to baselines measured in the same run: one DuckDB hashing pass over both sides, and (for CSV)
 * {@code LC_ALL=C sort | comm}. Prints each figure as a ratio. See bench/validate/README.md.
 *
 * <p>Arguments: {@code rows} (default 10000000), {@code formats} (csv,parquet), {@code threads} (2),
 * {@code memory limit} (2GB), {@code data dir} (bench/data/validate); system property {@code bench.runs} (3):
 * rounds of every measurement, whose medians are printed.
 */
public final class ValidateBenchmark {
    private static final String COLUMNS = "id, c_int, c_double, c_text, c_date, c_ts, c_bool, c_cat, c_big, c_ratio";

    private ValidateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        List<String> formats = List.of((args.length > 1 ? args[1] : "csv,parquet").split(","));
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String memory = args.length > 3 ? args[3] : "2GB";
        int runs = Integer.getInteger("bench.runs", 3);
        Path data = Path.of(args.length > 4 ? args[4]
                : Path.of(System.getProperty("migrate.repo.root", "."), "bench", "data", "validate").toString());
        System.out.printf(Locale.ROOT, "validate benchmark: %,d rows x 10 columns per side, 0.1%% differing, "
                + "DuckDB %d threads, memory limit %s, JVM max heap %d MB%n", rows, threads, memory,
                Runtime.getRuntime().maxMemory() >> 20);
        for (String format : formats) {
            // "-v2": c_double is a DOUBLE on both sides; data generated before was DECIMAL(22,2) on the legacy
            // side and DECIMAL(23,2) on the new one, a type change the benchmark did not mean to include.
            run(rows, format.strip(), threads, memory, data.resolve(rows + "-" + format.strip() + "-v2"), runs);
        }
    }

    /** Runs one format once and returns the full-check results (generated pair, matching pair) for the smoke test. */
    static JobResult[] run(long rows, String format, int threads, String memory, Path dir) throws Exception {
        return run(rows, format, threads, memory, dir, 1);
    }

    /**
     * Runs one format: {@code runs} rounds, each timing the baselines and both full checks one after the other
     * (so that a busy moment of the machine hits every figure of its round alike), and prints the medians.
     */
    static JobResult[] run(long rows, String format, int threads, String memory, Path dir, int runs) throws Exception {
        Path legacy = dir.resolve("legacy/events/events_20240301T020000." + format);
        Path current = dir.resolve("new/events/events_20240301T023000." + format);
        generate(rows, format, legacy, current);
        long sizes = Files.size(legacy) + Files.size(current);

        List<Timing> hash = new ArrayList<>();
        List<Timing> sort = new ArrayList<>();
        List<Timing> check = new ArrayList<>();
        List<Timing> same = new ArrayList<>();
        JobResult[] job = new JobResult[2];
        for (int i = 0; i < runs; i++) {
            hash.add(Timing.of(() -> hashPass(format, legacy, current, threads, memory)));
            if ("csv".equals(format)) {
                sort.add(sortComm(legacy, current));
            }
            check.add(Timing.of(() -> job[0] = fullCheck(dir, format, threads, memory, false)));
            // The common dual-run case: outputs that match (here the legacy output against itself).
            same.add(Timing.of(() -> job[1] = fullCheck(dir, format, threads, memory, true)));
        }
        double hashPass = Timing.median(hash, Timing::wall);
        Double sortComm = sort.isEmpty() ? null : Timing.median(sort, Timing::wall);
        double full = Timing.median(check, Timing::wall);
        double hashCpu = Timing.median(hash, Timing::cpu);
        double fullCpu = Timing.median(check, Timing::cpu);
        double sameCpu = Timing.median(same, Timing::cpu);

        CheckResult diff = job[0].checks().stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
        System.out.printf(Locale.ROOT, "%n[%s] %,d MB on disk for both sides; %d run%s, medians%n", format, sizes >> 20,
                runs, runs == 1 ? "" : "s");
        System.out.printf(Locale.ROOT, "  baseline  hash pass (count + sum(hash(row)), both sides)  %7.2f s  1.00x%n", hashPass);
        if (sortComm != null) {
            System.out.printf(Locale.ROOT, "  baseline  LC_ALL=C sort | comm -3 (line-level only)      %7.2f s  %.2fx%n",
                    sortComm, sortComm / hashPass);
        }
        System.out.printf(Locale.ROOT, "  migrate   full check (paths, counts, schema, aggregates, key diff + samples)  "
                + "%7.2f s  %.2fx the hash pass%s%n", full, full / hashPass,
                sortComm == null ? "" : String.format(Locale.ROOT, ", %.2fx sort|comm", full / sortComm));
        double sameWall = Timing.median(same, Timing::wall);
        System.out.printf(Locale.ROOT, "  migrate   full check, matching outputs (legacy against itself)  %7.2f s  "
                + "%.2fx the hash pass (cpu %.2f s, %.2fx); result %s%n", sameWall, sameWall / hashPass, sameCpu,
                sameCpu / hashCpu, job[1].status());
        // CPU seconds (all threads, the JVM's own included) depend less on what else runs on the machine.
        System.out.printf(Locale.ROOT, "  cpu       hash pass %.2f s, full check %.2f s (%.2fx)%s%n", hashCpu, fullCpu,
                fullCpu / hashCpu, sort.isEmpty() ? "" : String.format(Locale.ROOT, ", sort|comm %.2f s (full "
                        + "check %.2fx)", Timing.median(sort, Timing::cpu), fullCpu / Timing.median(sort, Timing::cpu)));
        if (runs > 1) {
            StringBuilder each = new StringBuilder();
            for (int i = 0; i < runs; i++) {
                each.append(String.format(Locale.ROOT, " %.2fx", check.get(i).wall() / hash.get(i).wall()));
            }
            System.out.printf(Locale.ROOT, "  each run  full check / hash pass:%s%n", each);
        }
        System.out.printf(Locale.ROOT, "  result: %s; row diff: %s %s %s, %d samples%n", job[0].status(),
                diff.legacyValue(), diff.newValue(), diff.difference(), diff.samples().size());
        return job;
    }

    interface Work {
        void run() throws Exception;
    }

    /** Wall-clock and CPU seconds of one measured piece of work. */
    record Timing(double wall, double cpu) {
        static double median(List<Timing> timings, java.util.function.ToDoubleFunction<Timing> figure) {
            double[] xs = timings.stream().mapToDouble(figure).sorted().toArray();
            return xs.length % 2 == 1 ? xs[xs.length / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
        }

        static Timing of(Work w) throws Exception {
            long t0 = System.nanoTime();
            long c0 = processCpuNanos();
            w.run();
            return new Timing((System.nanoTime() - t0) / 1e9, (processCpuNanos() - c0) / 1e9);
        }

        /** DuckDB runs inside this process, so its threads count here too. */
        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    /** Deterministic data: the new side changes c_double on every row whose id ends in 007 (0.1%). */
    static void generate(long rows, String format, Path legacy, Path current) throws IOException, SQLException {
        if (Files.exists(legacy) && Files.exists(current)) {
            return;
        }
        Files.createDirectories(legacy.getParent());
        Files.createDirectories(current.getParent());
        String select = "SELECT i AS id, CAST(i % 100000 AS INTEGER) AS c_int, CAST(i * 0.25 AS DOUBLE) AS c_double, "
                + "'name-' || (i % 50000) AS c_text, DATE '2020-01-01' + CAST(i % 1500 AS INTEGER) AS c_date, "
                + "TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i % 86400) AS c_ts, i % 2 = 0 AS c_bool, "
                + "CASE i % 4 WHEN 0 THEN 'alpha' WHEN 1 THEN 'beta' WHEN 2 THEN 'gamma' ELSE 'delta' END AS c_cat, "
                + "i * 7919 AS c_big, (i % 1000) / 3.0 AS c_ratio FROM range(1, " + (rows + 1) + ") t(i)";
        String changed = "SELECT * REPLACE (CASE WHEN id % 1000 = 7 THEN c_double + 1 ELSE c_double END AS c_double) "
                + "FROM (" + select + ")";
        String opts = "csv".equals(format) ? "FORMAT csv, HEADER" : "FORMAT parquet";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            // Write under a temporary name and rename: an interrupted run never leaves a half file to reuse.
            for (Path target : List.of(legacy, current)) {
                Path part = target.resolveSibling(target.getFileName() + ".part");
                s.execute("COPY (" + (target == legacy ? select : changed) + ") TO '" + part + "' (" + opts + ")");
                Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void hashPass(String format, Path legacy, Path current, int threads, String memory) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("SET memory_limit = '" + memory + "'");
            for (Path p : List.of(legacy, current)) {
                String read = "csv".equals(format) ? "read_csv('" + p + "', header = true)" : "read_parquet('" + p + "')";
                try (ResultSet rs = s.executeQuery("SELECT count(*), sum(hash(" + COLUMNS + ")) FROM " + read)) {
                    rs.next();
                }
            }
        }
    }

    /**
     * Runs {@code sort | comm} in bash. The two sorts feed comm through named pipes and are waited for,
     * so that bash's {@code time} counts their CPU seconds too.
     */
    private static Timing sortComm(Path legacy, Path current) throws IOException, InterruptedException {
        Path pipes = Files.createTempDirectory("sortcomm");
        try {
            long t0 = System.nanoTime();
            String a = pipes.resolve("a").toString();
            String b = pipes.resolve("b").toString();
            Process p = new ProcessBuilder("bash", "-c", "export LC_ALL=C TIMEFORMAT='cpu %U %S'; mkfifo '" + a + "' '" + b
                    + "'; time (sort -S 1G '" + legacy + "' > '" + a + "' & sort -S 1G '" + current + "' > '" + b
                    + "' & comm -3 '" + a + "' '" + b + "' | wc -l; wait)").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("sort | comm failed: " + out);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            String[] cpu = out.lines().filter(l -> l.startsWith("cpu ")).reduce((x, y) -> y).orElseThrow().split(" ");
            return new Timing(wall, Double.parseDouble(cpu[1]) + Double.parseDouble(cpu[2]));
        } finally {
            try (var files = Files.list(pipes)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(pipes);
        }
    }

    /** The full check of the generated pair or, {@code matching}, of the legacy side against itself. */
    private static JobResult fullCheck(Path dir, String format, int threads, String memory, boolean matching)
            throws IOException {
        Path cfg = dir.resolve(matching ? "validate-matching.yaml" : "validate.yaml");
        Files.writeString(cfg, """
                connections:
                  legacy: {type: directory, path: legacy}
                  new: {type: directory, path: %s}
                jobs:
                  - name: events
                    legacy: {connection: legacy}
                    new: {connection: new}
                    datasets:
                      - name: events
                        files: "events/events_*.%s"
                        key: id
                """.formatted(matching ? "legacy" : "new", format));
        Path tmp = dir.resolve("spill");
        Files.createDirectories(tmp);
        ValidationReport r = new Validator(new EngineSettings(threads, memory, tmp, 10))
                .run(ConfigLoader.load(cfg), RunOverrides.NONE);
        return r.jobs().get(0);
    }

}
