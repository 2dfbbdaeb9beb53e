package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which schedules fire alike in every zone, checked against the fire times the scan itself computes (its Vixie cron
 * and systemd readings are checked against the real tools elsewhere) in zones with every kind of offset (whole hours,
 * :30, :45, a DST change of half an hour), across the spring and autumn changes.
 */
class ZoneFreeSchedulesTest {
    private static final SourceRef AT = SourceRef.at("etc/crontab", 1, 1);
    /** Whole-hour, :30 (India, Newfoundland with DST), :45 (Nepal, Chatham with DST), Lord Howe (DST of 30 minutes). */
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
            "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham", "Australia/Lord_Howe");
    /** Across the spring and autumn changes of the north and the south. */
    private static final List<Instant> STARTS = List.of(Instant.parse("2026-03-07T00:00:00Z"),
            Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-04-04T00:00:00Z"),
            Instant.parse("2026-10-03T00:00:00Z"), Instant.parse("2026-10-24T00:00:00Z"),
            Instant.parse("2026-10-31T00:00:00Z"));

    private static ScheduleSpec cron(String expression) {
        return new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, expression, null, AT);
    }

    private static ScheduleSpec calendar(String expression) {
        return new ScheduleSpec(ScheduleSpec.Form.SYSTEMD_CALENDAR, expression, null, AT);
    }

    /** Whether the scan's own fire times of {@code spec} are the same instants in every zone of {@link #ZONES}. */
    private static boolean sameInstantsEverywhere(ScheduleSpec spec) {
        for (Instant start : STARTS) {
            List<Instant> utc = fires(spec, "UTC", start);
            for (String zone : ZONES) {
                if (!fires(spec, zone, start).equals(utc)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Instant> fires(ScheduleSpec spec, String zone, Instant start) {
        return FireTimes.source(Schedules.interpret(spec, ZoneId.of(zone)), start, 300).stream()
                .map(ZonedDateTime::toInstant).toList();
    }

    @Test
    void theOffsetsMinutePartsComeFromTheZoneRules() {
        // India and Newfoundland are :30, Nepal and the Chatham Islands :45: whatever else the tzdata holds
        assertThat(ZoneFreeSchedules.offsetMinutes(Instant.parse("2026-11-24T00:00:00Z"))).contains(0, 30, 45)
                .allSatisfy(m -> assertThat(m % 15).isZero());
    }

    @Test
    void aMinuteSetEveryOffsetLeavesInPlaceFiresAlikeInEveryZone() {
        for (String every : List.of("*/15 * * * *", "*/5 * * * *", "* * * * *",
                "0,15,30,45 * * * *", "5-59/15 * * * *")) {
            assertThat(ZoneFreeSchedules.firesAlikeInEveryZone(cron(every))).as(every).isTrue();
            assertThat(sameInstantsEverywhere(cron(every))).as("the fire times of " + every).isTrue();
        }
    }

    @Test
    void aMinuteSetSomeOffsetMovesOrARestrictedHourOrDayDependsOnTheZone() {
        // */10 and */30: +05:45 moves :00 onto :45; 7: +05:30 moves it onto :37; @hourly: onto :30; the rest restrict a
        // day or an hour
        for (String zoned : List.of("*/10 * * * *", "*/30 * * * *", "7 * * * *", "0,30 * * * *", "@hourly", "0 * * * *", "*/15 2 * * *",
                "*/15 * * * 1-5", "*/15 * 1 * *", "*/15 * * 6 *", "*/15 0-22 * * *", "@daily")) {
            assertThat(ZoneFreeSchedules.firesAlikeInEveryZone(cron(zoned))).as(zoned).isFalse();
            assertThat(sameInstantsEverywhere(cron(zoned))).as("the fire times of " + zoned).isFalse();
        }
    }

    /**
     * Must not change: systemd elapses a repeated local time once, so even {@code *:0/15} skips an hour at the autumn
     * change of a zone with DST, and APScheduler, Celery, the schedule library and Prefect have DST rules of their own:
     * their fire times depend on the zone, and so does their proof.
     */
    @Test
    void otherSchedulersDstRulesKeepTheirZone() {
        for (String every : List.of("*:0/15", "*:0/5")) {
            assertThat(sameInstantsEverywhere(calendar(every))).as("the fire times of " + every).isFalse();
            assertThat(ZoneFreeSchedules.firesAlikeInEveryZone(calendar(every))).as(every).isFalse();
        }
        for (ScheduleSpec.Form form : List.of(ScheduleSpec.Form.CRON_APSCHEDULER, ScheduleSpec.Form.CRON_CELERY,
                ScheduleSpec.Form.CRON_SCHEDULE_LIB, ScheduleSpec.Form.CRON_PREFECT)) {
            ScheduleSpec quarterly = new ScheduleSpec(form, "*/15 * * * *", null, AT);
            assertThat(sameInstantsEverywhere(quarterly)).as("the fire times of " + form).isFalse();
            assertThat(ZoneFreeSchedules.firesAlikeInEveryZone(quarterly)).as(form.toString()).isFalse();
        }
    }

    @Test
    void otherFormsAndUnreadableExpressionsAreNeverZoneFree() {
        // must not change: a Quartz cron (its DST rule keeps the zone, SpringQuartzZoneFreeTest), an expression that
        // does not parse
        assertThat(ZoneFreeSchedules.firesAlikeInEveryZone(new ScheduleSpec(ScheduleSpec.Form.CRON_QUARTZ,
                "0 0/15 * * * ?", null, AT))).isFalse();
        assertThat(ZoneFreeSchedules.firesAlikeInEveryZone(cron("*/15 * * *"))).isFalse();
        assertThat(ZoneFreeSchedules.firesAlikeInEveryZone(calendar("*:0/15 nonsense"))).isFalse();
    }

    @Test
    void invarianceIsUnderEveryShift() {
        BitSet thirds = new BitSet();
        thirds.set(0);
        thirds.set(20);
        thirds.set(40);
        assertThat(ZoneFreeSchedules.invariant(thirds, Set.of(0))).isTrue();
        assertThat(ZoneFreeSchedules.invariant(thirds, Set.of(0, 30))).isFalse();
        assertThat(ZoneFreeSchedules.invariant(thirds, null)).isFalse();
        assertThat(ZoneFreeSchedules.invariant(new BitSet(), Set.of(0))).isFalse();
    }
}
