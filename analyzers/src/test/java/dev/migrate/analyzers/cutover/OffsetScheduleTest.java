package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OffsetScheduleTest {
    /** The host zone of a scan that named none. */
    private static final java.time.ZoneId UTC = java.time.ZoneId.of("UTC");

    private static ScheduleSpec cron(String expr, String zone) {
        return new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, expr, zone, SourceRef.file("crontab"));
    }

    @Test
    void fixedTimeCronIsShiftedAsCron() {
        OffsetSchedule o = OffsetSchedule.suggest(cron("15 2 * * *", "Europe/Amsterdam"), null, null, UTC);
        assertThat(o.offset()).isEqualTo(Duration.ofMinutes(30));
        assertThat(o.prefectYaml()).isEqualTo("{cron: \"45 2 * * *\", timezone: \"Europe/Amsterdam\"}");
    }

    @Test
    void aCronWithoutZoneIsShiftedInTheHostsClock() {
        // the new deployment must fire 30 minutes after the legacy run, which happens in the host's clock
        OffsetSchedule o = OffsetSchedule.suggest(cron("15 2 * * *", null), null, null, java.time.ZoneId.of("Europe/Paris"));
        assertThat(o.prefectYaml()).isEqualTo("{cron: \"45 2 * * *\", timezone: \"Europe/Paris\"}");
        assertThat(o.legacy()).contains("(Europe/Paris)");
        OffsetSchedule stated = OffsetSchedule.suggest(cron("15 2 * * *", "Asia/Tokyo"), null, null,
                java.time.ZoneId.of("Europe/Paris"));
        assertThat(stated.prefectYaml()).contains("timezone: \"Asia/Tokyo\"");
    }

    @Test
    void stepCronBecomesAnAnchoredIntervalAtHalfThePeriod() {
        OffsetSchedule o = OffsetSchedule.suggest(cron("*/10 * * * *", null), null, null, UTC);
        assertThat(o.prefectYaml()).isEqualTo("{interval: 600, anchor_date: \"2024-01-01T00:05:00\", timezone: \"UTC\"}");
    }

    /**
     * OnUnitActiveSec counts from whenever the unit last ran: the anchor must come from a run, or the new side's
     * runs fall anywhere in the legacy period instead of just after the legacy runs.
     */
    @Test
    void anIntervalWithoutStartIsAnchoredAfterTheLastLoggedRun() {
        ScheduleSpec hourly = new ScheduleSpec(ScheduleSpec.Form.SYSTEMD_MONOTONIC, "OnUnitActiveSec=1h", null,
                SourceRef.file("x.timer"));
        OffsetSchedule logged = OffsetSchedule.suggest(hourly, null, java.time.Instant.parse("2024-02-12T01:42:03Z"), UTC);
        assertThat(logged.prefectYaml()).isEqualTo("{interval: 3600, anchor_date: \"2024-02-12T02:12:03\", timezone: \"UTC\"}");
        assertThat(logged.note()).contains("anchored 30 min after its last run in the host's logs (2024-02-12T01:42:03Z)");
        OffsetSchedule unknown = OffsetSchedule.suggest(hourly, null, null, UTC);
        assertThat(unknown.note()).contains("anchored at an arbitrary time: it counts from whenever it last started");
        assertThat(OffsetSchedule.suggest(cron("*/10 * * * *", null), null, java.time.Instant.parse("2024-02-12T01:42:03Z"), UTC)
                .prefectYaml()).as("a cron states its own phase").contains("2024-01-01T00:05:00");
    }

    /** Before: "shift 'OnBootSec=5min' by 30 min by hand", a shift of something no Prefect schedule can express. */
    @Test
    void aBootTriggerHasNoScheduleToShift() {
        OffsetSchedule boot = OffsetSchedule.suggest(new ScheduleSpec(ScheduleSpec.Form.SYSTEMD_MONOTONIC, "OnBootSec=5min",
                null, SourceRef.file("x.timer")), null, null, UTC);
        assertThat(boot.unschedulable()).isTrue();
        assertThat(boot.prefectYaml()).isNull();
        assertThat(boot.note()).startsWith("no schedule for 'OnBootSec=5min': Prefect 3 schedules are cron, interval or rrule");
        assertThat(OffsetSchedule.suggest(cron("0 4 * * *", null), null, null, UTC).unschedulable()).isFalse();
    }

    @Test
    void theValidateConfigsOffsetWins() {
        assertThat(OffsetSchedule.suggest(cron("0 4 * * 0", null), Duration.ofMinutes(20), null, UTC).prefectYaml())
                .isEqualTo("{cron: \"20 4 * * 0\", timezone: \"UTC\"}");
    }

    @Test
    void whatCannotBeShiftedIsSaid() {
        OffsetSchedule o = OffsetSchedule.suggest(cron("50 23 * * 1-5", null), Duration.ofMinutes(30), null, UTC);
        assertThat(o.prefectYaml()).as("crosses midnight, and weekdays are uneven").isNull();
        assertThat(o.note()).contains("shift the legacy schedule 30 min later by hand");
        assertThat(OffsetSchedule.suggest(cron("not a cron", null), null, null, UTC).prefectYaml()).isNull();
    }

    @Test
    void cronsThatAndTheirDayFieldsAreShiftedAndKeepTheirDayRule() {
        SourceRef at = SourceRef.file("beat.py");
        OffsetSchedule celery = OffsetSchedule.suggest(new ScheduleSpec(ScheduleSpec.Form.CRON_CELERY, "30 7 1-7 * 1", "UTC", at),
                Duration.ofMinutes(30), null, UTC);
        assertThat(celery.prefectYaml()).as("the first Monday of the month, not days 1-7 and Mondays")
                .isEqualTo("{cron: \"0 8 1-7 * 1\", day_or: false, timezone: \"UTC\"}");
        OffsetSchedule aps = OffsetSchedule.suggest(new ScheduleSpec(ScheduleSpec.Form.CRON_APSCHEDULER, "0 6 * * 1",
                "Europe/Berlin", at), Duration.ofMinutes(15), null, UTC);
        assertThat(aps.prefectYaml()).isEqualTo("{cron: \"15 6 * * 1\", timezone: \"Europe/Berlin\"}");
    }

    @Test
    void anApschedulerLastDayOfTheMonthIsShiftedAsCroniterReadsIt() {
        // APScheduler's day='last' (legacy-host's month_end_usage_close): once failed the whole plan with exit 4
        OffsetSchedule last = OffsetSchedule.suggest(new ScheduleSpec(ScheduleSpec.Form.CRON_APSCHEDULER, "0 23 L * *",
                "Europe/Berlin", SourceRef.file("aps_jobs.py")), Duration.ofMinutes(30), null, UTC);
        assertThat(last.prefectYaml()).isEqualTo("{cron: \"30 23 L * *\", timezone: \"Europe/Berlin\"}");
    }
}
