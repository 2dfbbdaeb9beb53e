package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * Two SQLite outputs keyed by a timestamp that the two pipelines store differently (Python's str(datetime), ISO with
 * a zone, epoch seconds or milliseconds): the key-ordered merge reads them as moments, in time order, so they pair.
 * Read as text, no key paired, and text order is not time order once zones differ.
 */
class SqliteTemporalKeyTest {
    @TempDir
    Path tmp;

    private JobResult compare(String legacyCreate, String legacyRows, String newCreate, String newRows) throws Exception {
        return compare(legacyCreate, legacyRows, newCreate, newRows, "ts");
    }

    private JobResult compare(String legacyCreate, String legacyRows, String newCreate, String newRows, String key)
            throws Exception {
        Files.createDirectories(tmp.resolve("dbs"));
        for (String f : List.of("old.db", "new.db")) {
            Files.deleteIfExists(tmp.resolve("dbs").resolve(f));
        }
        database("old.db", legacyCreate, "INSERT INTO ev VALUES " + legacyRows);
        database("new.db", newCreate, "INSERT INTO ev VALUES " + newRows);
        Path cfg = Files.writeString(tmp.resolve("dbs/v.yaml"), """
                connections:
                  old: {type: jdbc, url: "jdbc:sqlite:old.db"}
                  new: {type: jdbc, url: "jdbc:sqlite:new.db"}
                jobs:
                  - name: j
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets: [{name: ev, table: ev, key: %s}]
                """.formatted(key));
        return OnePassDatasets.runConfig(cfg);
    }

