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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A double keeps 15 to 17 significant digits: two decimals that differ past them are one double, so a CSV column of
 * long decimals (which DuckDB reads as DOUBLE) and two exact number types compared through doubles passed changed
 * values. They are compared exactly, on every engine path, and a tolerance still applies where one is set.
 */
class LongDecimalTest {
    @TempDir
    Path tmp;

    private static final String HEADER = "id,amount,label\n";

    /** {@code rows} lines of ids 1..rows, each amount a 27-digit decimal; {@code changed} gets one more in its last digit. */
    private static String csv(int rows, int changed, String trailer) {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            b.append(i).append(",12345.").append(String.format("%021d", i * 10L + (i == changed ? 1 : 0)))
                    .append(trailer).append(",x").append(i).append('\n');
        }
        return b.toString();
    }

    private JobResult files(String legacy, String current, String dataset) throws Exception {
        Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(tmp.resolve("new"));
        Files.writeString(tmp.resolve("old/t.csv"), legacy);
        Files.writeString(tmp.resolve("new/t.csv"), current);
        Path cfg = OnePassDatasets.directoryPairConfig(tmp, "name: t, files: \"t.csv\", %s".formatted(dataset));
        return OnePassDatasets.runConfig(cfg);
    }

    private static List<CheckResult> failures(JobResult job) {
        return job.checks().stream().filter(c -> c.status() == Status.FAIL).toList();
    }

    @ParameterizedTest(name = "{0}, changed row {1}")
    @CsvSource({"'key: id', 1", "'key: id', 250", "'key: id', 500", "'key: id, ordered: true', 250",
            "'allow_new_columns: true', 250", "'allow_new_columns: true', 1"})
    void aDecimalChangedPastItsSeventeenthDigitIsAMismatch(String dataset, int changed) throws Exception {
        JobResult job = files(csv(500, 0, ""), csv(500, changed, ""), dataset);
        assertThat(failures(job)).isNotEmpty();
        if (dataset.contains("key")) {
            CheckResult diff = job.checks().stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
            assertThat(diff.samples()).extracting(s -> s.key().get("id") + ":" + s.differing())
                    .containsExactly(changed + ":[amount]");
            assertThat(diff.samples().get(0).current().get("amount")).endsWith(String.format("%d1", changed));
        } else {
            assertThat(failures(job)).extracting(CheckResult::subject).contains("amount");
        }
    }

    @Test
    void theSameDecimalsWithMoreTrailingZerosMatch() throws Exception {
        JobResult job = files(csv(50, 0, ""), csv(50, 0, "000"), "key: id");
        assertThat(failures(job)).isEmpty();
    }

    @Test
    void aToleranceStillAppliesToLongDecimals() throws Exception {
        String within = "key: id, tolerances: {amount: {absolute: 0.001}}";
        assertThat(failures(files(csv(50, 0, ""), csv(50, 7, ""), within))).isEmpty();
        String exceeded = "key: id, tolerances: {amount: {absolute: 1.0e-25}}";
        assertThat(failures(files(csv(50, 0, ""), csv(50, 7, ""), exceeded))).extracting(CheckResult::subject)
                .contains("rows");
    }

    @Test
    void shortDecimalsStayDoublesAndCompareAsNumbers() throws Exception {
        // 2.50 and 2.5 are one number; a DOUBLE column of short values is not read any differently
        JobResult job = files(HEADER + "1,2.50,a\n2,0.1,b\n", HEADER + "1,2.5,a\n2,0.1,b\n", "key: id");
        assertThat(failures(job)).isEmpty();
        assertThat(failures(files(HEADER + "1,2.50,a\n2,0.1,b\n", HEADER + "1,2.5,a\n2,0.2,b\n", "key: id")))
                .isNotEmpty();
    }

    @Test
    void valuesTooLongForADecimalAreComparedAsText() throws Exception {
        String legacy = HEADER + "1,1.0000000000000000000000000000000000000000001,a\n2,3.5,b\n";
        String current = HEADER + "1,1.0000000000000000000000000000000000000000002,a\n2,3.5,b\n";
        assertThat(failures(files(legacy, current, "key: id"))).extracting(CheckResult::subject).contains("rows");
        assertThat(failures(files(legacy, legacy, "key: id"))).isEmpty();
    }

    private void duckdb(String name, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve(name));
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private JobResult databases(String legacyConnection, String newConnection) throws Exception {
        Path cfg = Files.writeString(tmp.resolve("db.yaml"), """
                connections:
                  o: %s
                  n: %s
                jobs:
                  - name: j
                    legacy: {connection: o}
                    new: {connection: n}
                    datasets: [{name: t, table: t, key: id}]
                """.formatted(legacyConnection, newConnection));
        return OnePassDatasets.runConfig(cfg);
    }

    /** DECIMAL(38,20) against DECIMAL(30,20), and HUGEINT against DECIMAL(38,0): exact, not as doubles. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DECIMAL(38,20) | DECIMAL(30,20) | 1234567.12345678901234567891 | 1234567.12345678901234567892",
        "HUGEINT | DECIMAL(38,0) | 123456789012345678901234567 | 123456789012345678901234568",
        "DECIMAL(38,10) | DECIMAL(38,20) | 1234567.1234567891 | 1234567.12345678910000000001"})
    void twoExactTypesCompareExactly(String legacyType, String newType, String value, String changed) throws Exception {
        duckdb("old.duckdb", "CREATE TABLE t (id INTEGER, v " + legacyType + ")",
                "INSERT INTO t VALUES (1, " + value + "), (2, 5)");
        duckdb("same.duckdb", "CREATE TABLE t (id INTEGER, v " + newType + ")",
                "INSERT INTO t VALUES (1, " + value + "), (2, 5)");
        duckdb("changed.duckdb", "CREATE TABLE t (id INTEGER, v " + newType + ")",
                "INSERT INTO t VALUES (1, " + changed + "), (2, 5)");
        JobResult same = databases("{type: duckdb, path: old.duckdb}", "{type: duckdb, path: same.duckdb}");
        assertThat(failures(same)).allMatch(c -> c.check() == Check.SCHEMA);
        JobResult diff = databases("{type: duckdb, path: old.duckdb}", "{type: duckdb, path: changed.duckdb}");
        assertThat(failures(diff)).extracting(CheckResult::subject).contains("rows");
    }

    /** A CSV export of a DECIMAL(38,26) table: its long values are read as decimals, the change is seen. */
    @Test
    void aCsvAgainstADecimalTableComparesEveryDigit() throws Exception {
        duckdb("wh.duckdb", "CREATE TABLE t (id INTEGER, amount DECIMAL(38,26))",
                "INSERT INTO t VALUES (1, 0.10000000000000000000000001), (2, 2.5)");
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/t.csv"), "id,amount\n1,0.10000000000000000000000001\n2,2.5\n");
        Files.writeString(tmp.resolve("out/changed.csv"), "id,amount\n1,0.10000000000000000000000002\n2,2.5\n");
        Files.writeString(tmp.resolve("out/short.csv"), "id,amount\n1,0.1\n2,2.5\n");
        for (String[] c : new String[][] {{"t.csv", "PASS"}, {"changed.csv", "FAIL"}, {"short.csv", "FAIL"}}) {
            Path cfg = Files.writeString(tmp.resolve("mixed.yaml"), """
                    connections:
                      o: {type: duckdb, path: wh.duckdb}
                      n: {type: directory, path: out}
                    jobs:
                      - name: j
                        legacy: {connection: o}
                        new: {connection: n}
                        datasets: [{name: t, legacy: {table: t}, new: {files: "%s"}, key: id}]
                    """.formatted(c[0]));
            JobResult job = OnePassDatasets.runConfig(cfg);
            CheckResult diff = job.checks().stream().filter(r -> r.check() == Check.ROW_DIFF).findFirst().orElseThrow();
            assertThat(diff.status()).as(c[0]).isEqualTo(Status.valueOf(c[1]));
        }
    }

    /** SQLite: an INTEGER past 2^53 against a REAL was compared as REAL, which rounds it. */
    @Test
    void sqliteIntegersPastTwoToTheFiftyThirdAreNotRoundedAgainstReals() throws Exception {
        for (String[] db : new String[][] {{"old.db", "INTEGER", "9007199254740993"}, {"new.db", "REAL",
                "9007199254740992.0"}, {"same.db", "REAL", "3750.0"}, {"base.db", "INTEGER", "3750"}}) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve(db[0]));
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER, v " + db[1] + ")");
                s.execute("INSERT INTO t VALUES (1, " + db[2] + "), (2, 7)");
            }
        }
        JobResult changed = databases("{type: jdbc, url: \"jdbc:sqlite:old.db\"}", "{type: jdbc, url: \"jdbc:sqlite:new.db\"}");
        assertThat(failures(changed)).extracting(CheckResult::subject).contains("rows");
        JobResult same = databases("{type: jdbc, url: \"jdbc:sqlite:base.db\"}", "{type: jdbc, url: \"jdbc:sqlite:same.db\"}");
        assertThat(failures(same)).allMatch(c -> c.check() == Check.SCHEMA);
    }
}
