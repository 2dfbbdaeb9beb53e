package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables and queries in DuckDB database files, compared in the embedded engine. */
class DuckDbConnectionTest {
    @TempDir
    Path tmp;

    private void database(String name, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve(name)); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Test
    void comparesTablesAndQueriesOfTwoDatabaseFiles() throws Exception {
        String create = "CREATE SCHEMA marts; CREATE TABLE marts.\"daily sales\" AS SELECT range AS day, range * 10 AS total "
                + "FROM range(100)";
        database("old.duckdb", create);
        database("new.duckdb", create, "UPDATE marts.\"daily sales\" SET total = total + 1 WHERE day = 42");
        Path cfg = Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  old: {type: duckdb, path: old.duckdb}
                  new: {type: duckdb, path: new.duckdb}
                jobs:
                  - name: marts
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets:
                      - name: daily_sales
                        table: marts.daily sales
                        key: day
                      - name: big_days
                        query: "SELECT day, total FROM marts.\\"daily sales\\" WHERE total >= 900"
                        key: day
                """);
        JobResult job = new Validator(new EngineSettings(1, "256MB", null, 5))
                .run(ConfigLoader.load(cfg), RunOverrides.NONE).jobs().get(0);
        CheckResult sales = job.checks().stream()
                .filter(c -> "daily_sales".equals(c.dataset()) && c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
        assertThat(sales.status()).isEqualTo(Status.FAIL);
        assertThat(sales.samples()).singleElement().satisfies(s -> {
            assertThat(s.key()).containsEntry("day", "42");
            assertThat(s.differing()).containsExactly("total");
        });
        assertThat(job.checks()).filteredOn(c -> "big_days".equals(c.dataset()))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.PASS));
    }

    /**
     * A new output that repeats a key fails the row diff; the other checks still run (compared as without a key),
     * so a type change and the extra row are reported in the same run, not one fix later.
     */
    @Test
    void aRepeatedNewKeyStillReportsTheRowCountAndSchema() throws Exception {
        database("old.duckdb", "CREATE TABLE invoices (id INTEGER, tax DECIMAL(10,4))",
                "INSERT INTO invoices VALUES (1, 0.5), (2, 1.25), (3, 2.0)");
        database("new.duckdb", "CREATE TABLE invoices (id INTEGER, tax DOUBLE)",
                "INSERT INTO invoices VALUES (1, 0.5), (2, 1.25), (3, 2.0), (3, 2.0)");
        Path cfg = Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  old: {type: duckdb, path: old.duckdb}
                  new: {type: duckdb, path: new.duckdb}
                jobs:
                  - name: billing
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets: [{name: invoices, table: invoices, key: id}]
                """);
        JobResult job = new Validator(new EngineSettings(1, "256MB", null, 5))
                .run(ConfigLoader.load(cfg), RunOverrides.NONE).jobs().get(0);
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL)
                .extracting(c -> c.check() + " " + c.subject())
                .contains("ROW_COUNT rows", "SCHEMA tax", "ROW_DIFF rows");
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.ROW_DIFF).singleElement()
                .satisfies(c -> assertThat(c.message()).contains("the new output repeats key (id=3) 2 times"));
    }
}
