package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column declared TIMESTAMP by one pipeline and DATETIME by the other holds one kind of value (SQLite and DuckDB
 * do not tell the names apart; MySQL's two store the same values): the schema check reported a widened type on every
 * run. Two names of one type are now no change, while a real widening or change is still reported.
 */
class TypeSynonymsTest {
    @TempDir
    Path tmp;

    private JobResult compare(String legacyCreate, String newCreate, String rows) throws Exception {
        Files.createDirectories(tmp.resolve("dbs"));
        database("old.db", legacyCreate, "INSERT INTO ev VALUES " + rows);
        database("new.db", newCreate, "INSERT INTO ev VALUES " + rows);
        Path cfg = Files.writeString(tmp.resolve("dbs/v.yaml"), """
                connections:
                  old: {type: jdbc, url: "jdbc:sqlite:old.db"}
                  new: {type: jdbc, url: "jdbc:sqlite:new.db"}
                jobs:
                  - name: j
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets: [{name: ev, table: ev, key: id}]
                """);
        return OnePassDatasets.runConfig(cfg);
    }

    private void database(String name, String... sql) throws Exception {
        Files.deleteIfExists(tmp.resolve("dbs").resolve(name));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("dbs").resolve(name));
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static List<String> schemaRows(JobResult job) {
        return job.checks().stream().filter(c -> c.check() == Check.SCHEMA).map(CheckResult::message).toList();
    }

    @Test
    void timestampAndDatetimeAreOneTypeBothWays() throws Exception {
        String rows = "(1, '2024-03-01 02:00:00', 5), (2, '2024-03-01 03:00:00', 6)";
        for (String[] types : new String[][] {{"TIMESTAMP", "DATETIME"}, {"DATETIME", "TIMESTAMP"}}) {
            JobResult job = compare("CREATE TABLE ev (id INT, ts " + types[0] + ", v INTEGER)",
                    "CREATE TABLE ev (id INTEGER, ts " + types[1] + ", v INT)", rows);
            assertThat(job.status()).isEqualTo(Status.PASS);
            assertThat(schemaRows(job)).containsExactly("all 3 legacy columns are present in the new output");
        }
    }

    @Test
    void aRealWideningOrChangeIsStillReported() throws Exception {
        JobResult job = compare("CREATE TABLE ev (id INTEGER, ts TIMESTAMP, v INTEGER)",
                "CREATE TABLE ev (id INTEGER, ts DATE, v BIGINT)", "(1, '2024-03-01', 5)");
        assertThat(schemaRows(job)).contains(
                "type widened: 'v' is INTEGER in legacy and BIGINT in new, which holds every legacy value; the values "
                        + "are still compared")
                .anyMatch(m -> m.startsWith("type changed: 'ts' is TIMESTAMP in legacy and DATE in new"));
    }
}
