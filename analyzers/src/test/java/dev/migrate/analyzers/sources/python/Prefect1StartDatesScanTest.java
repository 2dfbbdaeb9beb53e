package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/**
 * A Prefect 1 clock's start_date, read as 1.4.1 reads it (pendulum.instance): it is the anchor of an interval clock and
 * the zone of every clock. An aware datetime(..., tzinfo=timezone.utc) was dropped (the lake's customers flow showed a
 * plain PT6H, counted from the deployment's creation instead of 00:45), and an interval clock without a start was read
 * as counting from registration when it counts from 2019-01-01 00:00 UTC. Whole days in a zone with DST are added on
 * the calendar, so an interval the hour does not divide keeps the start's wall-clock times (the local form
 * R/2022-07-04T06:30/P1D); an hourly one lands on the same times of day either way and keeps its offset form.
 */
class Prefect1StartDatesScanTest {
    @Test
    void literalStartsGiveTheAnchorAndTheZone() {
        String found = DetectorHarness.run(new Prefect1FlowDetector(), "flows/lake.py", """
                from datetime import datetime, timedelta, timezone
                from zoneinfo import ZoneInfo
                import pendulum
                import pytz
                from prefect import Flow
                from prefect.schedules import IntervalSchedule, CronSchedule, Schedule
                from prefect.schedules.clocks import CronClock, IntervalClock

                a = Flow("aware", schedule=IntervalSchedule(start_date=datetime(2022, 1, 1, 0, 45, tzinfo=timezone.utc),
                                                            interval=timedelta(hours=6)))
                b = Flow("pendulum", schedule=Schedule(clocks=[
                    IntervalClock(timedelta(days=1), pendulum.datetime(2022, 7, 4, 6, 30, tz="Europe/London")),
                    CronClock("0 18 * * 1-5", start_date=pendulum.datetime(2022, 1, 3, tz="Europe/London")),
                    IntervalClock(timedelta(minutes=15)),
                ]))
                c = Flow("pytz", schedule=CronSchedule("15 2 * * *", datetime(2022, 3, 1, tzinfo=pytz.timezone("America/Chicago"))))
                d = Flow("zoneinfo", schedule=CronSchedule("15 2 * * *", start_date=datetime(2022, 7, 1, tzinfo=ZoneInfo("Europe/Paris"))))
                e = Flow("naive", schedule=CronSchedule("0 4 * * 0", start_date=datetime(2022, 3, 1)))
                """);
        assertThat(found).isEqualTo("""
                job prefect1-aware-cbbc2174 prefect1 'aware' at flows/lake.py:9:28
                  schedule INTERVAL 'R/2022-01-01T00:45Z/PT6H' tz=UTC at flows/lake.py:9:28
                  command flows/lake.py:a
                  overlap ALLOW
                job prefect1-pendulum-dbc1f017 prefect1 'pendulum' at flows/lake.py:11:31
                  schedule INTERVAL 'R/2022-07-04T06:30/P1D' tz=Europe/London at flows/lake.py:11:31
                  schedule CRON_PREFECT '0 18 * * 1-5' tz=Europe/London at flows/lake.py:11:31
                  schedule INTERVAL 'R/2019-01-01T00:00Z/PT15M' at flows/lake.py:11:31
                  command flows/lake.py:b
                  overlap ALLOW
                job prefect1-pytz-f0666afd prefect1 'pytz' at flows/lake.py:16:27
                  schedule CRON_PREFECT '15 2 * * *' tz=America/Chicago at flows/lake.py:16:27
                  command flows/lake.py:c
                  overlap ALLOW
                job prefect1-zoneinfo-3c7f14ec prefect1 'zoneinfo' at flows/lake.py:17:31
                  schedule CRON_PREFECT '15 2 * * *' tz=Etc/GMT-2 at flows/lake.py:17:31
                  command flows/lake.py:d
                  overlap ALLOW
                job prefect1-naive-72669bf6 prefect1 'naive' at flows/lake.py:18:28
                  schedule CRON_PREFECT '0 4 * * 0' at flows/lake.py:18:28
                  command flows/lake.py:e
                  overlap ALLOW
                flows/lake.py:9:28 PF102 Prefect 1 flow aware scheduled R/2022-01-01T00:45Z/PT6H [prefect1-aware-cbbc2174]
                flows/lake.py:11:31 PF102 Prefect 1 flow pendulum scheduled R/2022-07-04T06:30/P1D ; 0 18 * * 1-5 ; R/2019-01-01T00:00Z/PT15M [prefect1-pendulum-dbc1f017]
                flows/lake.py:16:27 PF102 Prefect 1 flow pytz scheduled 15 2 * * * [prefect1-pytz-f0666afd]
                flows/lake.py:17:31 PF102 Prefect 1 flow zoneinfo scheduled 15 2 * * * [prefect1-zoneinfo-3c7f14ec]
                flows/lake.py:18:28 PF102 Prefect 1 flow naive scheduled 0 4 * * 0 [prefect1-naive-72669bf6]
                """);
    }

