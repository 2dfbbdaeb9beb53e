package dev.migrate.validators.bench;

import dev.migrate.validators.compare.RemoteComparison;
import dev.migrate.validators.config.ConnectionConfig;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.config.SourceSpec;
import dev.migrate.validators.config.ValidateConfig;
import dev.migrate.validators.engine.JdbcSide;
import dev.migrate.validators.pg.PostgresServer;
import dev.migrate.validators.query.Statement;
import dev.migrate.validators.result.CheckResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Bytes fetched by the segment-checksum key diff on PostgreSQL, next to the baseline of fetching
 * both tables (what a tool that compares rows in memory must download), in the same run.
 * Argument: rows (default 1000000). Needs PostgreSQL binaries (see bench/validate/README.md).
 */
public final class SegmentChecksumBenchmark {
    private SegmentChecksumBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (PostgresServer pg = PostgresServer.start()) {
            pg.execute("postgres", "CREATE DATABASE lake_old", "CREATE DATABASE lake_new");
            for (String db : List.of("lake_old", "lake_new")) {
                pg.execute(db, "CREATE TABLE orders AS SELECT g AS order_id, g % 977 AS customer_id, "
                        + "DATE '2024-01-01' + (g % 60) AS order_date, round((g % 10000) / 7.0, 2) AS amount, "
                        + "CASE WHEN g % 13 = 0 THEN 'refunded' ELSE 'paid' END AS status, md5(g::text) AS note "
                        + "FROM generate_series(1, " + rows + ") g", "ALTER TABLE orders ADD PRIMARY KEY (order_id)",
                        "ANALYZE orders");
            }
            report(pg, rows, "matching", 0);
            pg.execute("lake_new", "UPDATE orders SET status = 'lost' WHERE order_id % 100000 = 17");
            report(pg, rows, "10 rows differ", rows / 100_000);
        }
    }

    private static void report(PostgresServer pg, int rows, String label, int expectedDiffs) throws Exception {
        ValidateConfig cfg = ConfigLoader.parse("bench.yaml", """
                connections:
                  old: {type: jdbc, url: "%s", user: postgres, password_env: PG_BENCH_PASSWORD}
                  new: {type: jdbc, url: "%s", user: postgres, password_env: PG_BENCH_PASSWORD}
                jobs:
                  - name: orders
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets: [{name: orders, table: orders, key: order_id}]
                """.formatted(pg.url("lake_old"), pg.url("lake_new")), Path.of("."));
        UnaryOperator<String> env = Map.of("PG_BENCH_PASSWORD", PostgresServer.PASSWORD)::get;
        DatasetConfig ds = cfg.jobs().get(0).datasets().get(0);
        ConnectionConfig.Jdbc oldDb = (ConnectionConfig.Jdbc) cfg.connection("old");
        ConnectionConfig.Jdbc newDb = (ConnectionConfig.Jdbc) cfg.connection("new");

        long t0 = System.nanoTime();
        long full = 0;
        for (ConnectionConfig.Jdbc c : List.of(oldDb, newDb)) {
            try (JdbcSide side = JdbcSide.open("baseline", c, new SourceSpec.Table(null, "orders"), env)) {
                side.query(Statement.of("download", "SELECT * FROM orders ORDER BY order_id"));
                full += side.bytesFetched();
            }
        }
        double fullSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        List<RemoteComparison.Traffic> traffic = new ArrayList<>();
        List<CheckResult> results;
        try (JdbcSide l = JdbcSide.open("legacy", oldDb, ds.legacy(), env);
                JdbcSide n = JdbcSide.open("new", newDb, ds.current(), env)) {
            results = RemoteComparison.compare(ds, l, n, true, 10, traffic);
        }
        double ours = (System.nanoTime() - t1) / 1e9;
        RemoteComparison.Traffic t = traffic.get(0);
        CheckResult diff = results.get(results.size() - 1);
        if (!diff.difference().equals("differs=" + expectedDiffs)) {
            throw new IllegalStateException("unexpected result: " + diff.message());
        }
        System.out.printf(Locale.ROOT, "%n[postgresql, %,d rows per side, %s]%n", rows, label);
        System.out.printf(Locale.ROOT, "  baseline  fetch both tables          %,12d bytes  %6.2f s%n", full, fullSeconds);
        System.out.printf(Locale.ROOT, "  migrate   full check incl. segment checksums %,8d bytes (%.1f KB, %.5f of the "
                + "baseline)  %6.2f s (%.2fx); %d segments, %d queries%n", t.bytesFetched(), t.bytesFetched() / 1024.0,
                (double) t.bytesFetched() / full, ours, ours / fullSeconds, t.segments(), t.queries());
    }
}
