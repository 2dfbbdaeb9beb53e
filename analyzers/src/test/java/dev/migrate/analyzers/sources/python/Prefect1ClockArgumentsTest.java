package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/**
 * Prefect 1.4.1 takes IntervalClock(interval, start_date, ...) but IntervalSchedule(start_date, interval, ...):
 * the scan read an IntervalClock's interval only by keyword or in second place, so a schedule of a cron clock and a
 * positional interval clock lost its interval (the inventory showed one of the job's two schedules). An interval clock
 * without a start counts from 2019-01-01 00:00 UTC (1.4.1 clocks.py), which its expression carries.
 */
class Prefect1ClockArgumentsTest {
    @Test
    void eachClockIsReadWithItsOwnArgumentOrder() {
        String found = DetectorHarness.run(new Prefect1FlowDetector(), "flows/sales.py", """
                import datetime
                import pendulum
                from prefect import Flow
                from prefect.schedules import Schedule, IntervalSchedule
                from prefect.schedules.clocks import CronClock, IntervalClock

                schedule = Schedule(clocks=[
                    CronClock("0 6 * * 1-5", pendulum.datetime(2023, 1, 1, tz="Europe/Berlin")),
                    IntervalClock(datetime.timedelta(hours=12)),
                ])
                with Flow("sales-daily", schedule=schedule) as flow:
                    pass
                with Flow("legacy", schedule=IntervalSchedule(datetime.datetime(2023, 1, 1), datetime.timedelta(minutes=30))) as f2:
                    pass
                """);
        assertThat(found).contains("schedule CRON_PREFECT '0 6 * * 1-5' tz=Europe/Berlin", "schedule INTERVAL 'R/2019-01-01T00:00Z/PT12H'",
                "schedule INTERVAL 'R/2023-01-01T00:00Z/PT30M'");
    }

    // a clock per table made by a comprehension was read as its one element expression: "every day at 00:00", where
    // Prefect 1 ran one clock per table, each at its own minute
    @Test
    void clocksAComprehensionOrAHelperMakesAreUnknownNotTheFirstOne() {
        String found = DetectorHarness.run(new Prefect1FlowDetector(), "flows/dump.py", """
                from datetime import datetime, timedelta
                from prefect import Flow
                from prefect.schedules import Schedule
                from prefect.schedules.clocks import IntervalClock, DatesClock

                TABLES = ["orders", "customers"]
                clocks = [IntervalClock(interval=timedelta(days=1), start_date=datetime(2022, 1, 1, 2, i * 10))
                          for i, t in enumerate(TABLES)]
                with Flow("dump-db", schedule=Schedule(clocks=clocks)) as flow:
                    pass
                with Flow("dates", schedule=Schedule(clocks=[DatesClock([datetime(2024, 1, 1)])])) as f2:
                    pass
                """);
        assertThat(found).contains("schedule UNKNOWN 'Schedule(clocks=clocks)'",
                "schedule UNKNOWN 'DatesClock([datetime(2024, 1, 1)])'").doesNotContain("INTERVAL");
    }

    // an interval clock fires at start_date + k * interval; the scan dropped the start, so the proof said the time of
    // day was unknown and the deployment would run at 00:00 instead of 04:30
    @Test
    void anIntervalClocksStartDateIsItsAnchor() {
        String found = DetectorHarness.run(new Prefect1FlowDetector(), "flows/rain.py", """
                from datetime import datetime, timedelta
                from prefect import Flow
                from prefect.schedules import Schedule
                from prefect.schedules.clocks import IntervalClock

                every_day = Schedule(clocks=[IntervalClock(interval=timedelta(days=1), start_date=datetime(2021, 1, 1, 4, 30))])
                with Flow("rain", schedule=every_day) as flow:
                    pass
                with Flow("registered", schedule=Schedule(clocks=[IntervalClock(timedelta(hours=1), datetime.utcnow())])) as f2:
                    pass
                """);
        assertThat(found).containsPattern("schedule INTERVAL '[^']*2021-01-01T04:30[^']*P1D'")
                .contains("schedule INTERVAL 'PT1H'"); // the registration time: no anchor can be read
    }
}