    private void database(String name, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("dbs").resolve(name));
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static CheckResult check(JobResult job, Check check, String subject) {
        return job.checks().stream().filter(c -> c.check() == check && c.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + check + " " + subject + " in " + job.checks()));
    }

    @Test
    void timestampsWrittenInTwoSpellingsPairInTimeOrder() throws Exception {
        // '03:00:00+02:00' is 01:00 UTC: as text it sorts after '02:30:00', in time it comes first
        JobResult job = compare("CREATE TABLE ev (ts TIMESTAMP, v INTEGER)",
                "('2024-03-01 02:30:00', 1), ('2024-03-01 03:00:00+02:00', 2), ('2024-03-01 02:00:00.123456', 3),"
                        + " ('2024-03-02 00:00:00', 4)",
                "CREATE TABLE ev (ts DATETIME, v INTEGER)",
                "('2024-03-01T01:00:00Z', 2), ('2024-03-01T02:00:00.123456Z', 3), ('2024-03-01T02:30:00Z', 1),"
                        + " ('2024-03-02T00:00:00+00:00', 4)");
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(job, Check.ROW_DIFF, "rows").message()).startsWith("all 4 rows match by key (ts)");
        assertThat(check(job, Check.AGGREGATE, "ts").status()).isEqualTo(Status.PASS);
    }

    @Test
    void epochNumbersPairWithTheTextOfTheSameMoment() throws Exception {
        // 1709258400 s is 2024-03-01 02:00:00 UTC; 1709262000000 ms is 03:00; a real is epoch seconds (or a Julian day)
        JobResult job = compare("CREATE TABLE ev (ts TIMESTAMP, v INTEGER)",
                "(1709258400, 1), (1709262000000, 2), (1709265600.5, 3), (2460370.5, 4)",
                "CREATE TABLE ev (ts TIMESTAMP, v INTEGER)",
                "('2024-03-01 02:00:00', 1), ('2024-03-01 03:00:00', 2), ('2024-03-01 04:00:00.5', 3),"
                        + " ('2024-03-01', 4)");
        CheckResult diff = check(job, Check.ROW_DIFF, "rows");
        assertThat(diff.status()).isEqualTo(Status.PASS);
        assertThat(job.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aMissingMomentAndAChangedValueAreStillFoundAndShownInUtc() throws Exception {
        JobResult job = compare("CREATE TABLE ev (ts TIMESTAMP, v INTEGER)",
                "('2024-03-01 02:00:00', 1), ('2024-03-01 03:00:00', 2), ('2024-03-01 04:00:00', 3)",
                "CREATE TABLE ev (ts TIMESTAMP, v INTEGER)",
                "('2024-03-01T03:00:00+01:00', 1), ('2024-03-01T05:00:00+01:00', 4), ('2024-03-01T06:00:00+01:00', 9)");
        CheckResult diff = check(job, Check.ROW_DIFF, "rows");
        assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference()))
                .containsExactly("missing=1", "extra=1", "differs=1");
        assertThat(diff.samples()).extracting(r -> r.kind() + ":" + r.key().get("ts"))
                .containsExactlyInAnyOrder("differs:2024-03-01 04:00:00", "missing:2024-03-01 03:00:00",
                        "extra:2024-03-01 05:00:00");
    }

    @Test
    void subSecondDigitsBeyondMillisecondsStillTellKeysApart() throws Exception {
        JobResult job = compare("CREATE TABLE ev (ts TIMESTAMP, v INTEGER)",
                "('2024-03-01 02:00:00.1234561', 1), ('2024-03-01 02:00:00.1234562', 2), ('2024-03-01 02:00:00.5', 3)",
                "CREATE TABLE ev (ts TIMESTAMP, v INTEGER)",
                "('2024-03-01T02:00:00.1234561Z', 1), ('2024-03-01T02:00:00.1234562Z', 2),"
                        + " ('2024-03-01T02:00:00.500Z', 3)");
        assertThat(check(job, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
    }

    @Test
    void oneMomentWrittenTwiceOnTheLegacySideIsARepeatedKey() {
        assertThatThrownBy(() -> compare("CREATE TABLE ev (ts TIMESTAMP, v INTEGER)",
                "('2024-03-01 02:00:00', 1), ('2024-03-01T03:00:00+01:00', 2)",
                "CREATE TABLE ev (ts TIMESTAMP, v INTEGER)", "('2024-03-01 02:00:00', 1)"))
                .isInstanceOf(JobInputException.class)
                .hasMessageContaining("duplicate key in the legacy output of dataset 'ev': (ts=2024-03-01 02:00:00)"
                        + " appears 2 times");
    }

    @Test
    void datesOnBothSidesShowAsDates() throws Exception {
        JobResult job = compare("CREATE TABLE ev (ts DATE, v INTEGER)", "('2024-03-01', 1), ('2024-03-02', 2)",
                "CREATE TABLE ev (ts DATE, v INTEGER)", "('2024-03-01T00:00:00Z', 1), (1709337600, 3)");
        CheckResult diff = check(job, Check.ROW_DIFF, "rows");
        assertThat(diff.samples()).extracting(r -> r.key().get("ts") + ":" + r.differing())
                .containsExactly("2024-03-02:[v]");
    }

    @Test
    void textOnOneSideAndATimestampOnTheOtherPairAsMomentsBothWays() throws Exception {
        String text = "('2024-01-02 03:04:05', 1), ('2024-01-02 04:00:00.500', 2), ('2024-01-02 05:00', 3)";
        String iso = "('2024-01-02T03:04:05', 1), ('2024-01-02T04:00:00.5Z', 2), ('2024-01-02T06:00:00+01:00', 3)";
        for (String[] sides : new String[][] {{"TEXT", text, "TIMESTAMP", iso}, {"DATETIME", iso, "VARCHAR(30)", text}}) {
            JobResult job = compare("CREATE TABLE ev (ts " + sides[0] + ", v INTEGER)", sides[1],
                    "CREATE TABLE ev (ts " + sides[2] + ", v INTEGER)", sides[3]);
            CheckResult diff = check(job, Check.ROW_DIFF, "rows");
            assertThat(diff.message()).startsWith("all 3 rows match by key (ts)");
            assertThat(check(job, Check.AGGREGATE, "ts").status()).isEqualTo(Status.PASS);
            // the declared type did change: a reader that parses declared types gets datetimes now
            assertThat(check(job, Check.SCHEMA, "ts").message()).startsWith("type changed: 'ts' is " + sides[0]);
        }
    }

    @Test
    void onATextSideOnlyTheSpellingOfAMomentIsReadAsOne() throws Exception {
        // padded text, an epoch number written as text, and another second are data on the text side: no pair
        JobResult job = compare("CREATE TABLE ev (id INTEGER, ts TEXT)",
                "(1, ' 2024-01-02 03:04:05'), (2, '1704164645'), (3, '2024-01-02 03:04:06'), (4, 'soon'),"
                        + " (5, '2024-01-02 03:04:05')",
                "CREATE TABLE ev (id INTEGER, ts TIMESTAMP)",
                "(1, '2024-01-02T03:04:05'), (2, 1704164645), (3, '2024-01-02T03:04:05'), (4, 'soon'),"
                        + " (5, '2024-01-02T04:04:05+01:00')", "id");
        CheckResult diff = check(job, Check.ROW_DIFF, "rows");
        assertThat(diff.samples()).extracting(r -> r.key().get("id") + ":" + r.legacy().get("ts") + "|"
                + r.current().get("ts"))
                .containsExactlyInAnyOrder("1: 2024-01-02 03:04:05|2024-01-02 03:04:05",
                        "2:1704164645|2024-01-02 03:04:05", "3:2024-01-02 03:04:06|2024-01-02 03:04:05");
    }

    @Test
    void textAgainstADateShowsDates() throws Exception {
        JobResult job = compare("CREATE TABLE ev (ts TEXT, v INTEGER)", "('2024-03-01', 1), ('2024-03-02', 2)",
                "CREATE TABLE ev (ts DATE, v INTEGER)", "('2024-03-01T00:00:00Z', 1), ('2024-03-02', 3)");
        assertThat(check(job, Check.ROW_DIFF, "rows").samples()).extracting(r -> r.key().get("ts") + ":" + r.differing())
                .containsExactly("2024-03-02:[v]");
    }

    @Test
    void aKeyDeclaredAsTextStaysText() throws Exception {
        // nothing says these are moments: two spellings are two keys
        JobResult job = compare("CREATE TABLE ev (ts TEXT, v INTEGER)", "('2024-03-01 02:00:00', 1)",
                "CREATE TABLE ev (ts TEXT, v INTEGER)", "('2024-03-01T02:00:00Z', 1)");
        CheckResult diff = check(job, Check.ROW_DIFF, "rows");
        assertThat(List.of(diff.legacyValue(), diff.newValue())).containsExactly("missing=1", "extra=1");
    }
}
