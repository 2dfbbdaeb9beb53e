package dev.migrate.validators.pg;

import static dev.migrate.validators.JobChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two PostgreSQL tables compared in place where the legacy pipeline stored text and the rewrite a typed column (or
 * json and jsonb): the text is read as the value it spells, as the typed side says what the values are, the same way
 * a PostgreSQL table compared with files reads it (an interval as its months, days and time, bounded as durations).
 */
class PostgresTextAgainstTypedInPlaceTest {
    private static PostgresPair pg;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresPair.start();
        // psql's COPY export of an interval column, loaded back as text; one row a text that is no interval
        pg.legacy("CREATE TABLE waits (id int PRIMARY KEY, wait text)",
                "INSERT INTO waits VALUES (1, '1 mon 2 days'), (2, '-1 days +02:00:00'), (3, '10 days'), "
                        + "(4, ' 2 days '), (5, '1 year 2 mons 3 days 04:05:06.5')",
                "CREATE TABLE odd_waits (id int PRIMARY KEY, wait text)",
                // texts no cast may fail on: no field, a field twice, too many digits, another style
                "INSERT INTO odd_waits VALUES (1, 'ago'), (2, '@'), (3, '1 day 1 day'), (4, '99999999999 days'), "
                        + "(5, 'P1D'), (6, ''), (7, 'n/a'), (8, '1-2')",
                "CREATE TABLE amounts (id int PRIMARY KEY, amount text, ratio text)",
                "INSERT INTO amounts VALUES (1, '2.50', '0.10'), (2, '10', '1e+20'), (3, ' 3.0 ', '-0.0'), "
                        + "(4, '1e3', 'NaN'), (5, NULL, '.5')",
                "CREATE TABLE odd_amounts (id int PRIMARY KEY, amount text)",
                "INSERT INTO odd_amounts VALUES (1, 'n/a'), (2, '1,5'), (3, '1e99999'), (4, repeat('9', 2000)), "
                        + "(5, '')",
                "CREATE TABLE stamps (id int PRIMARY KEY, at text)",
                "INSERT INTO stamps VALUES (1, '2024-03-01T03:30:00+01:00'), (2, '2024-03-01 02:30:00Z'), "
                        + "(3, '2024-03-01 04:30:00+0200'), (4, '2024-03-01T02:30:00.250-00:30')",
                "CREATE TABLE docs (id int PRIMARY KEY, body json)",
                "INSERT INTO docs VALUES (1, '{\"b\": 1, \"a\": [1, 2]}'), (2, '{\"a\": 1, \"a\": 2}')");
        pg.current("CREATE TABLE waits (id int PRIMARY KEY, wait interval)",
                "INSERT INTO waits VALUES (1, '1 month 2 days'), (2, '-1 days 2 hours'), (3, '10 days'), "
                        + "(4, '2 days'), (5, '1 year 2 months 3 days 4 hours 5 minutes 6.5 seconds')",
                "CREATE TABLE changed_waits (id int PRIMARY KEY, wait interval)",
                "INSERT INTO changed_waits VALUES (1, '1 month 2 days'), (2, '-1 days 2 hours'), (3, '10 days'), "
                        + "(4, '48:00:00'), (5, '1 year 2 months 3 days 4 hours 5 minutes 6.5 seconds')",
                "CREATE TABLE odd_waits (id int PRIMARY KEY, wait interval)",
                "INSERT INTO odd_waits SELECT g, interval '1 day' FROM generate_series(1, 8) g",
                "CREATE TABLE amounts (id int PRIMARY KEY, amount numeric, ratio float8)",
                "INSERT INTO amounts VALUES (1, 2.5, 0.1), (2, 10.00, 1e20), (3, 3, 0), (4, 1000, 'NaN'), "
                        + "(5, NULL, 0.5)",
                "CREATE TABLE changed_amounts (id int PRIMARY KEY, amount numeric, ratio float8)",
                "INSERT INTO changed_amounts VALUES (1, 2.5, 0.1), (2, 10.01, 1e20), (3, 3, 0), (4, 1000, 'NaN'), "
                        + "(5, NULL, 0.5)",
                "CREATE TABLE odd_amounts (id int PRIMARY KEY, amount numeric)",
                "INSERT INTO odd_amounts SELECT g, 1.5 FROM generate_series(1, 5) g",
                "CREATE TABLE stamps (id int PRIMARY KEY, at timestamptz)",
                "INSERT INTO stamps VALUES (1, '2024-03-01 02:30:00Z'), (2, '2024-03-01 02:30:00Z'), "
                        + "(3, '2024-03-01 02:30:00Z'), (4, '2024-03-01 03:00:00.25Z')",
                "CREATE TABLE docs (id int PRIMARY KEY, body jsonb)",
                "INSERT INTO docs VALUES (1, '{\"a\":[1,2],\"b\":1}'), (2, '{\"a\": 2}')");
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void textThatSpellsTheIntervalsComparesAsThoseDurations() {
        JobResult job = pg.run(pg.inPlace("waits", "waits"));

        assertThat(check(job, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
        CheckResult bounds = check(job, Check.AGGREGATE, "wait");
        assertThat(bounds.status()).isEqualTo(Status.PASS);
        assertThat(check(job, Check.SCHEMA, "wait").message()).contains("a text that reads as an interval");
    }

    /**
     * An interval is compared by its months, days and time, as the copy of a table compared with files keeps them:
     * 48 hours is not 2 days (across a change of clocks a day is 23 or 25 hours).
     */
    @Test
    void aDurationOfOtherFieldsDiffers() {
        JobResult job = pg.run(pg.inPlace("waits", "changed_waits"));

        CheckResult diff = check(job, Check.ROW_DIFF, "rows");
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.samples()).singleElement().satisfies(s -> assertThat(s.key()).containsEntry("id", "4"));
        // bounded as durations (a year and more is the greatest on both sides); as text '48:00:00' was the new max
        assertThat(check(job, Check.AGGREGATE, "wait").difference()).isEqualTo("hash");
    }

    /** No text makes the query fail: what no cast may read stays text, and differs. */
    @Test
    void textThatSpellsNoIntervalStaysAsWritten() {
        CheckResult diff = check(pg.run(pg.inPlace("odd_waits", "odd_waits")), Check.ROW_DIFF, "rows");

        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.difference()).isEqualTo("differs=8");
    }

