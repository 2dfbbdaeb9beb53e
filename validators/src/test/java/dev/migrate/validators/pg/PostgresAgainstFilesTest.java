package dev.migrate.validators.pg;

import static dev.migrate.validators.JobChecks.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.JobInputException;
import dev.migrate.validators.PlannedStatement;
import dev.migrate.validators.RunOverrides;
import dev.migrate.validators.Validator;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.config.ValidateConfig;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prefect 1 job wrote CSV or Parquet files, its Prefect 3 rewrite writes to PostgreSQL (or the reverse): the
 * table is streamed into the engine, typed by its metadata, and compared with the files.
 */
class PostgresAgainstFilesTest {
    private static PostgresDatabases server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void createDatabases() throws Exception {
        server = PostgresDatabases.open();
        server.create("wh");
        server.execute("wh",
                "CREATE TABLE orders (id int PRIMARY KEY, customer text, amount numeric(12,2), active boolean, "
                        + "created timestamptz, shipped date, body jsonb)",
                "INSERT INTO orders SELECT g, 'c' || g, g * 1.25, g % 3 <> 0, timestamptz '2024-03-01 02:00:00+00' "
                        + "+ g * interval '1 minute', date '2024-03-01' + (g % 7), ('{\"n\": ' || g || '}')::jsonb "
                        + "FROM generate_series(1, 20000) g",
                "CREATE TABLE copied_flags (id int PRIMARY KEY, paid text)",
                "INSERT INTO copied_flags VALUES (1, 't'), (2, 'f'), (3, NULL)");
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The rows of the orders table, as the legacy job's export wrote them, to {@code out/<name>}. */
    private void export(String name, String format, String change) throws Exception {
        Path f = tmp.resolve("out").resolve(name);
        Files.createDirectories(f.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("COPY (SELECT range::INTEGER AS id, 'c' || range AS customer, CAST(range * 1.25 AS DECIMAL(12,2)) "
                    + "AS amount, CASE WHEN range % 3 <> 0 THEN 'Y' ELSE 'N' END AS active, TIMESTAMPTZ "
                    + "'2024-03-01 02:00:00+00' + range * INTERVAL 1 MINUTE AS created, DATE '2024-03-01' + "
                    + "CAST(range % 7 AS INTEGER) AS shipped, '{\"n\": ' || range || '}' AS body FROM range(1, 20001) "
                    + change + ") TO '" + f + "' (FORMAT " + format + ("csv".equals(format) ? ", HEADER" : "") + ")");
        }
    }

    private Path config(String dataset, boolean databaseIsNew) throws Exception {
        String files = "{connection: files}";
        String db = "{connection: wh}";
        return Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  files: {type: directory, path: out}
                  wh: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                jobs:
                  - name: j
                    legacy: %s
                    new: %s
                    datasets: [{%s}]
                """.formatted(server.url("wh"), databaseIsNew ? files : db, databaseIsNew ? db : files, dataset));
    }

    private static Validator validator() {
        Map<String, String> env = Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD);
        return new Validator(new EngineSettings(1, "256MB", null, 10), env::get);
    }

    private static JobResult run(Path cfg) {
        return validator().run(ConfigLoader.load(cfg), RunOverrides.NONE).jobs().get(0);
    }

    @Test
    void theTableMatchesTheCsvExport() throws Exception {
        export("orders.csv", "csv", "");
        JobResult job = run(config("name: orders, legacy: {files: orders.csv}, new: {table: orders}, key: id", true));
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(job, Check.ROW_COUNT, "rows").newValue()).isEqualTo("20000");
        assertThat(check(job, Check.SCHEMA, "active").message()).contains("read as boolean from the spellings Y/N");
        assertThat(check(job, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
    }

    /** The reverse: the legacy job wrote the table, the rewrite Parquet, with one amount changed. */
    @Test
    void aChangedValueInTheParquetRewriteFails() throws Exception {
        export("orders.parquet", "parquet", "");
        export("changed.parquet", "parquet", "WHERE range <> 5 UNION ALL SELECT 5, 'c5', 99.99, 'Y', TIMESTAMPTZ "
                + "'2024-03-01 02:05:00+00', DATE '2024-03-06', '{\"n\": 5}'");
        JobResult same = run(config("name: orders, legacy: {table: orders}, new: {files: orders.parquet}, key: id",
                false));
        assertThat(check(same, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
        JobResult changed = run(config("name: orders, legacy: {table: orders}, new: {files: changed.parquet}, key: id",
                false));
        CheckResult diff = check(changed, Check.ROW_DIFF, "rows");
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.samples()).singleElement().satisfies(s -> {
            assertThat(s.key()).containsEntry("id", "5");
            assertThat(s.differing()).containsExactly("amount");
        });
    }

    /** psql's COPY writes a boolean as t/f; a text column holding those faces the rewrite's Parquet BOOLEAN. */
    @Test
    void copiedFlagsSpelledTfAreReadAsBooleans() throws Exception {
        Files.createDirectories(tmp.resolve("out"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES (1, true), (2, false), (3, NULL)) AS t(id, paid)) TO '"
                    + tmp.resolve("out/flags.parquet") + "' (FORMAT parquet)");
        }
        JobResult job = run(config("name: flags, legacy: {table: copied_flags}, new: {files: flags.parquet}, key: id",
                false));
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(job, Check.SCHEMA, "paid").message()).contains("read as boolean from the spellings t/f");
    }

    /**
     * The legacy job exported the table with psql's {@code \\copy ... TO 'notes.tsv'} (COPY's text format: NULL as
     * {@code \\N}, a tab, a line break and a backslash escaped); the rewrite reads the table itself. With
     * {@code null_values: '\\N'} the export's values are read back as the table holds them.
     */
    @Test
    void aCopyTextExportMatchesItsTable() throws Exception {
        server.execute("wh", "CREATE TABLE IF NOT EXISTS notes (id int PRIMARY KEY, note text)",
                "TRUNCATE notes", "INSERT INTO notes VALUES (1, E'a\\tb'), (2, E'line\\nbreak'), (3, E'C:\\\\temp'), "
                        + "(4, NULL), (5, ''), (6, E'crlf\\r\\nend')");
        Path export = tmp.resolve("out/notes.tsv");
        Files.createDirectories(export.getParent());
        try (Connection c = DriverManager.getConnection(server.url("wh"), "postgres", PostgresServer.PASSWORD);
                java.io.Writer w = Files.newBufferedWriter(export)) {
            new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class))
                    .copyOut("COPY (SELECT id, note FROM notes ORDER BY id) TO STDOUT WITH (FORMAT text, HEADER)", w);
        }
        assertThat(Files.readString(export)).contains("a\\tb", "C:\\\\temp", "\\N");
        JobResult job = run(config("name: notes, key: id, legacy: {files: notes.tsv, csv: {null_values: '\\N'}}, "
                + "new: {table: notes}", true));
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(job, Check.ROW_DIFF, "rows").message()).startsWith("all 6 rows match by key (id)");
        JobResult unread = run(config("name: notes, key: id, legacy: {files: notes.tsv}, new: {table: notes}", true));
        assertThat(check(unread, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.FAIL);
    }

    /** A table the database does not have: bad input naming the dataset; the password is never shown. */
    @Test
    void aMissingTableIsBadInputNamingTheDatasetWithoutTheCredential() throws Exception {
        export("orders.csv", "csv", "");
        assertThatThrownBy(() -> run(config("name: orders, legacy: {files: orders.csv}, new: {table: nope}, key: id",
                true)))
                .isInstanceOf(JobInputException.class)
                .hasMessageContaining("jobs[0].datasets[0]")
                .hasMessageContaining("\"nope\"")
                .hasMessageNotContaining(PostgresServer.PASSWORD);
    }

    /** The dry run reads no rows: it shows the query the copy runs and the types the columns are copied as. */
    @Test
    void theDryRunShowsTheCopyAndItsTypes() throws Exception {
        export("orders.csv", "csv", "");
        ValidateConfig cfg = ConfigLoader.load(config("name: orders, legacy: {files: orders.csv}, new: {table: orders}, "
                + "key: id", true));
        List<PlannedStatement> plan = validator().dryRun(cfg, RunOverrides.NONE);
        assertThat(plan).filteredOn(p -> p.statement().purpose().startsWith("copy new")).extracting(p -> p.statement()
                .sql()).anySatisfy(sql -> assertThat(sql).startsWith("SELECT \"id\", \"customer\"").endsWith(
                        "FROM \"orders\"")).anySatisfy(sql -> assertThat(sql).contains("\"amount\" DECIMAL(12,2)",
                                "\"created\" TIMESTAMP WITH TIME ZONE", "\"body\" JSON"));
        // jsonb facing the export's JSON text: read as JSON values, which the column readings say
        assertThat(plan).anySatisfy(p -> assertThat(p.statement().sql()).contains(
                "body: legacy VARCHAR, new JSON; compared as JSON values in one canonical form"));
    }
}