    /**
     * A start only running the code tells: the Berlin cron's zone is known and its start only delays the first run, but
     * the interval's phase is registration's, and pendulum.now()'s or an imported name's zone is unknown. Each such
     * schedule says what is not proven (ScheduleSpec.unproven), so no report calls it exact; before, the job's note was
     * the only trace, and the schedules were shown in UTC as exact.
     */
    @Test
    void aRunTimeStartIsSaidToBeOneNotGuessed() {
        String found = DetectorHarness.run(new Prefect1FlowDetector(), "flows/live.py", """
                from datetime import datetime, timedelta
                import pendulum
                from prefect import Flow
                from prefect.schedules import Schedule
                from prefect.schedules.clocks import CronClock, IntervalClock
                from settings import START

                a = Flow("registered", schedule=Schedule(clocks=[
                    IntervalClock(timedelta(minutes=10), start_date=pendulum.now("UTC").add(seconds=30)),
                    CronClock("0 6 * * *", start_date=pendulum.now("Europe/Berlin")),
                ]))
                b = Flow("local", schedule=Schedule(clocks=[CronClock("0 6 * * *", start_date=pendulum.now())]))
                c = Flow("imported", schedule=Schedule(clocks=[IntervalClock(timedelta(hours=1), START)]))
                """);
        assertThat(found).isEqualTo("""
                job prefect1-registered-3b00c38f prefect1 'registered' at flows/live.py:8:33
                  schedule INTERVAL 'PT10M' tz=UTC [start unknown: phase not proven (start_date `pendulum.now("UTC").add(seconds=30)` is the time the flow was registered)] at flows/live.py:8:33
                  schedule CRON_PREFECT '0 6 * * *' tz=Europe/Berlin at flows/live.py:8:33
                  command flows/live.py:a
                  overlap ALLOW
                  attrs {schedule.start_date=pendulum.now("UTC").add(seconds=30) (a run-time value: the time the flow was registered, which only running the code tells) ; pendulum.now("Europe/Berlin") (a run-time value: the time the flow was registered, which only running the code tells)}
                job prefect1-local-0a633f26 prefect1 'local' at flows/live.py:12:28
                  schedule CRON_PREFECT '0 6 * * *' [start unknown: zone not proven (start_date `pendulum.now()` is the time the flow was registered, in that machine's zone)] at flows/live.py:12:28
                  command flows/live.py:b
                  overlap ALLOW
                  attrs {schedule.start_date=pendulum.now() (a run-time value: the time the flow was registered, in that machine's zone, which only running the code tells)}
                job prefect1-imported-d1b0dcac prefect1 'imported' at flows/live.py:13:31
                  schedule INTERVAL 'PT1H' [start unknown: zone and phase not proven (start_date `START` is a value only running the code tells)] at flows/live.py:13:31
                  command flows/live.py:c
                  overlap ALLOW
                  attrs {schedule.start_date=START (not a literal datetime: its value and zone are known only when the code runs)}
                flows/live.py:8:33 PF102 Prefect 1 flow registered scheduled PT10M ; 0 6 * * * [prefect1-registered-3b00c38f]
                flows/live.py:12:28 PF102 Prefect 1 flow local scheduled 0 6 * * * [prefect1-local-0a633f26]
                flows/live.py:13:31 PF102 Prefect 1 flow imported scheduled PT1H [prefect1-imported-d1b0dcac]
                """);
    }

    // a Prefect 2 flow's IntervalSchedule without anchor_date is not a Prefect 1 clock: no 2019 anchor is added to it
    @Test
    void prefect2SchedulesAreNotReadAsPrefect1Clocks() {
        assertThat(DetectorHarness.run(new Prefect1FlowDetector(), "flows/p2.py", """
                from datetime import timedelta
                from prefect import flow
                from prefect.server.schemas.schedules import IntervalSchedule

                @flow
                def etl():
                    pass

                schedule = IntervalSchedule(interval=timedelta(hours=1))
                """)).isEmpty();
    }

