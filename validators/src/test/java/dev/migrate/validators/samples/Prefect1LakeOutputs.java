package dev.migrate.validators.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes the dual-run outputs of samples/prefect1-lake: what the legacy Prefect 1 ingestion flow wrote
 * to the production lake root ({@code outputs/prod}) and what the new flow, scheduled 30 minutes later,
 * wrote to the sandbox root ({@code outputs/dev}). The data is arithmetic on row numbers, so every run
 * writes the same bytes. The two sides agree except that:
 * <ul>
 *   <li>every new output has one extra column, {@code flow_run_id} (a new feature, not an error);</li>
 *   <li>three orders differ (two amounts, one status) on the new side.</li>
 * </ul>
 * Run: {@code mvn -B -q -pl validators test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.migrate.validators.samples.Prefect1LakeOutputs} or call {@link #write(Path)}.
 */
public final class Prefect1LakeOutputs {
    private static final String ORDERS = "SELECT 1000 + i AS order_id, 100 + (i * 7) % 25 AS customer_id, "
            + "DATE '2024-02-29' AS order_date, round(10 + (i * 37 % 9000) / 100.0, 2) AS amount, "
            + "CASE i % 3 WHEN 0 THEN 'EUR' WHEN 1 THEN 'USD' ELSE 'GBP' END AS currency, "
            + "CASE WHEN i % 11 = 0 THEN 'refunded' ELSE 'paid' END AS status FROM range(1, 41) t(i)";
    private static final String CUSTOMERS = "SELECT 100 + i AS customer_id, 'Customer ' || (100 + i) AS name, "
            + "CASE i % 4 WHEN 0 THEN 'DE' WHEN 1 THEN 'FR' WHEN 2 THEN 'GB' ELSE 'US' END AS country, "
            + "DATE '2023-01-01' + CAST(i * 9 AS INTEGER) AS signup_date FROM range(0, 25) t(i)";
    private static final String FX = "SELECT DATE '2024-02-29' AS rate_date, c AS currency, 'EUR' AS base, "
            + "CAST(r AS DOUBLE) AS rate FROM (VALUES ('USD', 1.0812), ('GBP', 0.8551), ('CHF', 0.9531), "
            + "('JPY', 162.41), ('SEK', 11.2105)) v(c, r)";
    /** The new flow adds its run id to every output. */
    private static final String NEW_COLUMN = ", 'a3f1c2d4-prefect3' AS flow_run_id";

    private Prefect1LakeOutputs() {
    }

    public static void main(String[] args) throws Exception {
        Path target = args.length > 0 ? Path.of(args[0])
                : Path.of(System.getProperty("migrate.repo.root", "."), "samples", "prefect1-lake", "outputs");
        write(target);
        System.out.println("wrote " + target.toAbsolutePath().normalize());
    }

    public static void write(Path outputs) throws IOException, SQLException {
        clean(outputs);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 1"); // one writer thread keeps row order, and so the bytes, stable
            Path prod = outputs.resolve("prod");
            Path dev = outputs.resolve("dev");
            // Legacy run: scheduled 2024-03-01T02:00:00Z.
            copy(s, ORDERS, prod.resolve("orders/orders_20240301T020000.csv"));
            copy(s, CUSTOMERS, prod.resolve("customers/2024-03-01/customers_1709258400.parquet"));
            copy(s, FX, prod.resolve("fx_rates/fx_rates_20240301.parquet"));
            // New run: scheduled 30 minutes later, so the timestamps in the names differ.
            String changedOrders = "SELECT * REPLACE ("
                    + "CASE order_id WHEN 1007 THEN amount + 5 WHEN 1023 THEN round(amount * 10, 2) ELSE amount END AS amount, "
                    + "CASE order_id WHEN 1031 THEN 'cancelled' ELSE status END AS status)" + NEW_COLUMN
                    + " FROM (" + ORDERS + ")";
            copy(s, changedOrders, dev.resolve("orders/orders_20240301T023000.csv"));
            copy(s, "SELECT *" + NEW_COLUMN + " FROM (" + CUSTOMERS + ")",
                    dev.resolve("customers/2024-03-01/customers_1709260200.parquet"));
            copy(s, "SELECT *" + NEW_COLUMN + " FROM (" + FX + ")", dev.resolve("fx_rates/fx_rates_20240301.parquet"));
        }
    }

    private static void copy(Statement s, String query, Path file) throws IOException, SQLException {
        Files.createDirectories(file.getParent());
        String format = file.toString().endsWith(".csv") ? "FORMAT csv, HEADER" : "FORMAT parquet";
        // The path is the generator's own, never user input; quoting it as a literal is safe here.
        String literal = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
        s.execute("COPY (" + query + ") TO " + literal + " (" + format + ")");
    }

    private static void clean(Path outputs) throws IOException {
        for (String side : new String[] {"prod", "dev"}) {
            Path dir = outputs.resolve(side);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
