package dev.migrate.validators.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.EnvironmentException;
import dev.migrate.validators.RunOverrides;
import dev.migrate.validators.Validator;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.config.ValidateConfig;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.SampleRow;
import dev.migrate.validators.result.Status;
import dev.migrate.validators.result.ValidationReport;
import dev.migrate.validators.sink.ReportJson;
import dev.migrate.validators.store.EvidenceStore;
import dev.migrate.validators.store.EvidenceStoreTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JDBC engine against a real PostgreSQL server: push-down aggregates and the segment-checksum key diff. */
class PostgresComparisonTest {
    private static final int ROWS = 200_000;
    private static PostgresDatabases server;

    @BeforeAll
    static void createDatabases() throws Exception {
        server = PostgresDatabases.open();
        server.create("lake_old");
        server.create("lake_new");
        String orders = "CREATE TABLE sales.orders AS SELECT g AS order_id, g % 977 AS customer_id, "
                + "DATE '2024-01-01' + (g % 60) AS order_date, round((g % 10000) / 7.0, 2) AS amount, "
                + "CASE WHEN g % 13 = 0 THEN 'refunded' ELSE 'paid' END AS status FROM generate_series(1, " + ROWS + ") g";
        for (String db : List.of("lake_old", "lake_new")) {
            server.execute(db, "CREATE SCHEMA sales", orders, "ALTER TABLE sales.orders ADD PRIMARY KEY (order_id)",
                    "CREATE TABLE sales.same AS SELECT * FROM sales.orders", "ALTER TABLE sales.same ADD PRIMARY KEY (order_id)",
                    "CREATE TABLE sales.typed AS SELECT order_id, customer_id::int4, amount::numeric(10,2), "
                            + "status::varchar(20), (order_id % 7)::int8 AS qty FROM sales.orders WHERE order_id <= 1000",
                    "CREATE TABLE sales.scaled AS SELECT order_id, amount::numeric(12,2) FROM sales.orders "
                            + "WHERE order_id <= 1000");
        }
        // the new pipeline renamed every column of this table but note; row 7's amount moved within the tolerance
        server.execute("lake_old", "CREATE TABLE sales.\"Kunden Übersicht\" AS SELECT g AS \"cust id\", "
                + "(g * 1.5)::numeric(10,3) AS \"Amount \"\"EUR\"\"\", CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END AS "
                + "\"Région\", 'x' || g AS note FROM generate_series(1, 5000) g",
                "ALTER TABLE sales.\"Kunden Übersicht\" ADD PRIMARY KEY (\"cust id\")");
        server.execute("lake_new", "CREATE TABLE sales.kunden AS SELECT g AS \"Kunden-ID\", "
                + "(g * 1.5 + CASE WHEN g = 7 THEN 0.004 ELSE 0 END)::numeric(10,3) AS \"Betrag €\", "
                + "CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END AS \"région\", CASE WHEN g = 11 THEN 'y' ELSE 'x' END "
                + "|| g AS note FROM generate_series(1, 5000) g WHERE g <> 500",
                "ALTER TABLE sales.kunden ADD PRIMARY KEY (\"Kunden-ID\")");
        server.execute("lake_old", "CREATE TABLE sales.lengths (order_id int PRIMARY KEY, code varchar(20), "
                + "label varchar(50), tag char(3), memo varchar)", "INSERT INTO sales.lengths VALUES (1, 'a', 'b', 'c', 'd')");
        server.execute("lake_new", "CREATE TABLE sales.lengths (order_id int PRIMARY KEY, code varchar(50), "
                + "label varchar(20), tag char(3), memo text)", "INSERT INTO sales.lengths VALUES (1, 'a', 'b', 'c', 'd')");
        // the new pipeline's table: three columns widened (every value fits), one narrowed
        server.execute("lake_new", "ALTER TABLE sales.typed ALTER COLUMN customer_id TYPE int8, "
                + "ALTER COLUMN amount TYPE numeric(12,2), ALTER COLUMN status TYPE text, ALTER COLUMN qty TYPE int4");
        server.execute("lake_new",
                "ALTER TABLE sales.scaled ALTER COLUMN amount TYPE numeric(14,3)",
                "ALTER TABLE sales.orders ADD COLUMN flow_run_id text DEFAULT 'prefect3'",
                "UPDATE sales.orders SET amount = amount + 1 WHERE order_id IN (777, 150001)",
                "UPDATE sales.orders SET status = 'lost' WHERE order_id = 42",
                "DELETE FROM sales.orders WHERE order_id = 99999",
                "INSERT INTO sales.orders (order_id, customer_id, order_date, amount, status) "
                        + "VALUES (" + (ROWS + 1) + ", 1, DATE '2024-03-01', 1.00, 'paid')");
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String config(String table) {
        return """
                connections:
                  old: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                  new: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                jobs:
                  - name: orders_job
                    legacy: {connection: old, run: {id: legacy-77}}
                    new: {connection: new, run: "2024-03-01T02:30:00Z"}
                    datasets:
                      - name: orders
                        table: %s
                        key: order_id
                """.formatted(server.url("lake_old"), server.url("lake_new"), table);
    }

    private static JobResult run(String yaml, Map<String, String> env) {
        ValidateConfig c = ConfigLoader.parse("pg.yaml", yaml, Path.of("."));
        ValidationReport r = new Validator(new EngineSettings(1, "256MB", null, 10), env::get).run(c, RunOverrides.NONE);
        String json = ReportJson.report(r).toString();
        assertThat(json).doesNotContain(PostgresServer.PASSWORD);
        return r.jobs().get(0);
    }

    private static CheckResult only(JobResult job, Check check) {
        return job.checks().stream().filter(c -> c.check() == check).findFirst().orElseThrow();
    }

    @Test
    void findsEveryDifferingRowBySegmentChecksums() {
        JobResult job = run(config("sales.orders"), Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD));

        assertThat(job.status()).isEqualTo(Status.FAIL);
        assertThat(job.legacyRun()).isEqualTo("run legacy-77");
        assertThat(only(job, Check.ROW_COUNT).status()).isEqualTo(Status.PASS);
        assertThat(job.checks()).anySatisfy(c -> {
            assertThat(c.subject()).isEqualTo("flow_run_id");
            assertThat(c.status()).isEqualTo(Status.INFO);
        });
        CheckResult diff = only(job, Check.ROW_DIFF);
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference()))
                .containsExactly("missing=1", "extra=1", "differs=3");
        assertThat(diff.samples()).extracting(SampleRow::kind, s -> s.key().get("order_id"), SampleRow::differing)
                .containsExactly(
                        // by kind, then key value: 42 before 777 before 150001 (as text, 150001 came first)
                        org.assertj.core.groups.Tuple.tuple("differs", "42", List.of("status")),
                        org.assertj.core.groups.Tuple.tuple("differs", "777", List.of("amount")),
                        org.assertj.core.groups.Tuple.tuple("differs", "150001", List.of("amount")),
                        org.assertj.core.groups.Tuple.tuple("extra", String.valueOf(ROWS + 1), List.of()),
                        org.assertj.core.groups.Tuple.tuple("missing", "99999", List.of()));
        assertThat(diff.samples().get(0).current()).containsEntry("status", "lost");
        assertThat(diff.message()).contains("KB fetched");
    }

    /**
     * PostgreSQL's segment checksums fetch only the sampled rows: with more differing rows than the sample, the
     * per-column counts are the sample's, and the message says so and how to count them all.
     */
    @Test
    void perColumnCountsBeyondTheSampleAreSaidToBeTheSamples() {
        ValidationReport r = new Validator(new EngineSettings(1, "256MB", null, 2), Map.of("PG_TEST_PASSWORD",
                PostgresServer.PASSWORD)::get).run(ConfigLoader.parse("pg.yaml", config("sales.orders"), Path.of(".")),
                RunOverrides.NONE);
        assertThat(only(r.jobs().get(0), Check.ROW_DIFF).message()).startsWith("3 rows differ (in the 2 sampled: "
                + "amount: 1, status: 1; a --sample-size of at least the differing rows counts every column), 1 "
                + "missing from new, 1 extra in new");
        assertThat(only(run(config("sales.orders"), Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD)),
                Check.ROW_DIFF).message()).startsWith("3 rows differ (amount: 2 (0.001%), status: 1 (0.0005%) of "
                + "199999 paired rows)");
    }

    /**
     * A narrowing the new pipeline made on purpose (qty int8 to int4) is accepted by naming the new type in any of its
     * spellings ("integer" for int4), and a pandas to_sql table whose mixed-case quoted columns the new DDL writes
     * unquoted (lower case) compares with ignore_column_case; neither hides a changed value.
     */
    @Test
    void acceptedTypeChangesAndColumnsInAnotherCase() throws Exception {
        Map<String, String> env = Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD);
        String accepting = config("sales.typed") + "        accept_type_changes: {qty: integer}\n";
        JobResult typed = run(accepting, env);
        assertThat(typed.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(typed.checks()).filteredOn(c -> c.check() == Check.SCHEMA && "qty".equals(c.subject())).singleElement()
                .satisfies(c -> assertThat(c.message()).isEqualTo("type changed: 'qty' is int8 in legacy and int4 in "
                        + "new; accepted by accept_type_changes (the values are still compared)"));

        server.execute("lake_old", "CREATE TABLE sales.cased AS SELECT g AS \"OrderID\", (g * 1.5)::numeric(10,2) AS "
                + "\"Amount\", 'n' || g AS \"Note\" FROM generate_series(1, 3000) g");
        server.execute("lake_new", "CREATE TABLE sales.cased AS SELECT g AS orderid, (g * 1.5 + CASE WHEN g = 2999 "
                + "THEN 1 ELSE 0 END)::numeric(10,2) AS amount, 'n' || g AS note FROM generate_series(1, 3000) g");
        String cased = config("sales.cased").replace("key: order_id", "key: OrderID\n        ignore_column_case: true");
        JobResult job = run(cased, env);
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).extracting(CheckResult::subject)
                .containsExactly("rows");
        CheckResult diff = only(job, Check.ROW_DIFF);
        assertThat(diff.samples()).extracting(r -> r.key().get("orderid") + ":" + r.differing())
                .containsExactly("2999:[amount]");
        assertThat(diff.message()).startsWith("1 row differs (amount (legacy Amount): 1 (0.0333%) of 3000 paired rows), 0 "
                + "missing from new, 0 extra in new; key orderid (legacy OrderID)");

        // quoted identifiers may differ only in case within one table: which one is meant is the user's to say
        server.execute("lake_new", "ALTER TABLE sales.cased ADD COLUMN \"AMOUNT\" numeric(10,2)");
        assertThatThrownBy(() -> run(cased, env)).isInstanceOf(dev.migrate.validators.BadInputException.class)
                .hasMessageContaining("jobs[0].datasets[0].ignore_column_case: legacy column 'Amount' of dataset "
                        + "'orders' matches 2 new columns when case is ignored (amount, AMOUNT); name the one it is in "
                        + "rename_columns ({Amount: amount})");
    }

    /**
     * int4 to int8 and the like change no value: info; int8 to int4 can lose values: a failure. numeric(10,2) to
     * numeric(12,2) is a widening too (the driver names both "numeric"; the precision and scale are added).
     */
    @Test
    void widenedColumnTypesAreInfoAndNarrowedOnesFail() {
        JobResult job = run(config("sales.typed"), Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD));
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA)
                .extracting(CheckResult::subject, CheckResult::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("customer_id", Status.INFO),
                        org.assertj.core.groups.Tuple.tuple("amount", Status.INFO),
                        org.assertj.core.groups.Tuple.tuple("status", Status.INFO),
                        org.assertj.core.groups.Tuple.tuple("qty", Status.FAIL));
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA && "customer_id".equals(c.subject())).singleElement()
                .satisfies(c -> assertThat(c.message()).isEqualTo("type widened: 'customer_id' is int4 in legacy and "
                        + "int8 in new, which holds every legacy value; the values are still compared"));
        assertThat(only(job, Check.ROW_DIFF).status()).isEqualTo(Status.PASS);
    }

    /** The driver names varchar(20) and varchar(50) both "varchar": a narrowed column was no schema change at all. */
    @Test
    void aVarcharWhoseLengthShrankFailsAndOneThatGrewIsAWidening() {
        JobResult job = run(config("sales.lengths"), Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD));
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA && c.subject() != null
                        && !c.subject().equals("columns"))
                .extracting(CheckResult::subject, CheckResult::status, CheckResult::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("code", Status.INFO, "type widened: 'code' is varchar(20) in "
                                + "legacy and varchar(50) in new, which holds every legacy value; the values are still "
                                + "compared"),
                        org.assertj.core.groups.Tuple.tuple("label", Status.FAIL, "type changed: 'label' is varchar(50) "
                                + "in legacy and varchar(20) in new"),
                        org.assertj.core.groups.Tuple.tuple("memo", Status.INFO, "type widened: 'memo' is varchar in "
                                + "legacy and text in new, which holds every legacy value; the values are still compared"));
        assertThat(only(job, Check.ROW_DIFF).status()).isEqualTo(Status.PASS);
    }

    /**
     * PostgreSQL's metadata calls numeric(12,2) and numeric(14,3) both "numeric": the same values (3.17 and 3.170)
     * were compared as differing text on every row. The scale is part of the type: a widening, values as numbers.
     */
    @Test
    void aNumericWhoseScaleGrewIsAWideningWithEqualValues() {
        JobResult job = run(config("sales.scaled"), Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD));
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA && "amount".equals(c.subject()))
                .singleElement().satisfies(c -> assertThat(c.message()).isEqualTo("type widened: 'amount' is "
                        + "numeric(12,2) in legacy and numeric(14,3) in new, which holds every legacy value; the values "
                        + "are still compared"));
        assertThat(only(job, Check.ROW_DIFF).status()).isEqualTo(Status.PASS);
        assertThat(job.checks()).noneMatch(c -> c.status() == Status.FAIL);
    }

    /**
     * A renamed key and a tolerance on a renamed column, read through an aliased select list: the segment checksums
     * find the missing row and the changed note; row 7's amount, moved within its tolerance, does not differ
     * (without the tolerance the column would be in the checksums, and the row with it).
     */
    @Test
    void renamedColumnsAreComparedUnderTheirNewNames() {
        String yaml = config("x").replace("        table: x\n", """
                        legacy: {table: sales.Kunden Übersicht}
                        new: {table: sales.kunden}
                """).replace("        key: order_id\n", """
                        key: Kunden-ID
                        rename_columns: {cust id: Kunden-ID, 'Amount "EUR"': Betrag €, Région: région}
                        tolerances: {Betrag €: {absolute: 0.01}}
                """);
        JobResult job = run(yaml, Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD));
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA)
                .extracting(CheckResult::subject, CheckResult::status, CheckResult::legacyValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("columns", Status.PASS, "4"),
                        org.assertj.core.groups.Tuple.tuple("Kunden-ID", Status.INFO, "cust id"),
                        org.assertj.core.groups.Tuple.tuple("Betrag €", Status.INFO, "Amount \"EUR\""),
                        org.assertj.core.groups.Tuple.tuple("région", Status.INFO, "Région"));
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.AGGREGATE && c.subject().equals("Betrag €"))
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(Status.INFO)); // follows from row 500
        CheckResult diff = only(job, Check.ROW_DIFF);
        assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference()))
                .containsExactly("missing=1", "extra=0", "differs=1");
        assertThat(diff.samples()).extracting(SampleRow::kind, s -> s.key().get("Kunden-ID"), SampleRow::differing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("differs", "11", List.of("note")),
                        org.assertj.core.groups.Tuple.tuple("missing", "500", List.of()));
        assertThat(diff.samples().get(0).legacy()).containsEntry("Betrag €", "16.500").containsEntry("région", "us");

        ValidateConfig c = ConfigLoader.parse("pg.yaml", yaml, Path.of("."));
        var env = Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD);
        assertThat(new Validator(new EngineSettings(1, "256MB", null, 10), env::get).dryRun(c, RunOverrides.NONE))
                .filteredOn(p -> p.side().equals("legacy")).first()
                .satisfies(p -> assertThat(p.statement().sql()).contains("\"cust id\" AS \"Kunden-ID\"",
                        "\"Amount \"\"EUR\"\"\" AS \"Betrag €\"", "FROM \"sales\".\"Kunden Übersicht\") AS renamed"));
    }

    @Test
    void matchingTablesCostOneChecksumPerSideAndOnlyKilobytes() {
        JobResult job = run(config("sales.same"), Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD));
        assertThat(job.status()).isEqualTo(Status.PASS);
        CheckResult diff = only(job, Check.ROW_DIFF);
        Matcher kb = Pattern.compile("1 segments, \\d+ queries, ([0-9.]+) KB fetched").matcher(diff.message());
        assertThat(kb.find()).as(diff.message()).isTrue();
        assertThat(Double.parseDouble(kb.group(1))).isLessThan(16.0);
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.AGGREGATE).hasSize(5)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.PASS));
    }

    @Test
    void evidenceStoreOnPostgresMigratesOnceAndRecordsConcurrentRuns() throws Exception {
        server.create("evidence");
        java.util.function.UnaryOperator<String> env = Map.of("MIGRATE_STORE_USER", "postgres",
                "MIGRATE_STORE_PASSWORD", PostgresServer.PASSWORD)::get;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = "pg-run-" + i;
                runs.add(pool.submit(() -> EvidenceStore.open(server.url("evidence"), env)
                        .record(EvidenceStoreTest.report("orders", id, Status.PASS))));
            }
            for (var f : runs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        EvidenceStore store = EvidenceStore.open(server.url("evidence"), env);
        assertThat(store.schemaVersion()).isEqualTo(3);
        assertThat(store.runs("orders")).hasSize(8);
        assertThat(store.checkCount("pg-run-3")).isEqualTo(2);
    }

    @Test
    void missingPasswordVariableIsAnEnvironmentProblem() {
        assertThatThrownBy(() -> run(config("sales.orders"), Map.of()))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("environment variable PG_TEST_PASSWORD (named by password_env) is not set");
    }

    @Test
    void wrongPasswordIsAnEnvironmentProblemThatDoesNotEchoIt() {
        assertThatThrownBy(() -> run(config("sales.orders"), Map.of("PG_TEST_PASSWORD", "wrong-horse-battery")))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("cannot connect")
                .hasMessageNotContaining("wrong-horse-battery");
    }

    /**
     * PostgreSQL against SQLite share no hash and no order of values: the counts, schema and aggregates are compared
     * and the key diff is said not to have run, rather than a SQLite-only read failing on PostgreSQL.
     */
    @Test
    void aTimestampKeyThatBecameATimestamptzPairsByInstantWhateverTheJvmZone() throws Exception {
        // the new pipeline writes timestamptz; the legacy one wrote naive UTC timestamps. Matched by their stored text
        // no key of a differing segment paired (02:00:00 against 02:00:00+00), and a session in the JVM's zone
        // read the naive ones an hour off
        server.execute("lake_old", "CREATE TABLE sales.ticks AS SELECT TIMESTAMP '2024-03-10 00:00:00' + g * "
                + "INTERVAL '1 minute' AS at, g AS v FROM generate_series(1, 2000) g");
        server.execute("lake_new", "CREATE TABLE sales.ticks AS SELECT TIMESTAMPTZ '2024-03-10 00:00:00+00' + g * "
                + "INTERVAL '1 minute' AS at, CASE WHEN g = 1500 THEN 0 ELSE g END AS v FROM generate_series(1, 2000) g");
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        JobResult job;
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Europe/Berlin"));
            job = run(config("sales.ticks").replace("key: order_id", "key: at"),
                    Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD));
        } finally {
            java.util.TimeZone.setDefault(zone);
        }
        CheckResult diff = only(job, Check.ROW_DIFF);
        assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference()))
                .containsExactly("missing=0", "extra=0", "differs=1");
        assertThat(diff.samples()).singleElement().satisfies(r -> {
            assertThat(r.key()).containsEntry("at", "2024-03-11 01:00:00+00");
            assertThat(r.differing()).containsExactly("v");
        });
    }

    /**
     * The legacy pipeline wrote ISO text (with a T, some with a zone), the new one timestamps: compared as text every
     * row differed. A text that reads as a moment now compares as that moment, as a key and as a value; a text that
     * is no moment (or an impossible date) differs, and the schema check fails on the type change.
     */
    @Test
    void aTextColumnAgainstATimestampComparesMoments() throws Exception {
        server.execute("lake_old", "CREATE TABLE sales.events AS SELECT to_char(TIMESTAMP '2024-03-10 00:00:00' + g * "
                + "INTERVAL '1 minute', CASE WHEN g % 2 = 0 THEN 'YYYY-MM-DD\"T\"HH24:MI:SS' ELSE "
                + "'YYYY-MM-DD HH24:MI:SS\"+00:00\"' END) AS at, to_char(DATE '2024-01-01' + g, 'YYYY-MM-DD') || "
                + "CASE WHEN g = 40 THEN 'T01:00:00Z' ELSE '' END AS seen, g AS v FROM generate_series(1, 2000) g",
                "UPDATE sales.events SET seen = 'yesterday' WHERE v = 77",
                "UPDATE sales.events SET seen = '2023-02-30' WHERE v = 78");
        server.execute("lake_new", "CREATE TABLE sales.events AS SELECT TIMESTAMP '2024-03-10 00:00:00' + g * "
                + "INTERVAL '1 minute' AS at, (DATE '2024-01-01' + g)::timestamptz AS seen, g AS v "
                + "FROM generate_series(1, 2000) g");
        JobResult job = run(config("sales.events").replace("key: order_id", "key: at"),
                Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD));
        CheckResult diff = only(job, Check.ROW_DIFF);
        assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference()))
                .containsExactly("missing=0", "extra=0", "differs=3");
        assertThat(diff.samples()).extracting(r -> r.legacy().get("v") + ":" + r.differing())
                .containsExactlyInAnyOrder("40:[seen]", "77:[seen]", "78:[seen]");
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA && c.status() == Status.FAIL)
                .extracting(CheckResult::subject).containsExactlyInAnyOrder("at", "seen");
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA && "seen".equals(c.subject()))
                .singleElement().satisfies(c -> assertThat(c.message()).isEqualTo("type changed: 'seen' is text in legacy "
                        + "and timestamptz in new; a text that reads as a date or timestamp is compared as that moment, "
                        + "any other text differs"));
    }

    /** numeric(38,20) against numeric(30,20): values that differ in their 25th digit were one double. */
    @Test
    void numericsOfTwoPrecisionsCompareEveryDigit() throws Exception {
        server.execute("lake_old", "CREATE TABLE sales.precise (order_id int PRIMARY KEY, amount numeric(38,20))",
                "INSERT INTO sales.precise VALUES (1, 1234.12345678901234567891), (2, 2.5), (3, 7)");
        server.execute("lake_new", "CREATE TABLE sales.precise (order_id int PRIMARY KEY, amount numeric(30,20))",
                "INSERT INTO sales.precise VALUES (1, 1234.12345678901234567892), (2, 2.50), (3, 7)");
        JobResult job = run(config("sales.precise"), Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD));
        CheckResult diff = only(job, Check.ROW_DIFF);
        assertThat(diff.samples()).extracting(r -> r.key().get("order_id") + ":" + r.differing())
                .containsExactly("1:[amount]");
    }

    @Test
    void postgresAgainstSqliteIsDiffedByKeyInTheEngine(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("new.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (order_id INTEGER PRIMARY KEY, status TEXT)");
            st.execute("INSERT INTO orders VALUES (1, 'paid'), (2, 'paid'), (3, 'paid')");
        }
        String yaml = """
                connections:
                  old: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                  new: {type: jdbc, url: "jdbc:sqlite:%s"}
                jobs:
                  - name: mixed
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets:
                      - name: orders
                        legacy: {query: "SELECT order_id::int4 AS order_id, status FROM sales.same WHERE order_id <= 3"}
                        new: {table: orders}
                        key: order_id
                """.formatted(server.url("lake_old"), db);
        JobResult job = run(yaml, Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD));
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.ROW_DIFF).singleElement()
                .satisfies(c -> {
                    // two engines share no hash: both tables are copied into the embedded engine and diffed there
                    assertThat(c.status()).isEqualTo(Status.PASS);
                    assertThat(c.message()).startsWith("all 3 rows match by key (order_id)");
                });
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
    }

    /**
     * A sample of tens of thousands of keys: its rows are fetched a batch of keys at a time, as one statement would
     * bind more parameters than the protocol carries (65535; here 70000 keys).
     */
    @Test
    void samplesTensOfThousandsOfDifferingRows() throws Exception {
        String many = "CREATE TABLE sales.many AS SELECT g AS order_id, 'x' || g AS label FROM generate_series(1, 140000) g";
        server.execute("lake_old", many, "ALTER TABLE sales.many ADD PRIMARY KEY (order_id)");
        server.execute("lake_new", many, "ALTER TABLE sales.many ADD PRIMARY KEY (order_id)",
                "UPDATE sales.many SET label = 'y' || order_id WHERE order_id % 2 = 0");
        ValidationReport r = new Validator(new EngineSettings(1, "256MB", null, 300_000),
                Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD)::get)
                .run(ConfigLoader.parse("pg.yaml", config("sales.many"), Path.of(".")), RunOverrides.NONE);
        CheckResult diff = only(r.jobs().get(0), Check.ROW_DIFF);
        assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference()))
                .containsExactly("missing=0", "extra=0", "differs=70000");
        assertThat(diff.samples()).hasSize(70_000).allSatisfy(s -> {
            String id = s.key().get("order_id");
            assertThat(s.differing()).containsExactly("label");
            assertThat(List.of(s.legacy().get("label"), s.current().get("label"))).containsExactly("x" + id, "y" + id);
        });
    }
}