    /**
     * A clock's end_date: 1.4.1 made no run after it, and Prefect 3 schedules have no end date. The scan reported nothing
     * (only the recipe did); now a PF107 finding in the recipe's words, and the job keeps the end for cutover.
     */
    @Test
    void anEndDateIsReportedAndKeptOnTheJob() {
        String found = DetectorHarness.run(new Prefect1FlowDetector(), "flows/campaign.py", """
                from datetime import datetime, timedelta
                import pendulum
                from prefect import Flow
                from prefect.schedules import CronSchedule, Schedule
                from prefect.schedules.clocks import IntervalClock

                a = Flow("campaign", schedule=CronSchedule("0 9 * * *", pendulum.datetime(2022, 3, 1, tz="Europe/Paris"),
                                                           pendulum.datetime(2022, 6, 30, tz="Europe/Paris")))
                b = Flow("trial", schedule=Schedule(clocks=[
                    IntervalClock(timedelta(hours=1), end_date=datetime(2023, 1, 1)),
                    IntervalClock(timedelta(days=1), end_date=None),
                ]))
                """);
        assertThat(found).contains("""
                  attrs {schedule.end_date=2022-06-30T00:00 Europe/Paris}
                """).contains("""
                  attrs {schedule.end_date=2023-01-01T00:00 UTC}
                """).contains("flows/campaign.py:7:31 PF107 flow campaign's schedule has an end_date "
                        + "`pendulum.datetime(2022, 6, 30, tz=\"Europe/Paris\")`: Prefect 1 made no run of this clock after "
                        + "2022-06-30T00:00 Europe/Paris (the flow stopped by itself); Prefect 3 schedules have no end date: "
                        + "pause or delete the deployment's schedule then [prefect1-campaign-")
                .contains("PF107 flow trial's schedule has an end_date `datetime(2023, 1, 1)`: Prefect 1 made no run of "
                        + "this clock after 2023-01-01T00:00 UTC");
        assertThat(found.lines().filter(l -> l.contains(" PF107 "))).hasSize(2);
    }

    /**
     * A ZoneInfo start at a part-hour offset: pendulum kept its offset, which has no Etc/GMT name. It was read as not a
     * literal at all, so the schedule was shown in UTC and called exact; now it is at its offset, and the note says
     * what to choose: the named zone when tzdata knows no change of it after the start, else a zone that keeps the offset.
     */
    @Test
    void aPartHourOffsetIsKeptAndTheChoiceIsExplained() {
        String found = DetectorHarness.run(new Prefect1FlowDetector(), "flows/india.py", """
                from datetime import datetime, timedelta
                from zoneinfo import ZoneInfo
                from prefect import Flow
                from prefect.schedules import CronSchedule, IntervalSchedule

                a = Flow("mumbai", schedule=CronSchedule("0 6 * * *", datetime(2022, 1, 1, tzinfo=ZoneInfo("Asia/Kolkata"))))
                b = Flow("adelaide", schedule=IntervalSchedule(datetime(2022, 1, 1, 6, 0, tzinfo=ZoneInfo("Australia/Adelaide")),
                                                               timedelta(days=1)))
                """);
        assertThat(found).contains("schedule CRON_PREFECT '0 6 * * *' tz=+05:30")
                .contains("schedule INTERVAL 'R/2022-01-01T06:00+10:30/P1D' tz=+10:30")
                .contains("attrs {schedule.start_date=start_date `datetime(2022, 1, 1, tzinfo=ZoneInfo(\"Asia/Kolkata\"))` is "
                        + "at the fixed UTC offset +05:30, pendulum having kept its tzinfo for Asia/Kolkata only as its "
                        + "offset at that date, so Prefect 1 ran this clock at +05:30 all year; Prefect 3's timezone takes "
                        + "IANA names only, and the fixed-offset ones (Etc/GMT-N) are whole hours: timezone: Asia/Kolkata, "
                        + "the zone the start names, has stayed at +05:30 since the start (tzdata knows no later change), so "
                        + "it keeps Prefect 1's times}")
                .contains("choose an IANA zone whose offset stays +10:30 for as long as the flow runs to keep Prefect 1's "
                        + "times, or Australia/Adelaide, the zone the start names, to follow its clock changes");
    }

