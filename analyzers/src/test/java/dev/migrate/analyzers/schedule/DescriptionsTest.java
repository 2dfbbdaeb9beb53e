package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** cron-utils' descriptions, reworded where they name a field as "at VALUE FIELD". */
class DescriptionsTest {
    private static String described(String cron) {
        return Descriptions.cron(CronExpression.parse(cron), DayRule.VIXIE);
    }

    @Test
    void restrictedDaysAndMonthsReadAsEnglish() {
        assertThat(described("0 7 * * 1")).isEqualTo("at 07:00 on Monday");
        assertThat(described("52 6 1 * *")).isEqualTo("at 06:52 on day 1 of the month");
        assertThat(described("30 18 28-31 * *")).isEqualTo("at 18:30 on days 28 to 31 of the month");
        assertThat(described("0 4 * jan,apr,jul,oct mon")).isEqualTo("at 04:00 in January, April, July and October on Monday");
    }

    @Test
    void descriptionsWithoutThosePhrasesAreLeftAsTheyAre() {
        assertThat(described("30 2 * * *")).isEqualTo("at 02:30");
        assertThat(described("0 1 * * 1-5")).isEqualTo("at 01:00 every day between Monday and Friday");
        assertThat(described("*/5 * * * *")).isEqualTo("every 5 minutes");
    }

    /** Before: "at 12:00 every Tuesday days between Monday and Friday" (the step read as a weekday). */
    @Test
    void steppedHourRangesAreTheHoursTheyStandFor() {
        // cron-utils described both as "every N hours at minute 0", losing the range (odd hours, office hours)
        assertThat(described("0 9-17/4 * * mon-fri")).contains("9, 13 and 17").doesNotContain("every 4 hours");
        assertThat(described("0 1-23/2 * * *")).contains("1, 3, 5").doesNotContain("every 2 hours");
        assertThat(described("5 */4 * * *")).isEqualTo(Descriptions.reworded("every 4 hours at minute 5"));
        assertThat(described("20 0-23/2 * * *")).isEqualTo(described("20 */2 * * *"));
    }

    @Test
    void steppedWeekdaysAreTheDaysTheyStandFor() {
        assertThat(described("0 12 * * mon-fri/2")).isEqualTo("at 12:00 on Monday, Wednesday and Friday");
        assertThat(described("0 12 * * */3")).isEqualTo("at 12:00 on Sunday, Wednesday and Saturday");
    }

    /** A step over a field's whole range, or a range that is the whole field, restricts nothing: it is not named. */
    @Test
    void wholeRangesAreNotNamed() {
        assertThat(described("0-59/10 * * * *")).isEqualTo("every 10 minutes");
        assertThat(described("*/10 0-23 * * *")).isEqualTo("every 10 minutes");
        assertThat(described("0-59 * * * *")).isEqualTo("every minute");
        assertThat(described("0 0-23 * * *")).isEqualTo(described("0 * * * *"));
        assertThat(described("0 0 * 1-12 *")).isEqualTo("at 00:00");
        assertThat(described("0 0 * * 0-6")).isEqualTo("at 00:00");
        assertThat(described("0 0 * * 0-7")).isEqualTo("at 00:00"); // was "every day between Sunday and Sunday"
        assertThat(described("0 */2 1-31 * *")).isEqualTo(described("0 */2 * * *"));
        assertThat(described("0 6 * 1-12/3 *")).isEqualTo(described("0 6 * */3 *"));
        // the day rule comes from the source's text: 1-31/2 beside a weekday ORs, and says so
        assertThat(described("0 6 1-31/2 * 1")).isEqualTo(described("0 6 */2 * 1").replace("AND", "OR"));
        // a range that starts later still restricts the field
        assertThat(described("1-59/2 * * * *")).contains("between 1 and 59");
    }

    /** Vixie cron ORs 1-31 with 1-5 (neither starts with '*'): every day, not "Monday to Friday". */
    @Test
    void aWholeDayFieldBesideAnotherIsEveryDayOnlyWhenTheFieldsAreOred() {
        assertThat(described("0 0 1-31 * 1-5")).isEqualTo("at 00:00");
        assertThat(described("0 0 */1 * 1-5")).isEqualTo("at 00:00 every day between Monday and Friday");
        assertThat(Descriptions.cron(CronExpression.parse("0 0 1-31 * 1-5"), DayRule.CRONITER_AND))
                .isEqualTo("at 00:00 every day between Monday and Friday");
    }

    /** Found by the sweep on public crontabs and workflows: cron-utils' "at 15 minute at 10, 13 and 17 hours". */
    @Test
    void listsOfHoursAndDaysReadAsEnglish() {
        assertThat(described("15 10,13,17 * * 1-6")).isEqualTo("at minute 15 of hours 10, 13 and 17 every day between Monday and Saturday");
        assertThat(described("0 8,12,17 * * *")).isEqualTo("at minute 0 of hours 8, 12 and 17");
        assertThat(described("30 6 1,15 * *")).isEqualTo("at 06:30 on days 1 and 15 of the month");
        assertThat(described("*/10 9,17 * * *")).isEqualTo("every 10 minutes during hours 9 and 17");
        assertThat(described("* 9 * * *")).isEqualTo("every minute during hour 9");
        assertThat(described("0,30 9-17 * * *")).startsWith("at minutes 0 and 30 ");
    }

    /** "* *\/12 * * *" (a public scraping workflow) was "every minute every 12 hours": it runs every minute of two hours. */
    @Test
    void aSteppedHourBesideMinutesThatRepeatNamesItsHours() {
        assertThat(described("* */12 * * *")).isEqualTo("every minute during hours 0 and 12");
        assertThat(described("*/20 */4 * * *")).isEqualTo("every 20 minutes during hours 0, 4, 8, 12, 16 and 20");
        assertThat(described("0 */12 * * *")).isEqualTo(Descriptions.reworded("every 12 hours at minute 0"));
    }
}
