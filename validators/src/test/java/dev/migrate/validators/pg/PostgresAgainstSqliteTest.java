package dev.migrate.validators.pg;

import static dev.migrate.validators.JobChecks.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.ConfigException;
import dev.migrate.validators.JobInputException;
import dev.migrate.validators.PlannedStatement;
import dev.migrate.validators.RunOverrides;
import dev.migrate.validators.Validator;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prefect 1 job kept its table in a SQLite file on the worker, the rewrite writes to PostgreSQL (or the reverse):
 * two engines that share neither hash function nor sort order, so both tables are copied into the embedded engine
 * and diffed by key there, as a database against files is.
 */
class PostgresAgainstSqliteTest {
    private static final int ROWS = 3000;
    private static PostgresDatabases server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void createDatabases() throws Exception {
        server = PostgresDatabases.open();
        server.create("mart");
        server.execute("mart",
                "CREATE TABLE daily_sales (store_id int, day date, units int, revenue numeric(12,2), region text, "
                        + "PRIMARY KEY (store_id, day))",
                "INSERT INTO daily_sales SELECT g % 100, date '2024-01-01' + g / 100, g % 17, g * 0.25, "
                        + "'r' || (g % 5) FROM generate_series(0, " + (ROWS - 1) + ") g");
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The legacy job's SQLite copy of daily_sales; {@code changedRevenue} replaces store 7's revenue on 2024-01-03. */
    private Path sqlite(String changedRevenue) throws Exception {
        Path db = tmp.resolve("legacy.db");
        Files.deleteIfExists(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE TABLE daily_sales (store_id INTEGER, day DATE, units INTEGER, revenue DECIMAL(12,2), "
                        + "region TEXT, PRIMARY KEY (store_id, day))");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO daily_sales VALUES (?, ?, ?, ?, ?)")) {
                for (int g = 0; g < ROWS; g++) {
                    ps.setInt(1, g % 100);
                    ps.setString(2, java.time.LocalDate.of(2024, 1, 1).plusDays(g / 100).toString());
                    ps.setInt(3, g % 17);
                    boolean changed = changedRevenue != null && g % 100 == 7 && g / 100 == 2;
                    ps.setString(4, changed ? changedRevenue : new java.math.BigDecimal(g).multiply(
                            new java.math.BigDecimal("0.25")).toPlainString());
                    ps.setString(5, "r" + (g % 5));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return db;
    }

    private Path config(Path sqlite, String dataset, boolean postgresIsNew) throws Exception {
        String file = "{connection: worker}";
        String pg = "{connection: mart}";
        return Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  worker: {type: jdbc, url: "jdbc:sqlite:%s"}
                  mart: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                jobs:
                  - name: sales
                    legacy: %s
                    new: %s
                    datasets: [{%s}]
                """.formatted(sqlite, server.url("mart"), postgresIsNew ? file : pg, postgresIsNew ? pg : file,
                dataset));
    }

    private static Validator validator() {
        Map<String, String> env = Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD);
        return new Validator(new EngineSettings(1, "256MB", null, 10), env::get);
    }

    private static JobResult run(Path cfg) {
        return validator().run(ConfigLoader.load(cfg), RunOverrides.NONE).jobs().get(0);
    }

    @Test
    void equalTablesPassWithAKeyDiff() throws Exception {
        JobResult job = run(config(sqlite(null), "name: daily_sales, table: daily_sales, key: [store_id, day]", true));
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(job, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
        assertThat(check(job, Check.ROW_DIFF, "rows").message()).startsWith("all " + ROWS + " rows match by key");
    }

    @Test
    void aChangedValueFailsNamingItsKey() throws Exception {
        for (boolean postgresIsNew : List.of(true, false)) {
            JobResult job = run(config(sqlite("1.00"), "name: daily_sales, table: daily_sales, key: [store_id, day]",
                    postgresIsNew));
            CheckResult diff = check(job, Check.ROW_DIFF, "rows");
            assertThat(diff.status()).isEqualTo(Status.FAIL);
            assertThat(diff.samples()).singleElement().satisfies(s -> {
                assertThat(s.key()).containsEntry("store_id", "7").containsEntry("day", "2024-01-03");
                assertThat(s.differing()).containsExactly("revenue");
            });
        }
    }

    @Test
    void aMissingTableIsBadInputNamingTheDatasetWithoutTheCredential() throws Exception {
        Path db = sqlite(null);
        assertThatThrownBy(() -> run(config(db, "name: daily_sales, legacy: {table: daily_sales}, "
                + "new: {table: daily_sale}, key: [store_id, day]", true)))
                .isInstanceOf(JobInputException.class)
                .hasMessageContaining("jobs[0].datasets[0]")
                .hasMessageContaining("daily_sale")
                .hasMessageNotContaining(PostgresServer.PASSWORD);
    }

    /** A password written into the URL is refused before anything connects, and the message does not repeat it. */
    @Test
    void aPasswordInTheUrlIsRefusedWithoutBeingShown() throws Exception {
        Path db = sqlite(null);
        Path cfg = config(db, "name: daily_sales, table: daily_sales, key: [store_id, day]", true);
        String url = server.url("mart");
        Files.writeString(cfg, Files.readString(cfg).replace(url, url + (url.contains("?") ? "&" : "?")
                + "password=" + PostgresServer.PASSWORD));
        assertThatThrownBy(() -> run(cfg)).isInstanceOf(ConfigException.class)
                .hasMessageNotContaining(PostgresServer.PASSWORD);
    }

    /** The dry run shows both copies (the database read and the engine table), then the engine's key diff. */
    @Test
    void theDryRunCopiesBothSides() throws Exception {
        Path cfg = config(sqlite(null), "name: daily_sales, table: daily_sales, key: [store_id, day]", true);
        List<PlannedStatement> plan = validator().dryRun(ConfigLoader.load(cfg), RunOverrides.NONE);
        assertThat(plan).filteredOn(p -> p.statement().purpose().startsWith("copy legacy: every row"))
                .singleElement().satisfies(p -> assertThat(p.statement().purpose()).contains("jdbc:sqlite:"));
        assertThat(plan).filteredOn(p -> p.statement().purpose().startsWith("copy new: every row"))
                .singleElement().satisfies(p -> assertThat(p.statement().purpose()).contains("jdbc:postgresql:")
                        .doesNotContain(PostgresServer.PASSWORD));
        assertThat(plan).extracting(p -> p.statement().sql()).noneMatch(sql -> sql.contains(PostgresServer.PASSWORD));
    }
}
