package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RRuleShiftTest {
    @Test
    void movesTheHourAndMinuteOfADailyRuleOnTheSameDay() {
        assertThat(RRuleShift.sameDayLater("FREQ=DAILY;INTERVAL=2;BYHOUR=10;BYMINUTE=50;BYSECOND=0", 15))
                .contains("FREQ=DAILY;INTERVAL=2;BYHOUR=11;BYMINUTE=5;BYSECOND=0");
        assertThat(RRuleShift.sameDayLater("FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0;UNTIL=20270402T180000", 15))
                .contains("FREQ=DAILY;BYHOUR=9;BYMINUTE=15;BYSECOND=0;UNTIL=20270402T180000");
        assertThat(RRuleShift.sameDayLater("FREQ=DAILY;INTERVAL=2;BYHOUR=23;BYMINUTE=50;BYSECOND=0", 15))
                .as("the day would change, and with it the INTERVAL's phase").isEmpty();
    }

    /**
     * Before, a pattern over the text read only the rules we write: a rule without BYSECOND or in lower case was not
     * moved, so the dual run fired at the legacy times. Now any daily rule at one time that dateutil reads is.
     */
    @Test
    void readsTheRuleAsDateutilDoes() {
        assertThat(RRuleShift.sameDayLater("FREQ=DAILY;BYHOUR=9;BYMINUTE=0", 15)).contains("FREQ=DAILY;BYHOUR=9;BYMINUTE=15");
        assertThat(RRuleShift.sameDayLater("rrule:freq=daily;byminute=50;byhour=6", 15))
                .contains("FREQ=DAILY;BYHOUR=7;BYMINUTE=5");
    }

    @Test
    void leavesOtherRulesAlone() {
        assertThat(RRuleShift.sameDayLater("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", 15)).isEmpty();
        assertThat(RRuleShift.sameDayLater("FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0", 15)).isEmpty();
        assertThat(RRuleShift.sameDayLater("FREQ=DAILY;BYHOUR=9", 15)).as("the minute comes from DTSTART").isEmpty();
        assertThat(RRuleShift.sameDayLater("FREQ=DAILY;BYWEEKNO=1;BYHOUR=9;BYMINUTE=0", 15)).isEmpty();
        assertThat(RRuleShift.sameDayLater("FREQ=DAILY;BYHOUR=25;BYMINUTE=0", 15)).isEmpty();
    }
}
