package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * SQLite files as JDBC sides: opened read-only (sqlite-jdbc refuses a read-only switch after the open), and a
 * relative file is relative to the config, like every path in it, whatever the working directory.
 */
class SqliteConnectionTest {
    @TempDir
    Path tmp;

    private void database(String name, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("dbs").resolve(name));
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private JobResult run(String legacyFile) throws Exception {
        Path cfg = Files.writeString(tmp.resolve("dbs/v.yaml"), """
                connections:
                  old: {type: jdbc, url: "jdbc:sqlite:%s"}
                  new: {type: jdbc, url: "jdbc:sqlite:new.db"}
                jobs:
                  - name: j
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets: [{name: sales, table: sales, key: id}]
                """.formatted(legacyFile));
        return OnePassDatasets.runConfig(cfg);
    }

    @Test
    void comparesTwoSqliteFilesNamedRelativeToTheConfig() throws Exception {
        Files.createDirectories(tmp.resolve("dbs"));
        String create = "CREATE TABLE sales (id INTEGER PRIMARY KEY, region TEXT, amount REAL)";
        database("old.db", create, "INSERT INTO sales VALUES (1, 'eu', 2.5), (2, 'us', 3.5)");
        database("new.db", create, "INSERT INTO sales VALUES (1, 'eu', 2.5), (2, 'us', 4.5)");
        JobResult job = run("old.db");
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).extracting(CheckResult::subject)
                .containsExactly("amount");

        assertThatThrownBy(() -> run("olde.db")).isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("connection 'old'");
        assertThat(tmp.resolve("dbs/olde.db")).as("a mistyped file is not created").doesNotExist();
    }

    @Test
    void noHashAggregateIsClaimedWhereTheDatabaseCannotHash() throws Exception {
        Files.createDirectories(tmp.resolve("dbs"));
        String create = "CREATE TABLE sales (id INTEGER PRIMARY KEY, region TEXT, amount REAL)";
        // 'us ' keeps the count, min and max of region: only a hash of the values would see it
        database("old.db", create, "INSERT INTO sales VALUES (1, 'eu', 2.5), (2, 'us ', 3.5), (3, 'za', 1.0)");
        database("new.db", create, "INSERT INTO sales VALUES (1, 'eu', 2.5), (2, 'us', 3.5), (3, 'za', 1.0)");
        JobResult job = run("old.db");
        assertThat(job.checks()).filteredOn(c -> c.subject().equals("region")).singleElement()
                .satisfies(c -> assertThat(c.message()).isEqualTo("count, nulls, min, max match"));
        assertThat(job.checks()).filteredOn(c -> c.check() == dev.migrate.validators.result.Check.ROW_DIFF)
                .singleElement().satisfies(c -> assertThat(c.message()).contains("no hash of the values"));
    }
}
