package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronFireTimesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static List<String> times(List<ZonedDateTime> z) {
        return z.stream().map(ZonedDateTime::toOffsetDateTime).map(Object::toString).toList();
    }

    @Test
    void springForwardFixedJob() {
        Instant start = Instant.parse("2026-03-28T12:00:00Z");
        CronExpression e = CronExpression.parse("30 2 * * *");
        // Vixie runs the skipped 02:30 right at the change (03:00 CEST); Prefect moves it to 03:30.
        assertThat(times(CronFireTimes.vixie(e, BERLIN, start, 2)))
                .containsExactly("2026-03-29T03:00+02:00", "2026-03-30T02:30+02:00");
        assertThat(times(CronFireTimes.prefect(e, true, BERLIN, start, 2)))
                .containsExactly("2026-03-29T03:30+02:00", "2026-03-30T02:30+02:00");
    }

    @Test
    void fallBackWildcardJob() {
        Instant start = Instant.parse("2026-10-24T23:45:00Z");
        CronExpression e = CronExpression.parse("*/30 * * * *");
        assertThat(times(CronFireTimes.vixie(e, BERLIN, start, 6))).containsExactly(
                "2026-10-25T02:00+02:00", "2026-10-25T02:30+02:00", "2026-10-25T02:00+01:00",
                "2026-10-25T02:30+01:00", "2026-10-25T03:00+01:00", "2026-10-25T03:30+01:00");
        assertThat(times(CronFireTimes.prefect(e, true, BERLIN, start, 4))).containsExactly(
                "2026-10-25T02:00+02:00", "2026-10-25T02:30+02:00", "2026-10-25T03:00+01:00", "2026-10-25T03:30+01:00");
    }

    @Test
    void fallBackFixedJobRunsOnce() {
        Instant start = Instant.parse("2026-10-24T12:00:00Z");
        CronExpression e = CronExpression.parse("30 2 * * *");
        assertThat(times(CronFireTimes.vixie(e, BERLIN, start, 2)))
                .containsExactly("2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00");
        assertThat(times(CronFireTimes.prefect(e, true, BERLIN, start, 2)))
                .containsExactly("2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00");
    }

    /**
     * A loop on the naive local clock (the schedule library without a zone): every matching time is placed as Vixie
     * cron places a fixed-time job's, also for an hourly job that Vixie cron treats as a wildcard job.
     */
    @Test
    void naiveClockRunsEverySkippedTimeAtTheChangeAndEveryRepeatedTimeOnce() {
        CronExpression hourly = CronExpression.parse("30 * * * *");
        assertThat(times(CronFireTimes.naiveClock(hourly, BERLIN, Instant.parse("2026-03-28T23:00:00Z"), 4)))
                .containsExactly("2026-03-29T00:30+01:00", "2026-03-29T01:30+01:00", "2026-03-29T03:00+02:00",
                        "2026-03-29T03:30+02:00");
        assertThat(times(CronFireTimes.naiveClock(hourly, BERLIN, Instant.parse("2026-10-24T23:00:00Z"), 4)))
                .containsExactly("2026-10-25T01:30+02:00", "2026-10-25T02:30+02:00", "2026-10-25T03:30+01:00",
                        "2026-10-25T04:30+01:00");
        // must not change: Vixie cron's wildcard rule for the same cron
        assertThat(times(CronFireTimes.vixie(hourly, BERLIN, Instant.parse("2026-03-28T23:00:00Z"), 3)))
                .containsExactly("2026-03-29T00:30+01:00", "2026-03-29T01:30+01:00", "2026-03-29T03:30+02:00");
        assertThat(times(CronFireTimes.vixie(hourly, BERLIN, Instant.parse("2026-10-25T00:00:00Z"), 3)))
                .containsExactly("2026-10-25T02:30+02:00", "2026-10-25T02:30+01:00", "2026-10-25T03:30+01:00");
    }

    /**
     * Before: 02:00 (skipped, run at the change) and 03:00 are one instant, which was counted twice, so fewer fire times
     * than asked for came back and the proof compared lists of different lengths.
     */
    @Test
    void aSkippedTimeRunAtTheChangeAndTheNextTimeAreOneRunAndStillCountFully() {
        CronExpression e = CronExpression.parse("0 1-4 * * *");
        List<String> got = times(CronFireTimes.vixie(e, BERLIN, Instant.parse("2026-03-28T12:00:00Z"), 8));
        assertThat(got).containsExactly("2026-03-29T01:00+01:00", "2026-03-29T03:00+02:00", "2026-03-29T04:00+02:00",
                "2026-03-30T01:00+02:00", "2026-03-30T02:00+02:00", "2026-03-30T03:00+02:00", "2026-03-30T04:00+02:00",
                "2026-03-31T01:00+02:00");
    }

    @Test
    void dayFieldsDifferBetweenDialects() {
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        ZoneId utc = ZoneId.of("UTC");
        CronExpression e = CronExpression.parse("0 0 */10 * 1");
        // Vixie: DOM starts with '*', so both must match (day 1, 11, 21, 31 that is a Monday).
        assertThat(times(CronFireTimes.vixie(e, utc, start, 2)))
                .containsExactly("2026-06-01T00:00Z", "2026-08-31T00:00Z");
        // croniter day_or=True: either field.
        assertThat(times(CronFireTimes.prefect(e, true, utc, start, 3)))
                .containsExactly("2026-06-01T00:00Z", "2026-06-08T00:00Z", "2026-06-11T00:00Z");
        assertThat(times(CronFireTimes.prefect(e, false, utc, start, 2)))
                .containsExactly("2026-06-01T00:00Z", "2026-08-31T00:00Z");
    }

    @Test
    void neverFiringExpressionGivesNoTimes() {
        assertThat(CronFireTimes.vixie(CronExpression.parse("0 0 30 2 *"), BERLIN, Instant.parse("2026-01-01T00:00:00Z"), 3))
                .isEmpty();
    }
}