    /**
     * A start in New York's repeated fall-back hour: pendulum places it at the second occurrence (EST, POST_TRANSITION),
     * as the proof's 1.4.1 clock does; the anchor was written at the first (EDT), an hour earlier than any run.
     */
    @Test
    void aStartInTheRepeatedHourIsAnchoredWherePendulumPutsIt() {
        String found = DetectorHarness.run(new Prefect1FlowDetector(), "flows/fall.py", """
                from datetime import timedelta
                import pendulum
                from prefect import Flow
                from prefect.schedules.clocks import IntervalClock
                from prefect.schedules import Schedule

                a = Flow("fall", schedule=Schedule(clocks=[
                    IntervalClock(timedelta(hours=1), pendulum.datetime(2022, 11, 6, 1, 30, tz="America/New_York"))]))
                """);
        assertThat(found).contains("schedule INTERVAL 'R/2022-11-06T01:30-05:00/PT1H' tz=America/New_York");
        // the proof's 1.4.1 clock from the same local start (its local form, placed as pendulum places it) runs first there
        dev.migrate.analyzers.model.ScheduleSpec local = new dev.migrate.analyzers.model.ScheduleSpec(
                dev.migrate.analyzers.model.ScheduleSpec.Form.INTERVAL, "R/2022-11-06T01:30/PT1H", "America/New_York",
                new dev.migrate.analyzers.model.SourceRef("flows/fall.py", 7, 1));
        java.util.List<java.time.ZonedDateTime> runs = dev.migrate.analyzers.schedule.FireTimes.source(
                dev.migrate.analyzers.schedule.Schedules.interpret(local, java.time.ZoneOffset.UTC),
                dev.migrate.analyzers.schedule.ScheduleOrigin.PREFECT1_FLOW, java.time.Instant.parse("2022-11-06T00:00:00Z"), 1);
        java.time.Instant start = java.time.OffsetDateTime.parse("2022-11-06T01:30-05:00").toInstant();
        assertThat(runs.get(0).toInstant()).isEqualTo(start);
    }

    /**
     * pendulum 2 (Prefect 1.4.1's) loads a tz string as a tzdata file (pendulum.tz.timezone, pytzdata's tz_path) and
     * raises InvalidTimezone for "+05:30", which java.time reads as an offset; datetime takes no string tzinfo at all.
     * The flow module raised where it built the clock, so the schedule never ran: it is unknown here, with a PF115
     * finding, where it was read as a cron at +05:30; pytz.timezone("+05:30") raises too. A zone name, and "utc" in any
     * casing, are read as before, and pytz's name in any casing as tzdata spells it.
     */
    @Test
    void aZoneStringPendulumRefusesIsAScheduleThatNeverRan() {
        String found = DetectorHarness.run(new Prefect1FlowDetector(), "flows/ist.py", """
                from datetime import datetime, timedelta
                import pendulum
                import pytz
                from prefect import Flow
                from prefect.schedules import Schedule
                from prefect.schedules.clocks import CronClock, IntervalClock

                a = Flow("ist", schedule=Schedule(clocks=[
                    CronClock("0 8 * * *", start_date=pendulum.datetime(2020, 1, 1, tz="+05:30")),
                    IntervalClock(timedelta(hours=2), datetime(2020, 1, 1, tzinfo="UTC")),
                    CronClock("0 9 * * *", start_date=pendulum.datetime(2020, 1, 1, tz="Asia/Kolkata")),
                    CronClock("0 10 * * *", start_date=pendulum.datetime(2020, 1, 1, tz="utc")),
                    CronClock("0 11 * * *", start_date=datetime(2020, 1, 1, tzinfo=pytz.timezone("+05:30"))),
                    CronClock("0 12 * * *", start_date=datetime(2020, 1, 1, tzinfo=pytz.timezone("asia/kolkata"))),
                ]))
                """);
        assertThat(found).contains("""
                  schedule UNKNOWN 'CronClock("0 8 * * *", start_date=pendulum.datetime(2020, 1, 1, tz="+05:30"))' at flows/ist.py:8:26
                  schedule UNKNOWN 'IntervalClock(timedelta(hours=2), datetime(2020, 1, 1, tzinfo="UTC"))' at flows/ist.py:8:26
                  schedule CRON_PREFECT '0 9 * * *' tz=Asia/Kolkata at flows/ist.py:8:26
                  schedule CRON_PREFECT '0 10 * * *' tz=UTC at flows/ist.py:8:26
                  schedule UNKNOWN 'CronClock("0 11 * * *", start_date=datetime(2020, 1, 1, tzinfo=pytz.timezone("+05:30")))' at flows/ist.py:8:26
                  schedule CRON_PREFECT '0 12 * * *' tz=Asia/Kolkata at flows/ist.py:8:26
                """)
                .contains("PF115 flow ist's schedule could not have run as written: start_date `pendulum.datetime(2020, 1, "
                        + "1, tz=\"+05:30\")` raises when the clock is made: pendulum 2 (Prefect 1.4.1's) reads a tz string "
                        + "as a tzdata zone name and raises InvalidTimezone for '+05:30', a UTC offset, not a zone name; "
                        + "Prefect 1 never ran this schedule as written")
                .contains("PF115 flow ist's schedule could not have run as written: start_date `datetime(2020, 1, 1, "
                        + "tzinfo=\"UTC\")` raises when the clock is made: datetime's tzinfo must be a tzinfo object, not "
                        + "the string 'UTC' (TypeError)")
                .doesNotContain("+05:30 all year");
        assertThat(found).contains("PF115 flow ist's schedule could not have run as written: start_date `datetime(2020, 1, "
                + "1, tzinfo=pytz.timezone(\"+05:30\"))` raises when the clock is made: pytz.timezone raises "
                + "UnknownTimeZoneError for '+05:30', a UTC offset, not a zone name");
        assertThat(found.lines().filter(l -> l.contains(" PF115 "))).hasSize(3);
    }

