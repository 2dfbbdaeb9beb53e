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
    void shiftsThatCannotBeWrittenExactlyAreRefused() {
        assertThat(shifted("*/5 * * * *", 15)).isEmpty();
        assertThat(shifted("50 23 * * *", 15)).as("the day would change").isEmpty();
        assertThat(shifted("30 2 * * *", 0)).isEmpty();
    }
}
