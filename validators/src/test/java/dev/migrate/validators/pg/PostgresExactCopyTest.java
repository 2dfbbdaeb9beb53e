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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL table against the files of the other pipeline: a {@code numeric} without precision was copied into the
 * engine as DOUBLE, so a 20-digit id one apart, or an amount differing past the 17th digit, was one value; it is now
 * copied as the DECIMAL its values fit (or as exact text), and the evidence says which. uuid and jsonb are written by
 * the server in one spelling whatever they were given in, so they compare exactly with an export of the same values.
 */
class PostgresExactCopyTest {
    private static PostgresDatabases server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void createDatabases() throws Exception {
        server = PostgresDatabases.open();
        server.create("ledger");
        server.execute("ledger",
                "CREATE TABLE entries (id numeric PRIMARY KEY, amount numeric, code uuid, doc jsonb)",
                // the uuid given in upper case and the document with its keys out of order, as an ORM might send them
                "INSERT INTO entries VALUES (12345678901234567890, 0.1000000000000000000001, "
                        + "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '{\"b\": [1, 2], \"a\": 1}'), "
                        + "(12345678901234567891, 0.30, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '{\"a\": null}'), "
                        + "(3, 2.50, NULL, NULL)",
                "CREATE TABLE tagged (id int PRIMARY KEY, nums int4[], names text[], flags bool[])",
                "INSERT INTO tagged VALUES (1, '{1,2,3}', '{\"a,b\",c,NULL}', '{t,f}'), (2, '{}', '{}', NULL), "
                        + "(3, NULL, '{\"say \\\"hi\\\"\"}', '{f}')",
                "CREATE TABLE huge (id int PRIMARY KEY, v numeric)",
                "INSERT INTO huge VALUES (1, 1234567890123456789012345678901234567890.5), (2, 1.10)");
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static final String HEADER = "id,amount,code,doc\n";
    /** The rows as the legacy job exported them: numbers as written, uuid in lower case, jsonb's own text. */
    private static final String ROW_1 = "12345678901234567890,0.1000000000000000000001,"
            + "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,\"{\"\"a\"\": 1, \"\"b\"\": [1, 2]}\"\n";
    private static final String ROW_2 = "12345678901234567891,0.3,a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12,"
            + "\"{\"\"a\"\": null}\"\n";
    private static final String ROW_3 = "3,2.5,,\n";

    private Path config(String csv, String dataset) throws Exception {
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/entries.csv"), csv);
        return Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  files: {type: directory, path: out}
                  wh: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                jobs:
                  - name: j
                    legacy: {connection: files}
                    new: {connection: wh}
                    datasets: [{%s}]
                """.formatted(server.url("ledger"), dataset));
    }

    private static Validator validator() {
        Map<String, String> env = Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD);
        return new Validator(new EngineSettings(1, "256MB", null, 10), env::get);
    }

    private static JobResult run(Path cfg) {
        return validator().run(ConfigLoader.load(cfg), RunOverrides.NONE).jobs().get(0);
    }

    private static final String ENTRIES = "name: entries, legacy: {files: entries.csv}, new: {table: entries}, key: id";

    @Test
    void theSameValuesMatchAndTheEvidenceSaysHowTheNumericsWereCopied() throws Exception {
        JobResult job = run(config(HEADER + ROW_1 + ROW_2 + ROW_3, ENTRIES));
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(job, Check.ROW_DIFF, "rows").message()).startsWith("all 3 rows match by key (id)");
        CheckResult amount = check(job, Check.SCHEMA, "amount (copy)");
        assertThat(amount.status()).isEqualTo(Status.INFO);
        assertThat(amount.message()).isEqualTo("the new side's 'amount' is numeric in the database, which holds any "
                + "exact decimal: copied as DECIMAL(38,22), exact, as its values have at most 22 fraction digits and 1 "
                + "before the point (not as DOUBLE, which keeps 15 to 17 significant digits)");
        assertThat(amount.newValue()).isEqualTo("numeric");
        assertThat(amount.threshold()).isEqualTo("DECIMAL(38,22)");
        assertThat(check(job, Check.SCHEMA, "id (copy)").threshold()).isEqualTo("DECIMAL(38,0)");
    }

    /** Values that a DOUBLE made one: an id one apart at the 20th digit, an amount apart at the 22nd. */
    @Test
    void differencesPastADoublesDigitsAreFound() throws Exception {
        String changed = HEADER + ROW_1.replace("0.1000000000000000000001", "0.1000000000000000000002") + ROW_2 + ROW_3
                + "12345678901234567892,1,,\n";
        JobResult job = run(config(changed, ENTRIES));
        CheckResult diff = check(job, Check.ROW_DIFF, "rows");
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.samples()).extracting(s -> s.key().get("id") + ":" + s.differing())
                .containsExactlyInAnyOrder("12345678901234567890:[amount]", "12345678901234567892:[]");
    }

    /** Past 38 digits no DECIMAL holds the values: they are copied as exact text, trailing zeros dropped. */
    @Test
    void valuesPastThirtyEightDigitsAreComparedAsExactText() throws Exception {
        String dataset = "name: huge, legacy: {files: huge.csv}, new: {table: huge}, key: id";
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/huge.csv"), "id,v\n1,1234567890123456789012345678901234567890.5\n2,1.1\n");
        JobResult same = run(config(HEADER, dataset));
        assertThat(same.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(same, Check.SCHEMA, "v (copy)").message()).contains("copied as its text (trailing fraction "
                + "zeros dropped) and compared exactly, as its values need 40 digits before the point and 2 after it");
        Files.writeString(tmp.resolve("out/huge.csv"), "id,v\n1,1234567890123456789012345678901234567890.6\n2,1.1\n");
        JobResult changed = run(config(HEADER, dataset));
        assertThat(check(changed, Check.ROW_DIFF, "rows").samples()).extracting(s -> s.key().get("id"))
                .containsExactly("1");
    }

    /**
     * Arrays are copied as the engine's lists, so they compare element by element with a Parquet list (pyarrow's, a
     * Spark array): as text, PostgreSQL's {1,2,3} never equalled [1, 2, 3].
     */
    @Test
    void arraysCompareWithParquetListsElementByElement() throws Exception {
        String dataset = "name: tagged, legacy: {files: tagged.parquet}, new: {table: tagged}, key: id";
        String rows = "SELECT 1 AS id, [1, 2, 3] AS nums, ['a,b', 'c', NULL] AS names, [true, false] AS flags "
                + "UNION ALL SELECT 2, [], [], NULL UNION ALL SELECT 3, NULL, ['say \"hi\"'], [false]";
        parquet("tagged.parquet", rows);
        JobResult same = run(config(HEADER, dataset));
        assertThat(same.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(same, Check.ROW_DIFF, "rows").message()).startsWith("all 3 rows match by key (id)");
        parquet("tagged.parquet", rows.replace("[1, 2, 3]", "[1, 3, 2]"));
        JobResult moved = run(config(HEADER, dataset));
        assertThat(check(moved, Check.ROW_DIFF, "rows").samples()).extracting(s -> s.key().get("id") + ":"
                + s.differing()).containsExactly("1:[nums]");
    }

    private void parquet(String name, String query) throws Exception {
        Files.createDirectories(tmp.resolve("out"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement s = c.createStatement()) {
            s.execute("COPY (" + query + ") TO '" + tmp.resolve("out").resolve(name) + "' (FORMAT parquet)");
        }
    }

    /** The dry run reads no value: it says how such a column will be typed. */
    @Test
    void theDryRunSaysTheTypeComesFromTheValues() throws Exception {
        List<PlannedStatement> plan = validator().dryRun(ConfigLoader.load(config(HEADER + ROW_1, ENTRIES)),
                RunOverrides.NONE);
        assertThat(plan).filteredOn(p -> p.statement().purpose().startsWith("copy new: each column"))
                .singleElement().satisfies(p -> assertThat(p.statement().sql()).contains("-- amount: numeric -> "
                        + "DECIMAL(38, s), s the most fraction digits its values have (read before the copy), or its "
                        + "text (trailing fraction zeros dropped) when they need more than 38 digits",
                        "-- code: uuid -> UUID"));
    }
}
