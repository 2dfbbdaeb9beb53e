package dev.migrate.validators.pg;

import static dev.migrate.validators.JobChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values whose text is not their value, on a real PostgreSQL server: an unbounded {@code numeric} keeps the scale
 * each value was written with, an interval's text does not sort as its duration, a jsonb document has one text and a
 * JSON file's objects another, and a float's text depends on the server's settings.
 */
class PostgresValueFormsTest {
    private static PostgresPair pg;
    private static PostgresDatabases server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws Exception {
        pg = PostgresPair.start();
        server = pg.server();
        // the legacy job wrote amounts with two decimals, the rewrite (Python's Decimal, normalised) without zeros
        server.execute("old_wh", "CREATE TABLE amounts (id int PRIMARY KEY, amount numeric)",
                "INSERT INTO amounts VALUES (1, 2.50), (2, 10.000), (3, 3), (4, 12345678901234567890.12345678901234567890)",
                "CREATE TABLE waits (id int PRIMARY KEY, wait interval)",
                "INSERT INTO waits VALUES (1, '2 days'), (2, '10 days'), (3, '1 mon -29 days 03:00:00')");
        server.execute("new_wh", "CREATE TABLE amounts (id int PRIMARY KEY, amount numeric)",
                "INSERT INTO amounts VALUES (1, 2.5), (2, 10), (3, 3.00), (4, 12345678901234567890.1234567890123456789)",
                "CREATE TABLE changed (id int PRIMARY KEY, amount numeric)",
                "INSERT INTO changed VALUES (1, 2.5), (2, 10), (3, 3.00), (4, 12345678901234567890.12345678901234567891)",
                "CREATE TABLE waits (id int PRIMARY KEY, wait interval)",
                "INSERT INTO waits VALUES (1, '2 days'), (2, '3 days'), (3, '1 mon -29 days 03:00:00')");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    private static Validator validator() {
        return PostgresPair.validator();
    }

    private static String inPlace(String legacyTable, String newTable) {
        return pg.inPlace(legacyTable, newTable);
    }

    private static JobResult run(String yaml) {
        return pg.run(yaml);
    }

    private JobResult run(Path cfg) {
        return validator().run(ConfigLoader.load(cfg), RunOverrides.NONE).jobs().get(0);
    }

    @Test
    void unboundedNumericsCompareAsNumbersInPlace() {
        JobResult job = run(inPlace("amounts", "amounts"));

        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(job, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
        assertThat(check(job, Check.AGGREGATE, "amount").message()).contains("min, max, sum, hash match");
    }

    /** Exactly: two values that differ in their 40th digit are no double's rounding away. */
    @Test
    void anUnboundedNumericChangedPastADoublesDigitsDiffers() {
        JobResult job = run(inPlace("amounts", "changed"));

        CheckResult diff = check(job, Check.ROW_DIFF, "rows");
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.samples()).singleElement().satisfies(s -> {
            assertThat(s.key()).containsEntry("id", "4");
            assertThat(s.differing()).containsExactly("amount");
        });
        assertThat(check(job, Check.AGGREGATE, "amount").difference()).contains("max");
    }

    @Test
    void theDryRunSaysUnboundedNumericsCompareTrailingZerosAside() {
        List<PlannedStatement> plan = validator().dryRun(ConfigLoader.parse("v.yaml", inPlace("amounts", "amounts"),
                Path.of(".")), RunOverrides.NONE);
        assertThat(plan).anySatisfy(p -> assertThat(p.statement().sql())
                .contains("compared as exact decimals, trailing fraction zeros aside"));
    }

    /** As text, '10 days' sorted before '2 days': the bounds would differ in min and max, not in max alone. */
    @Test
    void intervalBoundsAreDurationsInPlace() {
        JobResult job = run(inPlace("waits", "waits"));

        CheckResult bounds = check(job, Check.AGGREGATE, "wait");
        assertThat(bounds.difference()).isEqualTo("max, hash");
        assertThat(bounds.legacyValue()).startsWith("max=10 days;");
        assertThat(bounds.newValue()).startsWith("max=3 days;");
    }

    private Path filesConfig(String dataset) throws Exception {
        return Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  files: {type: directory, path: out}
                  wh: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                jobs:
                  - name: j
                    legacy: {connection: files}
                    new: {connection: wh}
                    datasets: [{%s}]
                """.formatted(server.url("new_wh"), dataset));
    }

    private void duckdb(String... sql) throws Exception {
        Files.createDirectories(tmp.resolve("out"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q.replace("OUT/", tmp.resolve("out") + "/"));
            }
        }
    }

    /**
     * The legacy job's DuckDB mart holds INTERVALs (a Parquet file holds no negative field), the rewrite's table
     * intervals, which are copied as INTERVALs from their months, days and microseconds.
     */
    @Test
    void intervalsCopiedFromTheDatabaseAreBoundedAsDurations() throws Exception {
        Path mart = tmp.resolve("out/mart.duckdb");
        Files.createDirectories(mart.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + mart); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE waits AS SELECT * FROM (VALUES (1, INTERVAL '2 days'), (2, INTERVAL '10 days'), "
                    + "(3, INTERVAL '1 month' - INTERVAL '29 days' + INTERVAL '3 hours')) t(id, wait)");
        }
        Path cfg = Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  mart: {type: duckdb, path: out/mart.duckdb}
                  wh: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                jobs:
                  - name: j
                    legacy: {connection: mart}
                    new: {connection: wh}
                    datasets: [{name: d, table: waits, key: id}]
                """.formatted(server.url("new_wh")));

        JobResult job = run(cfg);

        CheckResult bounds = check(job, Check.AGGREGATE, "wait");
        assertThat(bounds.difference()).contains("max").doesNotContain("min");
        assertThat(bounds.legacyValue()).startsWith("max=10 days");
        assertThat(bounds.newValue()).startsWith("max=3 days");
        // the row whose interval mixes months, days and hours (signs apart) is the same duration on both sides
        assertThat(check(job, Check.ROW_DIFF, "rows").samples()).singleElement()
                .satisfies(s -> assertThat(s.key()).containsEntry("id", "2"));
    }

