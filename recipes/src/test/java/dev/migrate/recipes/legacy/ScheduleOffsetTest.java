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
        assertThat(shifted("* * * * *", 15)).as("every minute: no offset keeps away from the legacy times").isEmpty();
        assertThat(shifted("*/30 8-17 * * *", 15)).contains("15,45 8-17 * * *");
        assertThat(shifted("0-50/10 8-17 * * *", 15)).as("10 past the hour moved 15 minutes is 25: the period is 10")
                .contains("5-55/10 8-17 * * *");
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

    private Optional<String> shiftedIn(String zone, String cron, int minutes) {
        ScheduleCheck inZone = new ScheduleCheck(ZoneId.of(zone), REF);
        Schedule legacy = inZone.interpret(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, cron, zone, SourceRef.file("crontab")));
        return ScheduleOffset.shift(inZone.translate(legacy).target(), minutes, REF).map(s -> s.schedule().cron());
    }

    private Optional<ScheduleOffset.Shifted> shiftedWithProof(String cron, int minutes) {
        Schedule legacy = check.interpret(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, cron, "Europe/Berlin", SourceRef.file("crontab")));
        return ScheduleOffset.shift(check.translate(legacy).target(), minutes, REF);
    }

    /**
     * Before: a step over the whole hour ({@code *}{@code /30}) was refused, so the dual run fired at the legacy times;
     * hourly at :50 too. A schedule that repeats within the hour moves by the offset modulo its period, which is the
     * same set of fire times, written as a field of the same frequency.
     */
    @Test
    void stepsOverTheHourMoveByTheOffsetWithinTheirPeriod() {
        assertThat(shifted("*/30 * * * *", 15)).contains("15,45 * * * *");
        assertThat(shifted("*/30 * * * *", 45)).as("45 minutes after :00 and :30 are :45 and :15").contains("15,45 * * * *");
        assertThat(shifted("0 * * * *", 15)).contains("15 * * * *");
        assertThat(shiftedIn("UTC", "50 * * * *", 15)).as("hourly past the hour: every hour fires").contains("5 * * * *");
        assertThat(shifted("50 * * * *", 15)).as("Berlin's repeated autumn hour fires :50 and :05 differently").isEmpty();
        assertThat(shifted("*/10 * * * *", 15)).contains("5-55/10 * * * *");
        assertThat(shiftedIn("UTC", "50 */2 * * *", 15)).as("an hour step moves to the odd hours").contains("5 1-23/2 * * *");
        assertThat(shifted("0 */2 * * *", 15)).contains("15 */2 * * *");
        assertThat(shifted("0-10 3 * * *", 15)).contains("15-25 3 * * *");
        assertThat(shiftedWithProof("*/30 * * * *", 15)).get().satisfies(s -> {
            assertThat(s.minutes()).isEqualTo(15);
            assertThat(s.whyAnotherOffset()).isNull();
            assertThat(s.compared()).isGreaterThanOrEqualTo(50);
        });
    }

    /**
     * Before: {@code *}{@code /5} and {@code *}{@code /15} moved 15 minutes are the legacy times themselves, and were
     * refused, so both deployments fired at once. They move half a period, said so.
     */
    @Test
    void anOffsetOfWholePeriodsMovesHalfAPeriod() {
        assertThat(shifted("*/5 * * * *", 15)).contains("2-57/5 * * * *");
        assertThat(shifted("*/15 * * * *", 15)).contains("7-52/15 * * * *");
        assertThat(shifted("0,15,30,45 9,10 * * *", 15)).contains("7-52/15 9,10 * * *");
        assertThat(shiftedWithProof("*/15 * * * *", 15)).get().satisfies(s -> {
            assertThat(s.minutes()).isEqualTo(7);
            assertThat(s.whyAnotherOffset()).contains("repeats every 15 minutes", "half a period, 7 minutes");
        });
        assertThat(shiftedWithProof("*/30 * * * *", 45)).get().extracting(ScheduleOffset.Shifted::whyAnotherOffset)
                .asString().contains("15 minutes later are the same times as 45 minutes later");
    }

    /** An interval that the offset is a multiple of would fire at the legacy times too. */
    @Test
    void intervalsMoveWithinTheirPeriod() {
        Schedule legacy = check.interpret(new ScheduleSpec(ScheduleSpec.Form.INTERVAL, "PT5M", null, SourceRef.file("s.py")));
        PrefectSchedule target = check.translate(legacy).target();
        assertThat(target.interval()).hasToString("PT5M");
        assertThat(ScheduleOffset.shift(target, 15, REF)).get().satisfies(s -> {
            assertThat(s.minutes()).isEqualTo(2);
            assertThat(s.schedule().anchorDate()).isEqualTo(target.anchorDate().plusMinutes(2));
        });
        PrefectSchedule daily = check.translate(check.interpret(new ScheduleSpec(ScheduleSpec.Form.INTERVAL, "PT2H", null,
                SourceRef.file("s.py")))).target();
        assertThat(ScheduleOffset.shift(daily, 15, REF)).get().extracting(ScheduleOffset.Shifted::minutes).isEqualTo(15);
    }
}