    @Test
    void textThatSpellsTheNumbersComparesAsThoseNumbers() {
        JobResult job = pg.run(pg.inPlace("amounts", "amounts"));

        assertThat(check(job, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
        CheckResult bounds = check(job, Check.AGGREGATE, "amount");
        assertThat(bounds.status()).isEqualTo(Status.PASS);
        assertThat(check(job, Check.AGGREGATE, "ratio").status()).isEqualTo(Status.PASS);
        assertThat(check(job, Check.SCHEMA, "amount").message()).contains("a text that reads as a number");
    }

    @Test
    void aChangedNumberDiffersAndOnlyItsColumnIsNamed() {
        JobResult job = pg.run(pg.inPlace("amounts", "changed_amounts"));

        // bounded as numbers: as text, ' 3.0 ' was the legacy min and '2.50' its max
        assertThat(check(job, Check.AGGREGATE, "amount").difference()).isEqualTo("hash");
        CheckResult diff = check(job, Check.ROW_DIFF, "rows");

        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.samples()).singleElement().satisfies(s -> {
            assertThat(s.key()).containsEntry("id", "2");
            assertThat(s.differing()).containsExactly("amount");
        });
    }

    @Test
    void textThatSpellsNoNumberStaysAsWritten() {
        CheckResult diff = check(pg.run(pg.inPlace("odd_amounts", "odd_amounts")), Check.ROW_DIFF, "rows");

        assertThat(diff.difference()).isEqualTo("differs=5");
    }

    @Test
    void isoTextWithOffsetsComparesAsTheMoments() {
        JobResult job = pg.run(pg.inPlace("stamps", "stamps"));

        assertThat(check(job, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
        assertThat(check(job, Check.AGGREGATE, "at").status()).isEqualTo(Status.PASS);
    }

    @Test
    void jsonAgainstJsonbComparesTheValues() {
        JobResult job = pg.run(pg.inPlace("docs", "docs"));

        assertThat(check(job, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
        assertThat(check(job, Check.SCHEMA, "body").status()).isEqualTo(Status.INFO);
    }

    @Test
    void theDryRunSaysHowTheTextIsRead() {
        assertThat(pg.dryRun(pg.inPlace("amounts", "amounts"))).anySatisfy(p -> assertThat(p.statement().sql())
                .contains("text read as the number it spells"));
        assertThat(pg.dryRun(pg.inPlace("waits", "waits"))).anySatisfy(p -> assertThat(p.statement().sql())
                .contains("::interval"));
    }
}
