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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two PostgreSQL databases compared where they are (segment checksums, aggregates computed by each) on servers set up
 * differently: another default collation (an ICU locale against C, as a newer cluster or another OS has), and other
 * defaults for the settings that spell values as text (IntervalStyle, bytea_output, extra_float_digits, DateStyle,
 * TimeZone). Each database computes its hashes and bounds from those texts and orders, so the two sides must read
 * alike: with the legacy database's defaults, an interval, a bytea and the text bounds differed on every run, and a
 * key range split by one side's collation held other keys on the other side (a changed row was reported as missing
 * and extra too). Two databases of the test server stand for the two servers: a database's defaults
 * ({@code ALTER DATABASE ... SET}) are the server's for every session that does not set its own.
 */
class PostgresServerSettingsTest {
    private static final int ROWS = 3000;
    private static PostgresDatabases server;

    @BeforeAll
    static void createDatabases() throws Exception {
        server = PostgresDatabases.open();
        // a database's defaults and collation stand for a server's (see above): no server of its own is needed
        server.create("legacy_wh");
        // the new server sorts text by an ICU locale: 'a' < 'B' < 'c', where C sorts 'B' < 'a' < 'c'
        server.create("new_wh", "TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'und' LOCALE 'C'");
        for (String setting : List.of("IntervalStyle = 'sql_standard'", "bytea_output = 'escape'",
                "extra_float_digits = 0", "DateStyle = 'SQL, DMY'", "TimeZone = 'America/New_York'")) {
            server.set("legacy_wh", setting);
        }
        // keys in mixed case, so that the two collations order them differently all along the table
        String rows = "SELECT CASE WHEN g % 2 = 0 THEN 'k' ELSE 'K' END || lpad(g::text, 5, '0') AS code, "
                + "CASE WHEN g % 2 = 0 THEN 'apple' ELSE 'Banana' END AS label, g / 3.0::float8 AS ratio, g * interval '1 hour 30 minutes' AS took, "
                + "convert_to('row ' || g || ' é', 'UTF8') AS payload, "
                + "timestamp '2024-03-01 02:00:00' + g * interval '1 minute' AS seen, "
                + "timestamptz '2024-03-01 02:00:00+00' + g * interval '1 minute' AS seen_tz, "
                + "date '2024-03-01' + g % 30 AS day FROM generate_series(1, " + ROWS + ") g";
        for (String db : new String[] {"legacy_wh", "new_wh"}) {
            server.execute(db, "CREATE TABLE events AS " + rows, "ALTER TABLE events ADD PRIMARY KEY (code)");
        }
        server.execute("new_wh", "UPDATE events SET took = took + interval '1 second' WHERE code = 'k01000'");
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The dry run shows the settings each session takes and the order text keys range in. */
    @Test
    void theDryRunShowsTheSessionSettingsAndTheTextOrder() {
        List<PlannedStatement> plan = new Validator(new EngineSettings(1, "256MB", null, 10),
                Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD)::get).dryRun(ConfigLoader.parse("pg.yaml",
                        yaml("events"), Path.of(".")), RunOverrides.NONE);
        assertThat(plan).filteredOn(p -> p.statement().purpose().startsWith("session settings")).singleElement()
                .satisfies(p -> assertThat(p.statement().sql()).contains("SET IntervalStyle = 'postgres'",
                        "SET extra_float_digits = 3", "SET bytea_output = 'hex'", "SET TIME ZONE 'UTC'"));
        assertThat(plan).filteredOn(p -> p.side().equals("legacy")).anySatisfy(p -> assertThat(p.statement().sql())
                .contains("min(((\"code\")::text) COLLATE \"C\")"));
    }

    private static String yaml(String table) {
        return """
                connections:
                  old: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                  new: {type: jdbc, url: "%s", user: postgres, password_env: PG_TEST_PASSWORD}
                jobs:
                  - name: j
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets:
                      - {name: events, table: %s, key: code}
                """.formatted(server.url("legacy_wh"), server.url("new_wh"), table);
    }

    private static JobResult run(String table) {
        Map<String, String> env = Map.of("PG_TEST_PASSWORD", PostgresServer.PASSWORD);
        return new Validator(new EngineSettings(1, "256MB", null, 10), env::get)
                .run(ConfigLoader.parse("pg.yaml", yaml(table), Path.of(".")), RunOverrides.NONE).jobs().get(0);
    }

    @Test
    void theSameRowsMatchWhateverEachServerSpellsAndSorts() throws Exception {
        server.execute("legacy_wh", "CREATE TABLE IF NOT EXISTS same AS SELECT * FROM events");
        server.execute("new_wh", "CREATE TABLE IF NOT EXISTS same AS SELECT * FROM events",
                "UPDATE same SET took = took - interval '1 second' WHERE code = 'k01000'");
        JobResult job = run("same");
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(job, Check.ROW_DIFF, "rows").message()).startsWith("all " + ROWS + " rows match by key (code)");
        // min and max of text in one order: C would say Banana, the ICU locale apple
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.AGGREGATE && c.subject().startsWith("label"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.PASS));
    }

    /** One changed interval: one differing row, nothing missing or extra, and no other column differs. */
    @Test
    void aChangedRowIsOneDifferenceNotAMissingAndAnExtraRow() {
        JobResult job = run("events");
        CheckResult diff = check(job, Check.ROW_DIFF, "rows");
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.samples()).extracting(s -> s.key().get("code") + ":" + s.differing())
                .containsExactly("k01000:[took]");
        assertThat(diff.message()).startsWith("1 row differs (took: 1 (0.0333%) of " + ROWS + " paired rows), 0 missing "
                + "from new, 0 extra in new");
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.AGGREGATE && c.status() == Status.FAIL)
                .isEmpty();
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.AGGREGATE && c.subject().startsWith("code"))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.PASS));
    }
}
