package dev.migrate.validators.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values one PostgreSQL side writes in another type than the other: a legacy flag column of 'Y'/'N' text or 1/0
 * smallints (a table loaded by COPY from a CSV) against the rewrite's boolean; a legacy json column (the text as
 * written) against the rewrite's jsonb.
 */
class PostgresSpelledValuesTest {
    private static PostgresPair pg;

    @BeforeAll
    static void startServer() throws Exception {
        pg = PostgresPair.start();
        pg.legacy("CREATE TABLE flags (id int PRIMARY KEY, active text, paid smallint)",
                "INSERT INTO flags VALUES (1, 'Y', 1), (2, 'N', 0), (3, NULL, NULL), (4, 'Y', 1)",
                "CREATE TABLE odd_flags (id int PRIMARY KEY, active text)",
                "INSERT INTO odd_flags VALUES (1, 'Y'), (2, 'N'), (3, 'maybe'), (4, 'Y')",
                "CREATE TABLE docs (id int PRIMARY KEY, body json, meta json)",
                // whitespace, key order and a repeated key (the last kept): the values jsonb reads are the same
                "INSERT INTO docs VALUES (1, '{\"b\": 1,  \"a\": [1, 2]}', '{\"x\": 1}'), "
                        + "(2, '{\"a\": {\"q\": 1, \"q\": 2}}', '{ \"y\" : [ ] }'), "
                        + "(3, '{\"items\": [{\"sku\": \"a\", \"qty\": 2}]}', '{}')");
        pg.current("CREATE TABLE flags (id int PRIMARY KEY, active boolean, paid boolean)",
                "INSERT INTO flags VALUES (1, true, true), (2, false, false), (3, NULL, NULL), (4, true, true)",
                "CREATE TABLE odd_flags (id int PRIMARY KEY, active boolean)",
                "INSERT INTO odd_flags VALUES (1, true), (2, false), (3, false), (4, true)",
                "CREATE TABLE docs (id int PRIMARY KEY, body jsonb, meta json)",
                "INSERT INTO docs VALUES (1, '{\"a\": [1, 2], \"b\": 1}', '{\"x\":1}'), "
                        + "(2, '{\"a\": {\"q\": 2}}', '{\"y\": []}'), "
                        + "(3, '{\"items\": [{\"qty\": 3, \"sku\": \"a\"}]}', '{}')");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    private static JobResult run(String table) {
        return pg.run(pg.inPlace(table, table));
    }

    private static CheckResult check(JobResult job, Check check, String subject) {
        return job.checks().stream().filter(c -> c.check() == check && subject.equals(c.subject())).findFirst()
                .orElseThrow();
    }

    @Test
    void spelledFlagsMatchTheBooleans() {
        JobResult job = run("flags");
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(job, Check.SCHEMA, "active").message()).isEqualTo("'active' is text in legacy and bool in "
                + "new; the legacy values are read as boolean from the spellings Y/N ('Y' true, 'N' false)");
        assertThat(check(job, Check.SCHEMA, "paid").message()).contains("read as boolean from the spellings 1/0");
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.ROW_DIFF).singleElement()
                .extracting(CheckResult::status).isEqualTo(Status.PASS);
    }

    @Test
    void aValueOutsideThePairDiffersWithItsRow() {
        JobResult job = run("odd_flags");
        CheckResult diff = job.checks().stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.samples()).extracting(s -> s.key().get("id") + ":" + s.differing() + ":"
                + s.legacy().get("active") + ">" + s.current().get("active")).containsExactly("3:[active]:maybe>false");
        assertThat(check(job, Check.SCHEMA, "active").message()).endsWith("1 value is neither ('maybe'): compared as "
                + "written, they differ");
        assertThat(List.of(check(job, Check.SCHEMA, "active").status())).containsExactly(Status.INFO);
    }

    /** The dry run reads no value, so it names the flag columns whose spelling the run will read, and json/jsonb. */
    @Test
    void theDryRunShowsHowEachColumnIsRead() {
        List<String> lines = new java.util.ArrayList<>();
        for (String table : List.of("flags", "docs")) {
            pg.dryRun(pg.inPlace(table, table)).stream()
                    .filter(p -> p.statement().purpose().equals(
                            dev.migrate.validators.compare.ColumnReadings.PURPOSE))
                    .forEach(p -> lines.addAll(p.statement().sql().lines().toList()));
        }
        assertThat(lines).contains("-- id: key; int4; compared as stored",
                "-- active: legacy text, new bool; the legacy values may spell booleans: their distinct values are read "
                        + "first and, when one pair of boolean-spellings.txt spells most of them, compared as booleans "
                        + "(else as text)",
                "-- body: legacy json, new jsonb; compared as JSON values, as jsonb reads them (key order and "
                        + "whitespace aside)",
                "-- meta: json; compared as JSON values, as jsonb reads them (key order and whitespace aside)");
    }

    @Test
    void jsonAgainstJsonbIsComparedAsJsonValues() {
        JobResult job = run("docs");
        assertThat(check(job, Check.SCHEMA, "body").status()).isEqualTo(Status.INFO);
        assertThat(check(job, Check.SCHEMA, "body").message()).isEqualTo("'body' is json in legacy and jsonb in new; "
                + "compared as JSON values, as jsonb reads them (key order and whitespace aside, the last of repeated "
                + "keys kept)");
        CheckResult diff = job.checks().stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
        // rows 1 and 2 are the same values; row 3's quantity changed, and the message says where
        assertThat(diff.samples()).extracting(s -> s.key().get("id") + ":" + s.differing())
                .containsExactly("3:[body]");
        assertThat(diff.message()).contains("; key id; 'body' of id=3 differs at $.items[0].qty: 2 in legacy, 3 in new;");
        assertThat(diff.difference()).isEqualTo("differs=1");
    }
}