    /**
     * A start taken when the flow is registered, in a zone pendulum refuses, raised the same way as a literal's: pendulum
     * 2's now() hands its tz to _safe_timezone, which loads "+05:30" as a tzdata name; in_tz does too, and datetime's
     * now() takes no string. These were read as run-time starts at an unknown zone, with no PF115.
     */
    @Test
    void aRegistrationTimeStartInAZonePendulumRefusesIsAScheduleThatNeverRan() {
        String found = DetectorHarness.run(new Prefect1FlowDetector(), "flows/ist.py", """
                from datetime import datetime, timedelta
                import pendulum
                from prefect import Flow
                from prefect.schedules import Schedule
                from prefect.schedules.clocks import CronClock, IntervalClock

                a = Flow("ist", schedule=Schedule(clocks=[
                    CronClock("0 8 * * *", start_date=pendulum.now("+05:30")),
                    IntervalClock(timedelta(hours=2), pendulum.now(tz="+05:30").add(minutes=1)),
                    CronClock("0 9 * * *", start_date=pendulum.now("UTC").in_tz("+05:30")),
                    CronClock("0 10 * * *", start_date=datetime.now("Asia/Kolkata")),
                    CronClock("0 11 * * *", start_date=pendulum.now("Asia/Kolkata")),
                ]))
                """);
        assertThat(found).contains("""
                  schedule UNKNOWN 'CronClock("0 8 * * *", start_date=pendulum.now("+05:30"))' at flows/ist.py:7:26
                  schedule UNKNOWN 'IntervalClock(timedelta(hours=2), pendulum.now(tz="+05:30").add(minutes=1))' at flows/ist.py:7:26
                  schedule UNKNOWN 'CronClock("0 9 * * *", start_date=pendulum.now("UTC").in_tz("+05:30"))' at flows/ist.py:7:26
                  schedule UNKNOWN 'CronClock("0 10 * * *", start_date=datetime.now("Asia/Kolkata"))' at flows/ist.py:7:26
                  schedule CRON_PREFECT '0 11 * * *' tz=Asia/Kolkata at flows/ist.py:7:26
                """)
                .contains("PF115 flow ist's schedule could not have run as written: start_date `pendulum.now(\"+05:30\")` "
                        + "raises when the clock is made: pendulum 2 (Prefect 1.4.1's) reads a tz string as a tzdata zone "
                        + "name and raises InvalidTimezone for '+05:30', a UTC offset, not a zone name")
                .contains("PF115 flow ist's schedule could not have run as written: start_date `pendulum.now(tz=\"+05:30\")"
                        + ".add(minutes=1)` raises when the clock is made")
                .contains("PF115 flow ist's schedule could not have run as written: start_date `datetime.now(\"Asia/Kolkata\")` "
                        + "raises when the clock is made: datetime's tzinfo must be a tzinfo object, not the string "
                        + "'Asia/Kolkata' (TypeError)");
        assertThat(found.lines().filter(l -> l.contains(" PF115 "))).hasSize(4);
    }
}
