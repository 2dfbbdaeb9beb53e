package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.schedule.ScheduleOrigin;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The windows a rollback backfills, from the legacy schedule: for a schedule whose source leaves its zone or phase
 * unknown (a Prefect 1 start known only at run time) they are the schedule read without it, and the result says so,
 * where it handed them over like any other schedule's and the checklist listed them as the runs that were missed.
 */
class MissedWindowsTest {
    /** The host zone of a scan that named none. */
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant FROM = Instant.parse("2026-11-19T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-21T12:00:00Z");
    private static final ScheduleSpec DAILY = new ScheduleSpec(ScheduleSpec.Form.CRON_PREFECT, "0 6 * * *", "UTC",
            SourceRef.at("flows/daily.py", 11, 1));

    @Test
    void anUnprovenScheduleGivesEstimatesThatSayWhy() {
        String why = "start unknown: zone not proven (start_date `pendulum.now()` is the time the flow was registered, in "
                + "that machine's zone)";
        MissedWindows.Result r = MissedWindows.between(DAILY.withUnproven(why), FROM, TO, UTC);
        assertThat(r.exact()).isFalse();
        assertThat(r.unproven()).isEqualTo(why);
        assertThat(r.total()).isEqualTo(3);
    }

    // must not change: a schedule the source states in full gives the legacy runs' own times
    @Test
    void aStatedScheduleGivesTheRunsThemselves() {
        MissedWindows.Result r = MissedWindows.between(DAILY, FROM, TO, UTC);
        assertThat(r.exact()).isTrue();
        assertThat(r.unproven()).isNull();
        assertThat(r.times()).extracting(t -> t.toInstant().toString()).containsExactly("2026-11-19T06:00:00Z",
                "2026-11-20T06:00:00Z", "2026-11-21T06:00:00Z");
    }

