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
}
