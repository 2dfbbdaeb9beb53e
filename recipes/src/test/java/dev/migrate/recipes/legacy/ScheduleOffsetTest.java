package dev.migrate.recipes.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.schedule.PrefectSchedule;
import dev.migrate.analyzers.schedule.Schedule;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.recipes.legacy.internal.ScheduleOffset;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleOffsetTest {
    private static final Instant REF = Instant.parse("2026-03-02T00:00:00Z");
    private final ScheduleCheck check = new ScheduleCheck(ZoneId.of("Europe/Berlin"), REF);

    private Optional<String> shifted(String cron, int minutes) {
        Schedule legacy = check.interpret(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, cron, "Europe/Berlin", SourceRef.file("crontab")));
        PrefectSchedule target = check.translate(legacy).target();
        return ScheduleOffset.shift(target, minutes, REF).map(s -> s.schedule().cron());
    }

    @Test
    void minutesMoveWithinTheHour() {
        assertThat(shifted("30 2 * * *", 15)).contains("45 2 * * *");
        assertThat(shifted("0,20 8,12 * * 1-5", 10)).contains("10,30 8,12 * * 1-5");
    }

    @Test
    void minutesPastTheHourCarryIntoTheNextHour() {
        assertThat(shifted("50 3 * * 1-5", 15)).contains("5 4 * * 1-5");
    }

    @Test
    void everyFewDaysAtATimeMovesItsRruleTime() {
        Schedule legacy = check.interpret(new ScheduleSpec(ScheduleSpec.Form.INTERVAL, "R/2020-01-01T10:50/P2D", null,
                SourceRef.file("s.py")));
        PrefectSchedule target = check.translate(legacy).target();
        assertThat(target.rrule()).isEqualTo("FREQ=DAILY;INTERVAL=2;BYHOUR=10;BYMINUTE=50;BYSECOND=0");
        assertThat(ScheduleOffset.shift(target, 15, REF)).get().extracting(s -> s.schedule().rrule())
                .isEqualTo("FREQ=DAILY;INTERVAL=2;BYHOUR=11;BYMINUTE=5;BYSECOND=0");
        PrefectSchedule late = check.translate(check.interpret(new ScheduleSpec(ScheduleSpec.Form.INTERVAL,
                "R/2020-01-01T23:50/P2D", null, SourceRef.file("s.py")))).target();
        assertThat(ScheduleOffset.shift(late, 15, REF)).as("the day would change").isEmpty();
    }

    @Test
    void shiftsThatCannotBeWrittenExactlyAreRefused() {
        assertThat(shifted("*/5 * * * *", 15)).isEmpty();
        assertThat(shifted("50 23 1 * *", 15)).as("the 1st at 23:50 has no next-day day of the month").isEmpty();
        assertThat(shifted("50 22,23 * * 1-5", 15)).as("22:50 stays on its weekday, 23:50 does not").isEmpty();
        assertThat(shifted("30 2 * * *", 0)).isEmpty();
    }

    /** Before: refused, so the dual run fired at the legacy times (a Saturday 23:59 job, and any job at 23:50). */
    @Test
    void lateEveningJobsMoveIntoTheNextDay() {
        assertThat(shifted("50 23 * * *", 15)).contains("5 0 * * *");
        assertThat(shifted("59 23 * * 6", 15)).contains("14 0 * * 0");
        assertThat(shifted("55 23 * * 1-5", 15)).contains("10 0 * * 2,3,4,5,6");
        assertThat(shifted("45 7,23 * * *", 30)).contains("15 0,8 * * *");
    }
}