    /**
     * A crontab line naming no zone runs on the legacy host's clock: the zone the caller passes (the scan's), whatever
     * any property says, so a Berlin host's 06:00 is 05:00Z in November.
     */
    @Test
    void aScheduleNamingNoZoneRunsInTheHostZoneGiven() {
        ScheduleSpec crontab = new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "0 6 * * *", null, SourceRef.at("crontab", 3, 1));
        MissedWindows.Result r = MissedWindows.between(crontab, FROM, TO, ZoneId.of("Europe/Berlin"));
        assertThat(r.times()).extracting(t -> t.toInstant().toString()).containsExactly("2026-11-19T05:00:00Z",
                "2026-11-20T05:00:00Z", "2026-11-21T05:00:00Z");
        assertThat(MissedWindows.between(crontab, FROM, TO, UTC).times()).extracting(t -> t.toInstant().toString())
                .as("must not change: a UTC host's 06:00").containsExactly("2026-11-19T06:00:00Z", "2026-11-20T06:00:00Z",
                        "2026-11-21T06:00:00Z");
    }

    /** A Prefect 1 hourly IntervalClock that started in New York long before the fall-back change of 2026-11-01. */
    private static final ScheduleSpec HOURLY_NEW_YORK = new ScheduleSpec(ScheduleSpec.Form.INTERVAL,
            "R/2026-01-01T00:30-05:00/PT1H", "America/New_York", SourceRef.at("flows/hourly.py", 7, 12));
    private static final Instant BEFORE_FALL_BACK = Instant.parse("2026-11-01T04:00:00Z");
    private static final Instant AFTER_FALL_BACK = Instant.parse("2026-11-01T08:00:00Z");

    // a Prefect 1 interval was counted in elapsed hours like a loop's, which lists 05:30Z (01:30 EDT): pendulum added the
    // months since start_date on the wall clock, so the repeated 01:30 ran once, at its second occurrence (06:30Z)
    @Test
    void aPrefect1IntervalAcrossAFallBackChangeRunsTheRepeatedHourOnce() {
        MissedWindows.Result r = MissedWindows.between(HOURLY_NEW_YORK, ScheduleOrigin.PREFECT1_FLOW, BEFORE_FALL_BACK,
                AFTER_FALL_BACK, UTC);
        assertThat(r.total()).isEqualTo(3);
        assertThat(r.times()).extracting(t -> t.toInstant().toString()).containsExactly("2026-11-01T04:30:00Z",
                "2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z");
    }

    // must not change: a legacy loop's interval counts elapsed hours through the change
    @Test
    void aLegacyIntervalAcrossAFallBackChangeCountsElapsedTime() {
        MissedWindows.Result r = MissedWindows.between(HOURLY_NEW_YORK, BEFORE_FALL_BACK, AFTER_FALL_BACK, UTC);
        assertThat(r.times()).extracting(t -> t.toInstant().toString()).containsExactly("2026-11-01T04:30:00Z",
                "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z");
    }

    /**
     * A Prefect 2 deployment's interval of 6 hours from 2024-03-01 00:00 in New York, as prefect.yaml writes it (anchor
     * with its offset, timezone named), across the spring-forward change of 2024-03-10. Prefect 2.20's
     * IntervalSchedule._get_dates_generator (src/prefect/server/schemas/schedules.py) splits the interval into days and
     * seconds and adds them with pendulum's add(days=0, seconds=21600): without days that is elapsed time, as its
     * docstring says ("intervals of less than 24 hours will follow UTC intervals ... an hourly schedule will fire every
     * UTC hour, even across DST boundaries"); Prefect 3's server schema keeps the split, on whenever's ZonedDateTime
     * ({@code next_date.add(days=interval_days, seconds=interval_seconds)}, same file), whose add without days is exact
     * time too. The knowledge file (prefect-changes.md, IntervalSchedule rows) carries the class over unchanged from 2.x
     * to 3.x. So the runs stay 6 hours apart in UTC and move from 00/06/12/18 EST to 01/07/13/19 EDT: fixed durations,
     * not the wall clock, for an interval under a day.
     */
    private static final ScheduleSpec SIX_HOURLY_NEW_YORK = new ScheduleSpec(ScheduleSpec.Form.INTERVAL,
            "R/2024-03-01T00:00-05:00/PT21600S", "America/New_York", SourceRef.at("prefect.yaml", 12, 15));
    private static final Instant BEFORE_SPRING_FORWARD = Instant.parse("2024-03-09T20:00:00Z");
    private static final Instant AFTER_SPRING_FORWARD = Instant.parse("2024-03-11T00:00:00Z");

    @Test
    void aPrefect2IntervalUnderADayAcrossSpringForwardCountsElapsedTimeAndShowsTheNewOffset() {
        for (ScheduleOrigin origin : java.util.List.of(ScheduleOrigin.PREFECT2_DEPLOYMENT, ScheduleOrigin.PREFECT_DEPLOYMENT)) {
            MissedWindows.Result r = MissedWindows.between(SIX_HOURLY_NEW_YORK, origin, BEFORE_SPRING_FORWARD,
                    AFTER_SPRING_FORWARD, UTC);
            assertThat(r.exact()).as(origin.name()).isTrue();
            // the rollback step names the schedule with its zone; the times below show the hour it moves by
            assertThat(r.schedule()).as(origin.name()).isEqualTo("every 6 hours (America/New_York)");
            assertThat(r.total()).as(origin.name()).isEqualTo(5);
            assertThat(r.times()).as(origin.name()).extracting(t -> t.toInstant().toString()).containsExactly(
                    "2024-03-09T23:00:00Z", "2024-03-10T05:00:00Z", "2024-03-10T11:00:00Z", "2024-03-10T17:00:00Z",
                    "2024-03-10T23:00:00Z");
            // the rollback step prints each window as it is: the local hour moves by one after the change
            assertThat(r.times()).as(origin.name()).extracting(Object::toString).containsExactly(
                    "2024-03-09T18:00-05:00[America/New_York]", "2024-03-10T00:00-05:00[America/New_York]",
                    "2024-03-10T07:00-04:00[America/New_York]", "2024-03-10T13:00-04:00[America/New_York]",
                    "2024-03-10T19:00-04:00[America/New_York]");
        }
    }

    // must not change: a daily Prefect 2 interval steps the wall clock (days added on the local clock), 00:00 stays 00:00
    @Test
    void aDailyPrefect2IntervalAcrossSpringForwardKeepsItsLocalTime() {
        ScheduleSpec daily = new ScheduleSpec(ScheduleSpec.Form.INTERVAL, "R/2024-03-01T00:00-05:00/P1D",
                "America/New_York", SourceRef.at("prefect.yaml", 12, 15));
        MissedWindows.Result r = MissedWindows.between(daily, ScheduleOrigin.PREFECT2_DEPLOYMENT, BEFORE_SPRING_FORWARD,
                Instant.parse("2024-03-12T00:00:00Z"), UTC);
        assertThat(r.times()).extracting(Object::toString).containsExactly("2024-03-10T00:00-05:00[America/New_York]",
                "2024-03-11T00:00-04:00[America/New_York]");
    }
}