    /**
     * The legacy job exported the table with psql's COPY (intervals as the server spells them, {@code 1 mon -29 days
     * +03:00:00}, text in the CSV); the rewrite reads the table, whose intervals are copied as INTERVALs: each text
     * reads as the duration it spells, so the export matches, and a changed duration still differs.
     */
    @Test
    void aCopyExportOfIntervalsMatchesTheTable() throws Exception {
        Path export = tmp.resolve("out/waits.csv");
        Files.createDirectories(export.getParent());
        try (Connection c = DriverManager.getConnection(server.url("old_wh"), "postgres", PostgresServer.PASSWORD);
                java.io.Writer w = Files.newBufferedWriter(export)) {
            new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class))
                    .copyOut("COPY (SELECT * FROM waits UNION ALL SELECT 4, '-1 days +02:00:00') TO STDOUT "
                            + "(FORMAT csv, HEADER)", w);
        }
        assertThat(Files.readString(export)).contains("1 mon -29 days +03:00:00");
        server.execute("new_wh", "CREATE TABLE exported_waits AS SELECT * FROM waits",
                "INSERT INTO exported_waits VALUES (4, '-1 days +02:00:00')", "UPDATE exported_waits SET wait = "
                        + "'10 days' WHERE id = 2", "ALTER TABLE exported_waits ADD PRIMARY KEY (id)");

        JobResult job = run(filesConfig("name: d, legacy: {files: waits.csv}, new: {table: exported_waits}, key: id"));

        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(job, Check.SCHEMA, "wait").message()).contains("a text that reads as an interval (1 mon 2 "
                + "days) is compared as that duration");

        server.execute("new_wh", "UPDATE exported_waits SET wait = '11 days' WHERE id = 2");
        CheckResult diff = check(run(tmp.resolve("v.yaml")), Check.ROW_DIFF, "rows");
        assertThat(diff.samples()).singleElement().satisfies(s -> {
            assertThat(s.key()).containsEntry("id", "2");
            assertThat(s.differing()).containsExactly("wait");
            assertThat(s.legacy()).containsEntry("wait", "10 days");
        });
    }

    /**
     * The legacy job wrote JSON lines (DuckDB reads the objects as STRUCTs, fields in the first object's order, a
     * key an object lacks as null, floats as doubles), the rewrite a jsonb column: the same documents are equal, a
     * changed one names where it differs.
     */
    @Test
    void jsonLinesMatchJsonbAsJsonValues() throws Exception {
        server.execute("new_wh", "CREATE TABLE events (id int PRIMARY KEY, body jsonb)",
                "INSERT INTO events VALUES (1, '{\"user\": {\"name\": \"Zoë\", \"tags\": [\"a\", \"b\"]}, \"qty\": 2, "
                        + "\"price\": 2.50, \"items\": [{\"sku\": \"x\", \"n\": 1.0}]}'), "
                        + "(2, '{\"price\": 10, \"qty\": 1, \"user\": {\"name\": \"Al\", \"tags\": []}}'),"
                        + "(3, '{\"user\": {\"name\": \"Bo\", \"tags\": [\"c\"]}, \"qty\": 3, \"price\": 0.1, "
                        + "\"items\": [{\"sku\": \"y\", \"n\": 2}]}')");
        Path lines = tmp.resolve("out/events.jsonl");
        Files.createDirectories(lines.getParent());
        Files.writeString(lines, String.join("\n",
                "{\"id\": 1, \"body\": {\"qty\": 2, \"price\": 2.5, \"items\": [{\"n\": 1, \"sku\": \"x\"}], "
                        + "\"user\": {\"tags\": [\"a\", \"b\"], \"name\": \"Zo\\u00eb\"}}}",
                // no items key in either document: the STRUCT holds it as null, which counts as absent
                "{\"id\": 2,\"body\":{\"qty\":1,\"price\":10.0,\"user\":{\"tags\":[],\"name\":\"Al\"}}}",
                "{\"id\": 3, \"body\": {\"qty\": 3, \"price\": 0.10, \"items\": [{\"n\": 3, \"sku\": \"y\"}], "
                        + "\"user\": {\"tags\": [\"c\"], \"name\": \"Bo\"}}}", ""));

        JobResult job = run(filesConfig("name: d, legacy: {files: events.jsonl}, new: {table: events}, key: id"));

        assertThat(check(job, Check.SCHEMA, "body").status()).isEqualTo(Status.INFO);
        assertThat(check(job, Check.SCHEMA, "body").message()).contains("compared as JSON values in one canonical form");
        CheckResult diff = check(job, Check.ROW_DIFF, "rows");
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.samples()).singleElement().satisfies(s -> {
            assertThat(s.key()).containsEntry("id", "3");
            assertThat(s.differing()).containsExactly("body");
        });
        assertThat(diff.message()).contains("differs at $.items[0].n: 3 in legacy, 2 in new");
    }

    /**
     * A float's text depends on the server (17 digits before PostgreSQL 12, 15 with extra_float_digits = 0); the
     * copy reads the double itself, so a float8 column compares with a Parquet DOUBLE and a SQLite REAL by value,
     * whatever the database's default spelling.
     */
    @Test
    void floatsCompareByValueWhateverTheServersDigits() throws Exception {
        server.set("new_wh", "extra_float_digits = 0");
        server.execute("new_wh", "CREATE TABLE ratios (id int PRIMARY KEY, r float8)",
                "INSERT INTO ratios VALUES (1, 0.1::float8 + 0.2::float8), (2, 1::float8 / 3), (3, 1e-300), "
                        + "(4, 123456.789), (5, 9007199254740993)");
        duckdb("COPY (SELECT * FROM (VALUES (1, 0.1::DOUBLE + 0.2::DOUBLE), (2, 1::DOUBLE / 3), (3, 1e-300::DOUBLE), "
                + "(4, 123456.789::DOUBLE), (5, 9007199254740993::DOUBLE)) t(id, r)) TO 'OUT/ratios.parquet' "
                + "(FORMAT parquet)");
        Path sqlite = tmp.resolve("out/ratios.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ratios (id INTEGER PRIMARY KEY, r REAL)");
            s.execute("INSERT INTO ratios VALUES (1, 0.1 + 0.2), (2, 1.0 / 3), (3, 1e-300), (4, 123456.789), "
                    + "(5, 9007199254740993.0)");
        }

        JobResult parquet = run(filesConfig("name: d, legacy: {files: ratios.parquet}, new: {table: ratios}, key: id"));
        assertThat(parquet.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();

        Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  worker: {type: jdbc, url: "jdbc:sqlite:%s"}
                  wh: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                jobs:
                  - name: j
                    legacy: {connection: worker}
                    new: {connection: wh}
                    datasets: [{name: d, table: ratios, key: id}]
                """.formatted(sqlite, server.url("new_wh")));
        JobResult fromSqlite = run(tmp.resolve("v.yaml"));
        assertThat(fromSqlite.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(fromSqlite, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
    }
}
