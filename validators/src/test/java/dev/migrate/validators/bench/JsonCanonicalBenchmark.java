package dev.migrate.validators.bench;

import dev.migrate.validators.RunOverrides;
import dev.migrate.validators.Validator;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.DuckDbSession;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What comparing a large JSON column as JSON values costs: the full check of one table whose document column is
 * {@code JSON} on both sides (every value read through {@link dev.migrate.validators.engine.CanonicalJson}), timed next
 * to the full check of the same table with the column as plain text ({@code VARCHAR}, compared as written), in the
 * same run. Two JSON pairs: the new side's documents written byte for byte as the legacy side's (a rewrite that kept
 * its serialiser), and written by another serialiser (keys in another order, {@code ": "} and {@code ", "}, as
 * PostgreSQL's jsonb prints them), which only a canonical form can match. In every pair 0.1% of the documents change
 * (a quantity). See bench/validate/README.md.
 *
 * <p>Arguments: {@code rows} (default 1000000), {@code threads} (2), {@code memory limit} (2GB), {@code data dir}
 * (bench/data/validate); system property {@code bench.runs} (3).
 */
public final class JsonCanonicalBenchmark {
    private JsonCanonicalBenchmark() {
    }

    /** The three pairs: each a legacy table and a new table of the same two DuckDB files. */
    enum Pair {
        TEXT("payload as VARCHAR, compared as written (baseline)", "docs_text", "docs_text"),
        JSON_SAME("payload as JSON, the new side written byte for byte alike", "docs_json", "docs_json"),
        JSON_OTHER("payload as JSON, the new side written by another serialiser", "docs_json", "docs_json_other");

        final String label;
        final String legacyTable;
        final String newTable;

        Pair(String label, String legacyTable, String newTable) {
            this.label = label;
            this.legacyTable = legacyTable;
            this.newTable = newTable;
        }
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String memory = args.length > 2 ? args[2] : "2GB";
        int runs = Integer.getInteger("bench.runs", 3);
        Path data = Path.of(args.length > 3 ? args[3]
                : Path.of(System.getProperty("migrate.repo.root", "."), "bench", "data", "validate").toString());
        System.out.printf(Locale.ROOT, "JSON column benchmark: %,d rows per side, DuckDB %d threads, memory limit %s, "
                + "JVM max heap %d MB%n", rows, threads, memory, Runtime.getRuntime().maxMemory() >> 20);
        run(rows, threads, memory, data.resolve(rows + "-json-v1"), runs);
    }

    /** Runs every pair {@code runs} times, alternating, prints the medians and returns the last results. */
    static JobResult[] run(long rows, int threads, String memory, Path dir, int runs) throws Exception {
        generate(rows, dir);
        Pair[] pairs = Pair.values();
        List<List<ValidateBenchmark.Timing>> timings = new ArrayList<>();
        List<List<Double>> memories = new ArrayList<>();
        for (int p = 0; p < pairs.length; p++) {
            timings.add(new ArrayList<>());
            memories.add(new ArrayList<>());
        }
        JobResult[] jobs = new JobResult[pairs.length];
        // the engine's memory is read after each statement (DuckDbSession#watchMemory): the loaded tables, mostly
        System.setProperty("migrate.engineMemory", "true");
        for (int i = 0; i < runs; i++) {
            for (int p = 0; p < pairs.length; p++) {
                int at = p;
                DuckDbSession.resetMemoryPeak();
                timings.get(p).add(ValidateBenchmark.Timing.of(() -> jobs[at] = fullCheck(dir, pairs[at], threads,
                        memory)));
                memories.get(p).add(DuckDbSession.memoryPeak() / 1e6);
            }
        }
        double base = ValidateBenchmark.Timing.median(timings.get(0), ValidateBenchmark.Timing::wall);
        double baseCpu = ValidateBenchmark.Timing.median(timings.get(0), ValidateBenchmark.Timing::cpu);
        double baseMemory = median(memories.get(0));
        System.out.printf(Locale.ROOT, "%n[json] average document %d bytes; %d run%s, medians%n", averageBytes(dir),
                runs, runs == 1 ? "" : "s");
        for (int p = 0; p < pairs.length; p++) {
            double wall = ValidateBenchmark.Timing.median(timings.get(p), ValidateBenchmark.Timing::wall);
            double cpu = ValidateBenchmark.Timing.median(timings.get(p), ValidateBenchmark.Timing::cpu);
            StringBuilder each = new StringBuilder();
            for (int i = 0; i < runs; i++) {
                each.append(String.format(Locale.ROOT, " %.2fx", timings.get(p).get(i).wall()
                        / timings.get(0).get(i).wall()));
            }
            CheckResult diff = jobs[p].checks().stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst()
                    .orElseThrow();
            double mb = median(memories.get(p));
            System.out.printf(Locale.ROOT, "  %-70s %7.2f s  %.2fx (cpu %.2f s, %.2fx; rounds%s); engine memory peak "
                    + "%.0f MB, %.2fx; %s %s%n", pairs[p].label, wall, wall / base, cpu, cpu / baseCpu, each, mb,
                    mb / baseMemory, jobs[p].status(), diff.difference());
        }
        return jobs;
    }

    /**
     * Deterministic documents of about 300 bytes: a customer object, a list of two line items and a metadata object.
     * The new file holds every table again with the quantity of the first line changed on each row whose id ends in
     * 007; {@code docs_json_other} spells the same documents with keys in another order and spaces after
     * {@code :} and {@code ,}, numbers with another spelling ({@code 12.50} for {@code 12.5}).
     */
    static void generate(long rows, Path dir) throws IOException, SQLException {
        Path legacy = dir.resolve("legacy.duckdb");
        Path current = dir.resolve("new.duckdb");
        if (Files.exists(legacy) && Files.exists(current)) {
            return;
        }
        Files.createDirectories(dir);
        for (Path side : List.of(legacy, current)) {
            String qty = side == current ? "CASE WHEN i % 1000 = 7 THEN i % 7 + 1 ELSE i % 7 END" : "i % 7";
            String compact = "'{\"customer\":{\"email\":\"user' || i || '@example.com\",\"id\":' || (i % 50000)"
                    + " || ',\"name\":\"Customer ' || (i % 50000) || '\",\"tier\":\"' || CASE i % 3 WHEN 0 THEN 'gold' "
                    + "WHEN 1 THEN 'silver' ELSE 'bronze' END || '\"},\"id\":' || i || ',\"lines\":[{\"price\":' "
                    + "|| ((i % 10000) / 100.0) || ',\"qty\":' || (" + qty + ") || ',\"sku\":\"SKU-' || (i % 977) "
                    + "|| '\"},{\"price\":' || ((i % 333) / 4.0) || ',\"qty\":1,\"sku\":\"SKU-' || (i % 313) || "
                    + "'\"}],\"meta\":{\"channel\":\"web\",\"created\":\"2024-03-01T02:' || lpad(CAST(i % 60 AS "
                    + "VARCHAR), 2, '0') || ':00Z\",\"gift\":' || CASE WHEN i % 11 = 0 THEN 'true' ELSE 'false' END "
                    + "|| ',\"note\":null},\"status\":\"shipped\"}'";
            String other = "'{\"id\": ' || i || ', \"status\": \"shipped\", \"customer\": {\"id\": ' || (i % 50000) "
                    + "|| ', \"name\": \"Customer ' || (i % 50000) || '\", \"tier\": \"' || CASE i % 3 WHEN 0 THEN "
                    + "'gold' WHEN 1 THEN 'silver' ELSE 'bronze' END || '\", \"email\": \"user' || i "
                    + "|| '@example.com\"}, \"lines\": [{\"sku\": \"SKU-' || (i % 977) || '\", \"qty\": ' || (" + qty
                    + ") || ', \"price\": ' || printf('%.2f', (i % 10000) / 100.0) || '}, {\"sku\": \"SKU-' || "
                    + "(i % 313) || '\", \"qty\": 1, \"price\": ' || printf('%.2f', (i % 333) / 4.0) || '}], "
                    + "\"meta\": {\"gift\": ' || CASE WHEN i % 11 = 0 THEN 'true' ELSE 'false' END || ', "
                    + "\"channel\": \"web\", \"created\": \"2024-03-01T02:' || lpad(CAST(i % 60 AS VARCHAR), 2, '0') "
                    + "|| ':00Z\"}}'";
            Path part = side.resolveSibling(side.getFileName() + ".part");
            Files.deleteIfExists(part);
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + part); Statement s = c.createStatement()) {
                String range = " FROM range(1, " + (rows + 1) + ") t(i)";
                s.execute("CREATE TABLE docs_text AS SELECT i AS id, " + compact + " AS payload" + range);
                s.execute("CREATE TABLE docs_json AS SELECT id, CAST(payload AS JSON) AS payload FROM docs_text");
                s.execute("CREATE TABLE docs_json_other AS SELECT i AS id, CAST(" + other + " AS JSON) AS payload"
                        + range);
            }
            // an interrupted run never leaves a half file to reuse
            Files.move(part, side, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static double median(List<Double> xs) {
        double[] sorted = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static long averageBytes(Path dir) throws SQLException {
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("legacy.duckdb"), readOnly);
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT CAST(avg(strlen(payload)) AS BIGINT) FROM docs_text")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JobResult fullCheck(Path dir, Pair pair, int threads, String memory) throws IOException {
        Path cfg = dir.resolve("validate-" + pair.name().toLowerCase(Locale.ROOT) + ".yaml");
        Files.writeString(cfg, """
                connections:
                  legacy: {type: duckdb, path: legacy.duckdb}
                  new: {type: duckdb, path: new.duckdb}
                jobs:
                  - name: docs
                    legacy: {connection: legacy}
                    new: {connection: new}
                    datasets:
                      - name: docs
                        legacy: {table: %s}
                        new: {table: %s}
                        key: id
                """.formatted(pair.legacyTable, pair.newTable));
        Path spill = dir.resolve("spill");
        Files.createDirectories(spill);
        return new Validator(new EngineSettings(threads, memory, spill, 10)).run(ConfigLoader.load(cfg),
                RunOverrides.NONE).jobs().get(0);
    }
}
