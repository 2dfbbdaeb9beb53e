package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Before: "recurrence rule FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=6;BYMINUTE=0 (UTC)". After: words, as for cron. */
class RRuleDescriptionTest {
    private static String described(String rule) {
        return new Schedule.RRule(rule, ZoneId.of("UTC")).describe();
    }

    @Test
    void timesAndDaysReadAsCronDescriptionsDo() {
        assertThat(described("FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=6;BYMINUTE=0")).isEqualTo("at 06:00 on Mon, Wed and Fri (UTC)");
        assertThat(described("FREQ=DAILY;BYHOUR=6,18")).isEqualTo("at 06:00 and 18:00 (UTC)");
        assertThat(described("FREQ=DAILY;BYHOUR=8,12,17;BYMINUTE=0,30")).isEqualTo("at minutes 0 and 30 of hours 8, 12 and 17 (UTC)");
        assertThat(described("FREQ=MONTHLY;BYMONTHDAY=1,15,-1;BYHOUR=3"))
                .isEqualTo("at 03:00 on days 1 and 15 and the last day of the month (UTC)");
        assertThat(described("FREQ=MONTHLY;BYMONTHDAY=-2;BYHOUR=3")).isEqualTo("at 03:00 on the second-to-last day of the month (UTC)");
        assertThat(described("FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=17")).isEqualTo("at 17:00 on the last Friday of the month (UTC)");
        assertThat(described("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;BYHOUR=12"))
                .isEqualTo("at 12:00 on the fourth Thursday of the month in November (UTC)");
        assertThat(described("FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR")).isEqualTo("at 00:00 on day 13 of the month when that is Fri (UTC)");
        assertThat(described("FREQ=MINUTELY;INTERVAL=15;BYHOUR=9,10,11,12,13,14,15,16,17;BYDAY=MO,TU,WE,TH,FR"))
                .isEqualTo("every 15 minutes during hours 9 to 17 on Mon, Tue, Wed, Thu and Fri (UTC)");
        assertThat(described("FREQ=HOURLY;INTERVAL=6;BYMINUTE=5")).isEqualTo("every 6 hours at minute 5 of hours 0, 6, 12 and 18 (UTC)");
    }

    /** dateutil fills what the rule leaves out from DTSTART: Prefect's 2020-01-01 00:00, a Wednesday. */
    @Test
    void partsLeftOutAreSaidAsDtstartFillsThem() {
        assertThat(described("FREQ=DAILY")).isEqualTo("at 00:00 (UTC)");
        assertThat(described("FREQ=WEEKLY")).isEqualTo("at 00:00 on Wed (UTC)");
        assertThat(described("FREQ=MONTHLY")).isEqualTo("at 00:00 on day 1 of the month (UTC)");
        assertThat(described("FREQ=YEARLY;BYMONTH=1,7")).isEqualTo("at 00:00 on 1 January and July (UTC)");
        assertThat(described("FREQ=DAILY;INTERVAL=3;BYHOUR=12")).isEqualTo("at 12:00 every 3 days counted from 2020-01-01 (UTC)");
        assertThat(described("DTSTART:20240105T083000\nRRULE:FREQ=WEEKLY;INTERVAL=2"))
                .isEqualTo("at 08:30 on Fri every 2 weeks, from 2024-01-05T08:30 (UTC)");
    }

    @Test
    void anEndAndAZoneThatPrefectReplacesAreSaid() {
        assertThat(described("FREQ=DAILY;COUNT=3;BYHOUR=6")).isEqualTo("at 06:00, 3 times, the last at 2020-01-03T06:00 (UTC)");
        assertThat(described("FREQ=DAILY;UNTIL=20271231T180000;BYHOUR=6")).isEqualTo("at 06:00, until 2027-12-31T18:00 (UTC)");
        assertThat(described("DTSTART;TZID=Europe/Paris:20240101T090000\nRRULE:FREQ=DAILY")).isEqualTo(
                "at 09:00, from 2024-01-01T09:00 (UTC; DTSTART names Europe/Paris, which Prefect replaces with the "
                        + "schedule's timezone)");
        assertThat(described("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;BYHOUR=18"))
                .isEqualTo("at 18:00 on Mon, Tue, Wed, Thu and Fri, only the last of those in each month (UTC)");
    }
}
