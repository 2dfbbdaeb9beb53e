package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.schedule.ScheduleOrigin;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The windows a rollback backfills, from the legacy schedule: for a schedule whose source leaves its zone or phase
 * unknown (a Prefect 1 start known only at run time) they are the schedule read without it, and the result says so,
 * where it handed them over like any other schedule's and the checklist listed them as the runs that were missed.
 */
class MissedWindowsTest {
    private static final Instant FROM = Instant.parse("2026-11-19T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-21T12:00:00Z");
    private static final ScheduleSpec DAILY = new ScheduleSpec(ScheduleSpec.Form.CRON_PREFECT, "0 6 * * *", "UTC",
            SourceRef.at("flows/daily.py", 11, 1));

    @Test
    void anUnprovenScheduleGivesEstimatesThatSayWhy() {
        String why = "start unknown: zone not proven (start_date `pendulum.now()` is the time the flow was registered, in "
                + "that machine's zone)";
        MissedWindows.Result r = MissedWindows.between(DAILY.withUnproven(why), FROM, TO);
        assertThat(r.exact()).isFalse();
        assertThat(r.unproven()).isEqualTo(why);
        assertThat(r.total()).isEqualTo(3);
    }

    // must not change: a schedule the source states in full gives the legacy runs' own times
    @Test
    void aStatedScheduleGivesTheRunsThemselves() {
        MissedWindows.Result r = MissedWindows.between(DAILY, FROM, TO);
        assertThat(r.exact()).isTrue();
        assertThat(r.unproven()).isNull();
        assertThat(r.times()).extracting(t -> t.toInstant().toString()).containsExactly("2026-11-19T06:00:00Z",
                "2026-11-20T06:00:00Z", "2026-11-21T06:00:00Z");
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
                AFTER_FALL_BACK);
        assertThat(r.total()).isEqualTo(3);
        assertThat(r.times()).extracting(t -> t.toInstant().toString()).containsExactly("2026-11-01T04:30:00Z",
                "2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z");
    }

    // must not change: a legacy loop's interval counts elapsed hours through the change
    @Test
    void aLegacyIntervalAcrossAFallBackChangeCountsElapsedTime() {
        MissedWindows.Result r = MissedWindows.between(HOURLY_NEW_YORK, BEFORE_FALL_BACK, AFTER_FALL_BACK);
        assertThat(r.times()).extracting(t -> t.toInstant().toString()).containsExactly("2026-11-01T04:30:00Z",
                "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z");
    }
}
