package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrefectTranslatorTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Translation translate(ScheduleSpec.Form form, String expr, String tz, TimerOptions options) {
        Schedule s = Schedules.interpret(new ScheduleSpec(form, expr, tz, SourceRef.file("x")), BERLIN);
        return PrefectTranslator.translate(s, options, NOW);
    }

    private static Translation cron(String expr) {
        return translate(ScheduleSpec.Form.CRON_UNIX, expr, null, TimerOptions.NONE);
    }

    @Test
    void plainCronIsProvenAcrossBothDstChanges() {
        Translation t = cron("*/15 * * * 1-5");
        assertThat(t.target().toYaml()).containsExactly(Map.entry("cron", "*/15 * * * 1-5"),
                Map.entry("timezone", "Europe/Berlin"));
        assertThat(t.exact()).isTrue();
        assertThat(t.proof().equal()).isTrue();
        assertThat(t.proof().compared()).isEqualTo(100);
        assertThat(t.proof().explanation())
                .isEqualTo("the next 50 fire times agree in each of 2 windows around the DST changes of Europe/Berlin on 2027-03-28 and 2027-10-31");
    }

    @Test
    void fixedTimeInTheSpringGapIsNotExact() {
        Translation t = cron("30 2 * * *");
        assertThat(t.exact()).isFalse();
        assertThat(t.proof().sourceAt()).hasToString("2027-03-28T03:00+02:00[Europe/Berlin]");
        assertThat(t.proof().prefectAt()).hasToString("2027-03-28T03:30+02:00[Europe/Berlin]");
        assertThat(t.proof().explanation()).endsWith("around the spring-forward change on 2027-03-28 (Europe/Berlin): "
                + "Vixie cron runs a job whose local time is skipped right at the change, Prefect moves it by the size of the gap");
    }

    // a Prefect 1 or 2 deployment's cron already ran on Prefect's DST rule and day rule: moving it changes nothing,
    // where the same text in a crontab (above) differs at the spring-forward change and on */2 days
    @Test
    void aPrefectDeploymentsCronKeepsItsFireTimes() {
        for (String expr : new String[] {"30 2 * * *", "*/20 * * * *", "0 6 */2 * 1", "15 2 L * *", "0 9 * * 1#2"}) {
            Translation t = translate(ScheduleSpec.Form.CRON_PREFECT, expr, "Europe/Berlin", TimerOptions.NONE);
            assertThat(t.exact()).as(expr).isTrue();
            assertThat(t.target().toYaml()).as(expr).containsExactly(Map.entry("cron", expr),
                    Map.entry("timezone", "Europe/Berlin"));
        }
        assertThat(cron("0 6 */2 * 1").target().toYaml()).containsEntry("day_or", false);
        assertThat(translate(ScheduleSpec.Form.CRON_PREFECT, "0 9 * * mon#2", "UTC", TimerOptions.NONE).exact()).isTrue();
    }

    @Test
    void twoOClockJobsAgreeBecauseBothLandOnTheChange() {
        assertThat(cron("0 2 * * *").exact()).isTrue();
    }

    @Test
    void wildcardJobsInTheRepeatedHourDiffer() {
        Translation t = cron("*/20 * * * *");
        assertThat(t.exact()).isFalse();
        assertThat(t.proof().explanation()).contains("fall-back change on 2027-10-31")
                .contains("Vixie cron runs wildcard jobs in both copies of the repeated hour");
    }

    @Test
    void vixieAndOfStarredDayFieldBecomesDayOrFalse() {
        Translation t = cron("0 6 */2 * 1");
        assertThat(t.target().toYaml()).containsExactly(Map.entry("cron", "0 6 */2 * 1"), Map.entry("day_or", false),
                Map.entry("timezone", "Europe/Berlin"));
        assertThat(t.exact()).isTrue();
    }

    /**
     * APScheduler's day=1-7, day_of_week=mon and Celery's crontab(day_of_month='1-7', day_of_week=1) are the first
     * Monday of the month, where Vixie cron would run on days 1-7 and on Mondays.
     */
    @ParameterizedTest
    @EnumSource(value = ScheduleSpec.Form.class, names = {"CRON_APSCHEDULER", "CRON_CELERY"})
    void dialectsThatAndTheirDayFieldsGetDayOrFalse(ScheduleSpec.Form form) {
        Translation t = translate(form, "30 7 1-7 * 1", "UTC", TimerOptions.NONE);
        assertThat(t.target().toYaml()).containsExactly(Map.entry("cron", "30 7 1-7 * 1"), Map.entry("day_or", false),
                Map.entry("timezone", "UTC"));
        assertThat(t.exact()).isTrue();
        assertThat(translate(form, "0 0 * * 0", "UTC", TimerOptions.NONE).target().toYaml())
                .as("one restricted day field: every dialect agrees").doesNotContainKey("day_or");
        assertThat(translate(ScheduleSpec.Form.CRON_UNIX, "30 7 1-7 * 1", "UTC", TimerOptions.NONE).target().toYaml())
                .doesNotContainKey("day_or");
    }

    @Test
    void vixieOrWithAnAllDaysFieldBecomesEveryDay() {
        Translation t = cron("0 6 1-31 * 1");
        assertThat(t.target().cron()).isEqualTo("0 6 * * *");
        assertThat(t.exact()).isTrue();
    }

    @Test
    void cronTzIsKept() {
        Translation t = translate(ScheduleSpec.Form.CRON_UNIX, "0 9 * * *", "America/New_York", TimerOptions.NONE);
        assertThat(t.target().timezone()).isEqualTo("America/New_York");
        assertThat(t.exact()).isTrue();
        assertThat(t.proof().explanation()).contains("America/New_York on 2027-03-14 and 2027-11-07");
    }

    @Test
    void rebootHasNoEquivalent() {
        Translation t = cron("@reboot");
        assertThat(t.target()).isNull();
        assertThat(t.exact()).isFalse();
        assertThat(t.reasons()).singleElement().asString().startsWith("Prefect 3 schedules (cron, interval, rrule) have no boot trigger");
    }

    @Test
    void calendarBecomesCronWithDayAnd() {
        Translation t = translate(ScheduleSpec.Form.SYSTEMD_CALENDAR, "Mon..Fri *-*-1..7 04:00", null, TimerOptions.NONE);
        assertThat(t.target().toYaml()).containsExactly(Map.entry("cron", "0 4 1-7 * 1-5"), Map.entry("day_or", false),
                Map.entry("timezone", "Europe/Berlin"));
        assertThat(t.exact()).isTrue();
    }

    @Test
    void calendarTimeInTheGapIsSkippedBySystemd() {
        Translation t = translate(ScheduleSpec.Form.SYSTEMD_CALENDAR, "*-*-* 02:30", null, TimerOptions.NONE);
        assertThat(t.target().cron()).isEqualTo("30 2 * * *");
        assertThat(t.exact()).isFalse();
        assertThat(t.proof().explanation()).contains("systemd skips calendar times that do not exist");
    }

    @Test
    void calendarSecondsAndTildeBecomeProvenRrules() {
        Translation last = translate(ScheduleSpec.Form.SYSTEMD_CALENDAR, "*-*~1 23:00", null, TimerOptions.NONE);
        assertThat(last.target().toYaml()).containsExactly(
                Map.entry("rrule", "FREQ=DAILY;BYMONTHDAY=-1;BYHOUR=23;BYMINUTE=0;BYSECOND=0"),
                Map.entry("timezone", "Europe/Berlin"));
        assertThat(last.exact()).isTrue();
        Translation seconds = translate(ScheduleSpec.Form.SYSTEMD_CALENDAR, "*-*-* 02:30:15", null, TimerOptions.NONE);
        assertThat(seconds.target().rrule()).isEqualTo("FREQ=DAILY;BYHOUR=2;BYMINUTE=30;BYSECOND=15");
        assertThat(seconds.exact()).isFalse();
        assertThat(seconds.proof().prefectAt()).hasToString("2027-03-28T01:30:15+01:00[Europe/Berlin]");
        assertThat(seconds.proof().explanation()).contains("Prefect moves them one offset earlier");
    }

    @Test
    void yearsAndFractionsAreNotExpressible() {
        Translation years = translate(ScheduleSpec.Form.SYSTEMD_CALENDAR, "2027-*-* 00:00", null, TimerOptions.NONE);
        assertThat(years.target()).isNull();
        assertThat(years.reasons()).containsExactly(
                "OnCalendar=2027-*-* 00:00 restricts years, which Prefect cron and our RRULEs cannot express");
        assertThat(translate(ScheduleSpec.Form.SYSTEMD_CALENDAR, "*:*:00.25", null, TimerOptions.NONE).reasons())
                .containsExactly("OnCalendar=*:*:00.25 fires at fractions of a second, which Prefect schedules cannot express");
    }

    @Test
    void timerOptionsMakeItInexact() {
        Translation t = translate(ScheduleSpec.Form.SYSTEMD_CALENDAR, "daily", null,
                new TimerOptions(Duration.ofMinutes(30), true, Duration.ofHours(1)));
        assertThat(t.proof().equal()).isTrue();
        assertThat(t.exact()).isFalse();
        assertThat(t.reasons()).containsExactly(
                "RandomizedDelaySec=30 minutes delays each start by a random amount; Prefect starts at the scheduled time",
                "Persistent=true runs a start missed while the machine was off as soon as it is back; "
                        + "Prefect has no such catch-up for times missed while its scheduler was down",
                "AccuracySec=1 hour lets systemd start the job up to that much later to batch wake-ups");
    }

    @Test
    void subDailyIntervalIsExactAndDailyIntervalDriftsAtDst() {
        Translation quarter = translate(ScheduleSpec.Form.SYSTEMD_MONOTONIC, "OnUnitActiveSec=15min", null, TimerOptions.NONE);
        assertThat(quarter.target().toYaml()).containsExactly(Map.entry("interval", 900L),
                Map.entry("anchor_date", "2019-12-31T23:00:00+00:00"), Map.entry("timezone", "Europe/Berlin"));
        assertThat(quarter.exact()).isTrue();
        // proven from one anchor: the spacing; systemd counts from the unit's last activation, so the minute is a choice
        assertThat(quarter.caveat()).contains("the legacy runs count from whenever the job last started")
                .contains("set it to a time the job ran");
        assertThat(translate(ScheduleSpec.Form.CRON_UNIX, "*/15 * * * *", null, TimerOptions.NONE).caveat())
                .as("a cron states its minutes").isNull();
        Translation daily = translate(ScheduleSpec.Form.SYSTEMD_MONOTONIC, "OnUnitActiveSec=1d", null, TimerOptions.NONE);
        assertThat(daily.exact()).isFalse();
        assertThat(daily.proof().explanation()).contains("then adds whole days on the calendar");
        Translation inactive = translate(ScheduleSpec.Form.SYSTEMD_MONOTONIC, "OnUnitInactiveSec=10min", null, TimerOptions.NONE);
        assertThat(inactive.exact()).isFalse();
        assertThat(inactive.reasons()).singleElement().asString().startsWith("the interval is counted from the end");
    }

    /**
     * Whole days from an unknown start: before, "PT24H"/"P1D" without an anchor was proven exact at Prefect's default
     * anchor (midnight) in a zone without DST, though nothing said the job ran at midnight. After, it is not exact and
     * says to set anchor_date; sub-day intervals and intervals with a start keep their exact translation.
     */
    @Test
    void wholeDaysWithoutAStartAreNotExact() {
        Translation daily = translate(ScheduleSpec.Form.INTERVAL, "P1D", "UTC", TimerOptions.NONE);
        assertThat(daily.target().toYaml()).containsExactly(Map.entry("interval", 86400L),
                Map.entry("anchor_date", "2020-01-01T00:00"), Map.entry("timezone", "UTC"));
        assertThat(daily.proof().equal()).isTrue();
        assertThat(daily.exact()).isFalse();
        assertThat(daily.reasons()).singleElement().asString().isEqualTo("the legacy job ran every 1 day from whenever it "
                + "was started, at a time of day the source does not state; the deployment counts from the anchor_date "
                + "written, 2020-01-01T00:00, so it runs at 00:00 (without one, Prefect counts from the moment the deployment is "
                + "created): set anchor_date to a time the job ran");
        assertThat(translate(ScheduleSpec.Form.SYSTEMD_MONOTONIC, "OnUnitActiveSec=1w", "UTC", TimerOptions.NONE).exact())
                .isFalse();
        assertThat(translate(ScheduleSpec.Form.INTERVAL, "PT23H", "UTC", TimerOptions.NONE).exact()).isTrue();
        assertThat(translate(ScheduleSpec.Form.INTERVAL, "R/2020-01-01T10:30/P1D", "UTC", TimerOptions.NONE).exact()).isTrue();
    }

    /**
     * A deadline (the schedule library's until()): before, every translation ran on forever and only a finding said so;
     * now a schedule that is or can be an RRULE ends with UNTIL and is proven with the deadline on both sides, and a
     * cron or interval that cannot keeps its target and says why it is not exact.
     */
    @Test
    void aDeadlineEndsTheRruleOrIsAReason() {
        java.time.LocalDateTime last = java.time.LocalDateTime.parse("2027-04-02T18:00");
        Schedule daily = Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "0 7 * * 1-5", "UTC", SourceRef.file("x")), BERLIN);
        Translation t = PrefectTranslator.translate(new Schedule.Until(daily, last), TimerOptions.NONE, NOW);
        assertThat(t.target().toYaml()).containsExactly(
                Map.entry("rrule", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=7;BYMINUTE=0;BYSECOND=0;UNTIL=20270402T180000"),
                Map.entry("timezone", "UTC"));
        assertThat(t.exact()).as(t.proof().explanation()).isTrue();
        assertThat(FireTimes.prefect(t.target(), java.time.Instant.parse("2027-03-31T00:00:00Z"), 5))
                .extracting(z -> z.toLocalDateTime().toString()).containsExactly("2027-03-31T07:00", "2027-04-01T07:00",
                        "2027-04-02T07:00");
        Schedule everyTwo = Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.INTERVAL, "R/2020-01-01T10:30/P2D", null, SourceRef.file("x")),
                BERLIN);
        Translation berlin = PrefectTranslator.translate(new Schedule.Until(everyTwo, last), TimerOptions.NONE, NOW);
        assertThat(berlin.target().rrule()).isEqualTo("FREQ=DAILY;INTERVAL=2;BYHOUR=10;BYMINUTE=30;BYSECOND=0;UNTIL=20270402T180000");
        assertThat(berlin.exact()).as(berlin.proof().explanation()).isTrue();
        Schedule minutes = Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.INTERVAL, "PT10M", null, SourceRef.file("x")), BERLIN);
        Translation interval = PrefectTranslator.translate(new Schedule.Until(minutes, last), TimerOptions.NONE, NOW);
        assertThat(interval.target().interval()).hasToString("PT10M");
        assertThat(interval.exact()).isFalse();
        assertThat(interval.reasons()).containsExactly("the legacy job stopped after 2027-04-02T18:00; Prefect 3 interval "
                + "schedules of this kind have no end date: pause or delete the deployment's schedule then");
        // must not change: without a deadline the same schedules translate as before
        assertThat(PrefectTranslator.translate(daily, TimerOptions.NONE, NOW).target().cron()).isEqualTo("0 7 * * 1-5");
        assertThat(PrefectTranslator.translate(everyTwo, TimerOptions.NONE, NOW).target().rrule())
                .isEqualTo("FREQ=DAILY;INTERVAL=2;BYHOUR=10;BYMINUTE=30;BYSECOND=0");
    }

    /**
     * A deadline on an RRULE: the rule is read by the one RRULE parser and written back with UNTIL. Before, a reader of
     * only the rules we write ended none of these: a rule without BYSECOND, in lower case or of another frequency kept
     * running (and became the cron it was proven to be); an ordinal day was written as an empty {@code BYDAY=}, which
     * dateutil refuses; and a rule's own earlier UNTIL was moved to the later deadline, so it fired after it had ended.
     */
    @Test
    void aDeadlineEndsAnyRruleDateutilReads() {
        java.time.LocalDateTime last = java.time.LocalDateTime.parse("2027-04-02T18:00");
        Map<String, String> ended = new java.util.LinkedHashMap<>();
        ended.put("FREQ=DAILY;BYHOUR=9;BYMINUTE=0", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0;UNTIL=20270402T180000");
        ended.put("freq=daily;byhour=6;byminute=0;bysecond=0", "FREQ=DAILY;BYHOUR=6;BYMINUTE=0;BYSECOND=0;UNTIL=20270402T180000");
        ended.put("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0;UNTIL=20270402T180000");
        ended.put("FREQ=DAILY;BYDAY=1MO;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
                "FREQ=DAILY;BYDAY=1MO;BYHOUR=9;BYMINUTE=0;BYSECOND=0;UNTIL=20270402T180000");
        ended.put("FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0;UNTIL=20270301T000000",
                "FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=0;UNTIL=20270301T000000");
        ended.forEach((rule, written) -> {
            Translation t = PrefectTranslator.translate(new Schedule.Until(new Schedule.RRule(rule, BERLIN), last),
                    TimerOptions.NONE, NOW);
            assertThat(t.target().toYaml()).as(rule).containsExactly(Map.entry("rrule", written),
                    Map.entry("timezone", "Europe/Berlin"));
            assertThat(t.exact()).as(rule + ": " + t.reasons()).isTrue();
            assertThat(RRuleParser.read(written).rule()).isEqualTo(RRuleParser.read(rule).rule().endingBy(last));
        });
        // must not change: a rule that counts its runs gets no UNTIL beside its COUNT, and says the deadline is not kept
        Translation counted = PrefectTranslator.translate(new Schedule.Until(new Schedule.RRule(
                "FREQ=DAILY;COUNT=500;BYHOUR=9;BYMINUTE=0", BERLIN), last), TimerOptions.NONE, NOW);
        assertThat(counted.target().rrule()).isEqualTo("FREQ=DAILY;COUNT=500;BYHOUR=9;BYMINUTE=0");
        assertThat(counted.exact()).isFalse();
        assertThat(counted.reasons()).singleElement().asString().startsWith("the legacy job stopped after 2027-04-02T18:00");
    }

    /**
     * Whose interval it is decides the anchor written: a legacy loop's gets {@code anchor_date: 2020-01-01T00:00} (the
     * phase its proof counts from, for the user to set), a Prefect deployment's own keeps none, as Prefect counts it
     * from the deployment's creation before and after the move; a stated anchor is kept for both.
     */
    @Test
    void aPrefectDeploymentsOwnIntervalKeepsNoAnchorWhereALegacyLoopGetsOne() {
        Schedule hourly = Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.INTERVAL, "PT1H", "UTC", SourceRef.file("x")), BERLIN);
        Translation own = PrefectTranslator.translate(hourly, TimerOptions.NONE, NOW, ScheduleOrigin.PREFECT_DEPLOYMENT);
        assertThat(own.target().toYaml()).containsExactly(Map.entry("interval", 3600L), Map.entry("timezone", "UTC"));
        assertThat(own.exact()).isTrue();
        assertThat(own.caveat()).isEqualTo("no anchor_date: Prefect counts the interval from the moment the deployment "
                + "is created, before the move and after it");
        Translation loop = PrefectTranslator.translate(hourly, TimerOptions.NONE, NOW);
        assertThat(loop.target().toYaml()).containsExactly(Map.entry("interval", 3600L),
                Map.entry("anchor_date", "2020-01-01T00:00"), Map.entry("timezone", "UTC"));
        assertThat(loop.exact()).isTrue();
        assertThat(loop.caveat()).startsWith("the legacy runs count from whenever the job last started");
        assertThat(own.proof().prefectTimes()).isEqualTo(loop.proof().prefectTimes());

        Schedule daily = Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.INTERVAL, "P1D", "UTC", SourceRef.file("x")), BERLIN);
        Translation ownDaily = PrefectTranslator.translate(daily, TimerOptions.NONE, NOW, ScheduleOrigin.PREFECT_DEPLOYMENT);
        assertThat(ownDaily.target().anchorDate()).isNull();
        assertThat(ownDaily.exact()).isFalse();
        assertThat(ownDaily.reasons()).singleElement().asString().startsWith("the deployment has no anchor_date");

        Schedule anchored = Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.INTERVAL, "R/2024-01-01T00:30+01:00/PT6H",
                "Europe/Paris", SourceRef.file("x")), BERLIN);
        assertThat(PrefectTranslator.translate(anchored, TimerOptions.NONE, NOW, ScheduleOrigin.PREFECT_DEPLOYMENT))
                .isEqualTo(PrefectTranslator.translate(anchored, TimerOptions.NONE, NOW));
    }

    /**
     * A legacy job that counts elapsed time from a stated start (APScheduler's IntervalTrigger(days=1, start_date=...)) in a
     * zone with daylight saving: Prefect 3 steps the days of an interval on the calendar of its timezone, so written in
     * Europe/Paris the runs move by an hour for half the year; written in UTC (the same instant as anchor_date) every
     * step is 24 elapsed hours, as the job's were.
     */
    @Test
    void aLegacyIntervalOfDaysFromAStatedStartIsWrittenInUtcWhereItsZoneHasDst() {
        Translation t = translate(ScheduleSpec.Form.INTERVAL, "R/2024-01-05T06:30+01:00/P1D", "Europe/Paris",
                TimerOptions.NONE);
        assertThat(t.target().toYaml()).containsExactly(Map.entry("interval", 86400L),
                Map.entry("anchor_date", "2024-01-05T05:30"), Map.entry("timezone", "UTC"));
        assertThat(t.exact()).as(t.proof().explanation()).isTrue();
        assertThat(t.caveat()).isEqualTo("written in UTC: the legacy job counts whole days in elapsed time, which drifts "
                + "an hour against the wall clock of Europe/Paris at each DST change; Prefect steps an interval's days on "
                + "the calendar of its timezone, which only in UTC is elapsed time");
        // hours stay in the job's zone (Prefect adds them in elapsed time), and so does a Prefect deployment's own interval
        assertThat(translate(ScheduleSpec.Form.INTERVAL, "R/2024-01-05T06:30+01:00/PT6H", "Europe/Paris",
                TimerOptions.NONE).target().timezone()).isEqualTo("Europe/Paris");
        Schedule own = Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.INTERVAL, "R/2024-01-05T06:30+01:00/P1D",
                "Europe/Paris", SourceRef.file("x")), BERLIN);
        assertThat(PrefectTranslator.translate(own, TimerOptions.NONE, NOW, ScheduleOrigin.PREFECT_DEPLOYMENT).target()
                .timezone()).isEqualTo("Europe/Paris");
        // a zone without DST keeps its name
        assertThat(translate(ScheduleSpec.Form.INTERVAL, "R/2024-01-05T06:30+09:00/P1D", "Asia/Tokyo",
                TimerOptions.NONE).target().timezone()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void repeatingIntervalKeepsItsStartAsTheAnchor() {
        Translation t = translate(ScheduleSpec.Form.INTERVAL, "R/2020-01-01T10:30/PT6H", "UTC", TimerOptions.NONE);
        assertThat(t.target().toYaml()).containsExactly(Map.entry("interval", 21600L),
                Map.entry("anchor_date", "2020-01-01T10:30"), Map.entry("timezone", "UTC"));
        assertThat(t.exact()).isTrue();
        assertThat(t.source().describe()).isEqualTo("every 6 hours on the wall clock from 2020-01-01T10:30 (UTC)");
        // the plain form gets the anchor migrate writes (Prefect's own default is the moment of creation)
        assertThat(translate(ScheduleSpec.Form.INTERVAL, "PT6H", "UTC", TimerOptions.NONE).target().anchorDate())
                .hasToString("2020-01-01T00:00");
        assertThatThrownBy(() -> translate(ScheduleSpec.Form.INTERVAL, "R/tomorrow/PT6H", "UTC", TimerOptions.NONE))
                .isInstanceOf(ScheduleSyntaxException.class).hasMessageContaining("bad start 'tomorrow'");
    }

    @Test
    void wallClockDaysBecomeAnIntervalWithoutDstAndAnRruleWithIt() {
        Translation utc = translate(ScheduleSpec.Form.INTERVAL, "R/2020-01-01T10:30/P2D", "UTC", TimerOptions.NONE);
        assertThat(utc.target().toYaml()).containsExactly(Map.entry("interval", 172800L),
                Map.entry("anchor_date", "2020-01-01T10:30"), Map.entry("timezone", "UTC"));
        assertThat(utc.exact()).as(utc.proof().explanation()).isTrue();
        // Prefect's interval would jump from a winter anchor in elapsed time and run at 11:30 in summer
        Translation berlin = translate(ScheduleSpec.Form.INTERVAL, "R/2020-01-01T10:30/P2D", null, TimerOptions.NONE);
        assertThat(berlin.target().toYaml()).containsExactly(
                Map.entry("rrule", "FREQ=DAILY;INTERVAL=2;BYHOUR=10;BYMINUTE=30;BYSECOND=0"), Map.entry("timezone", "Europe/Berlin"));
        assertThat(berlin.exact()).as(berlin.proof().explanation() + " " + berlin.reasons()).isTrue();
        assertThat(berlin.proof().sourceTimes()).allSatisfy(z -> assertThat(z.toLocalTime()).hasToString("10:30"));
        // 3 wall-clock hours across a change are 2 or 4 elapsed hours; no Prefect schedule counts them so
        Translation hours = translate(ScheduleSpec.Form.INTERVAL, "R/2020-01-01T00:20/PT3H", null, TimerOptions.NONE);
        assertThat(hours.target().interval()).hasToString("PT3H");
        assertThat(hours.exact()).isFalse();
        assertThat(hours.reasons()).singleElement().asString().contains("keeps its wall-clock time in Europe/Berlin");
    }

    /**
     * A zone that is a UTC offset (a Prefect 1 start's tzinfo, kept by pendulum as its offset) fires as proven, but
     * Prefect 3's timezone takes IANA names only: it was called exact with timezone +05:30, which Prefect rejects. A
     * whole-hour offset is given its Etc/GMT name, a part-hour one a person's choice.
     */
    @Test
    void aTimezoneThatIsAUtcOffsetIsNotExactAndSaysWhatToWrite() {
        Translation india = translate(ScheduleSpec.Form.CRON_PREFECT, "0 6 * * *", "+05:30", TimerOptions.NONE);
        assertThat(india.proof().equal()).isTrue();
        assertThat(india.exact()).isFalse();
        assertThat(india.reasons()).containsExactly("timezone +05:30 is a fixed UTC offset, and Prefect 3's timezone takes "
                + "IANA names only: no IANA name is a fixed offset of part of an hour (Etc/GMT-N are whole hours), so choose "
                + "an IANA zone whose offset stays +05:30 for as long as the deployment runs, which keeps these times");
        Translation minus5 = translate(ScheduleSpec.Form.CRON_PREFECT, "0 6 * * *", "-05:00", TimerOptions.NONE);
        assertThat(minus5.reasons()).singleElement().asString().contains("write Etc/GMT+5, its IANA name");
        assertThat(translate(ScheduleSpec.Form.CRON_PREFECT, "0 6 * * *", "Etc/GMT+5", TimerOptions.NONE).exact()).isTrue();
    }

    @Test
    void utcHasOneWindow() {
        Translation t = translate(ScheduleSpec.Form.CRON_UNIX, "0 3 * * *", "UTC", TimerOptions.NONE);
        assertThat(t.proof().explanation()).isEqualTo("the next 50 fire times agree in each of 1 window (UTC has no DST changes)");
    }

    @Test
    void quartzAndSpringGoThroughCronUtils() {
        Translation spring = translate(ScheduleSpec.Form.CRON_SPRING, "0 */5 * * * MON-FRI", null, TimerOptions.NONE);
        assertThat(spring.target().cron()).isEqualTo("*/5 * * * 1-5");
        assertThat(spring.exact()).isTrue();
        Translation quartz = translate(ScheduleSpec.Form.CRON_QUARTZ, "0 15 10 ? * 6", null, TimerOptions.NONE);
        assertThat(quartz.target().cron()).isEqualTo("15 10 * * 5");
    }

    // APScheduler's day="last" and day="1st mon" (session 19): read as croniter's L and D#N, whose days are checked
    // here against Prefect schedules written another way
    @Test
    void apschedulerLastDayAndNthWeekdayAreTheDaysTheySay() {
        Translation last = translate(ScheduleSpec.Form.CRON_APSCHEDULER, "30 23 L * *", "Europe/Berlin", TimerOptions.NONE);
        assertThat(last.target().cron()).isEqualTo("30 23 L * *");
        assertThat(last.exact()).isTrue();
        assertThat(last.proof().sourceTimes()).extracting(z -> z.toLocalDate().toString()).contains("2027-02-28", "2028-02-29");
        Schedule first = Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.CRON_APSCHEDULER, "0 6 * * 1#1",
                "Europe/Berlin", SourceRef.file("aps.py")), BERLIN);
        assertThat(ScheduleProver.prove(first, PrefectSchedule.cron("0 6 1-7 * 1", false, "Europe/Berlin"), NOW, 50)
                .equal()).isTrue();
        assertThat(ScheduleProver.prove(first, PrefectSchedule.cron("0 6 8-14 * 1", false, "Europe/Berlin"), NOW, 50)
                .equal()).isFalse();
    }

    // Quartz's last weekday of the month (6L, the last Friday) is croniter's L5 (session 19); the proof's legacy days
    // come from cron-utils' reading of the Quartz text
    @Test
    void quartzLastWeekdayIsCroniterLastWeekday() {
        Translation t = translate(ScheduleSpec.Form.CRON_QUARTZ, "0 0 18 ? * 6L", null, TimerOptions.NONE);
        assertThat(t.target().cron()).isEqualTo("0 18 * * L5");
        assertThat(t.exact()).isTrue();
        assertThat(t.source().describe()).endsWith(", on the last Friday of the month (Europe/Berlin)");
        assertThat(t.proof().sourceTimes()).extracting(z -> z.toLocalDate().toString())
                .contains("2027-01-29", "2027-02-26", "2027-12-31");
        Schedule source = Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.CRON_QUARTZ, "0 0 18 ? * 6L", null,
                SourceRef.file("x")), BERLIN);
        assertThat(ScheduleProver.prove(source, PrefectSchedule.cron("0 18 * * 5#4", true, "Europe/Berlin"), NOW, 50)
                .equal()).isFalse();
    }

    // Quartz's last day of the month and N-th weekday were untranslatable; croniter reads both the same way
    @Test
    void quartzLastDayAndNthWeekdayAreProvenAgainstCronUtilsDays() {
        Translation last = translate(ScheduleSpec.Form.CRON_QUARTZ, "0 0 12 L * ?", null, TimerOptions.NONE);
        assertThat(last.target().cron()).isEqualTo("0 12 L * *");
        assertThat(last.exact()).isTrue();
        assertThat(last.proof().compared()).isEqualTo(100);
        assertThat(last.source().describe()).endsWith(", on the last day of the month (Europe/Berlin)");
        assertThat(last.proof().sourceTimes()).extracting(z -> z.toLocalDate().toString())
                .contains("2027-02-28", "2027-04-30", "2028-02-29");
        Translation third = translate(ScheduleSpec.Form.CRON_QUARTZ, "0 30 9 ? * FRI#3", null, TimerOptions.NONE);
        assertThat(third.target().cron()).isEqualTo("30 9 * * 5#3");
        assertThat(third.exact()).isTrue();
        assertThat(third.proof().sourceTimes()).extracting(z -> z.toLocalDate().toString())
                .contains("2027-01-15", "2027-02-19", "2027-10-15");
        Translation spring = translate(ScheduleSpec.Form.CRON_SPRING, "0 0 8 ? * 1#1", "UTC", TimerOptions.NONE);
        assertThat(spring.target().cron()).isEqualTo("0 8 * * 1#1");
        assertThat(spring.exact()).isTrue();
        // cron-utils' Spring reading has no L (seen in the sweep on a Spring @Scheduled("0 0 1 L * ?"))
        Translation springLast = translate(ScheduleSpec.Form.CRON_SPRING, "0 0 1 L * ?", null, TimerOptions.NONE);
        assertThat(springLast.target().cron()).isEqualTo("0 1 L * *");
        assertThat(springLast.exact()).isTrue();
        // the legacy days come from cron-utils' reading of the Quartz text, not from the croniter reading: a wrong
        // translation is caught
        Schedule source = Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.CRON_QUARTZ, "0 30 9 ? * FRI#3", null,
                SourceRef.file("x")), BERLIN);
        ScheduleProof wrong = ScheduleProver.prove(source, PrefectSchedule.cron("30 9 * * 5#4", true, "Europe/Berlin"),
                NOW, 50);
        assertThat(wrong.equal()).isFalse();
        assertThat(ScheduleProver.prove(source, PrefectSchedule.cron("30 9 15-21 * 5", false, "Europe/Berlin"), NOW, 50)
                .equal()).isTrue();
        // what the rewrite writes for it is read back as croniter reads it (scan of the rewritten tree said 'L' is not
        // a valid day-of-month value); a Vixie cron still has no L
        Schedule deployed = Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "15 6 L * *", null,
                SourceRef.at("prefect/prefect.yaml", 12, 11)), BERLIN);
        Translation back = PrefectTranslator.translate(deployed, TimerOptions.NONE, NOW);
        assertThat(back.target().cron()).isEqualTo("15 6 L * *");
        assertThat(back.exact()).isTrue();
        assertThatThrownBy(() -> Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "15 6 LW * *", null,
                SourceRef.at("prefect/prefect.yaml", 12, 11)), BERLIN)).isInstanceOf(ScheduleSyntaxException.class);
        // a crontab line: cron refuses it
        assertThatThrownBy(() -> cron("15 6 L * *")).isInstanceOf(ScheduleSyntaxException.class)
                .hasMessageContaining("day-of-month");
        // W, LW and L-n stay untranslatable (a day-of-week L is croniter's LD: see the test below)
        for (String quartz : java.util.List.of("0 0 9 15W * ?", "0 0 9 LW * ?", "0 0 9 L-2 * ?")) {
            assertThatThrownBy(() -> translate(ScheduleSpec.Form.CRON_QUARTZ, quartz, null, TimerOptions.NONE))
                    .isInstanceOf(ScheduleSyntaxException.class);
        }
    }

    /**
     * Before: "unknown schedule: '*' + '/6 * * * * *' fires on seconds" with no Prefect schedule. Every 6 seconds of every
     * minute is an interval of 6 seconds in step with the minute; the proof reads the Spring side from cron-utils, over
     * the windows around both DST changes of the zone.
     */
    @Test
    void aSpringCronOnSecondsDividingAMinuteIsAnExactInterval() {
        Translation t = translate(ScheduleSpec.Form.CRON_SPRING, "*/6 * * * * *", null, TimerOptions.NONE);
        assertThat(t.source().describe()).isEqualTo("every 6 seconds (at seconds 0, 6, 12... of every minute) (Europe/Berlin)");
        assertThat(t.target().toYaml()).containsEntry("interval", 6L).containsEntry("timezone", "Europe/Berlin");
        assertThat(t.exact()).isTrue();
        assertThat(t.proof().compared()).isEqualTo(100);
        assertThat(t.proof().explanation()).contains("around the DST changes of Europe/Berlin");
        assertThat(t.proof().sourceTimes()).allSatisfy(z -> assertThat(z.getSecond() % 6).isZero());
        assertThat(t.caveat()).isNull(); // its phase is the source's: every whole minute, not a chosen anchor
        // Quartz's forms of the same: in UTC an exact interval; in Berlin Quartz leaves out the first pass of the repeated
        // hour (DstRule.QUARTZ, quartz-scheduler/quartz#1104), which Prefect's elapsed interval runs
        assertThat(translate(ScheduleSpec.Form.CRON_QUARTZ, "0/15 * * * * ?", "UTC", TimerOptions.NONE).exact()).isTrue();
        Translation quartz = translate(ScheduleSpec.Form.CRON_QUARTZ, "0/15 * * * * ?", null, TimerOptions.NONE);
        assertThat(quartz.exact()).isFalse();
        assertThat(quartz.proof().explanation()).endsWith("around the fall-back change on 2027-10-31 (Europe/Berlin): "
                + "Quartz fires the 240 times from 02:00 to 02:59:45 once on 2027-10-31 in Europe/Berlin, at their second "
                + "pass (+01:00); Prefect 3 twice (+02:00 and +01:00)");
        assertThat(translate(ScheduleSpec.Form.CRON_QUARTZ, "0/15 * * * * ? *", "UTC", TimerOptions.NONE).target().interval())
                .isEqualTo(Duration.ofSeconds(15));
        // every second (found by the sweep: the proof read cron-utils' times with the start's nanoseconds kept)
        for (String everySecond : java.util.List.of("0/1 * * * * *", "* * * * * *")) {
            Translation second = translate(ScheduleSpec.Form.CRON_SPRING, everySecond, null, TimerOptions.NONE);
            assertThat(second.exact()).as(everySecond).isTrue();
            assertThat(second.target().interval()).isEqualTo(Duration.ofSeconds(1));
        }
        // the seconds it names exist (the sweep's 0/30 read "at seconds 0, 30, 60...")
        assertThat(translate(ScheduleSpec.Form.CRON_SPRING, "0/30 * * * * *", "UTC", TimerOptions.NONE).source().describe())
                .isEqualTo("every 30 seconds (at seconds 0 and 30 of every minute) (UTC)");
        assertThat(translate(ScheduleSpec.Form.CRON_SPRING, "*/20 * * * * *", "UTC", TimerOptions.NONE).source().describe())
                .isEqualTo("every 20 seconds (at seconds 0, 20 and 40 of every minute) (UTC)");
        assertThat(translate(ScheduleSpec.Form.CRON_SPRING, "* * * * * *", "UTC", TimerOptions.NONE).source().describe())
                .isEqualTo("every 1 second (every second of every minute) (UTC)");
        // a step that does not divide 60 restarts at each minute (0, 7, ... 56, then 0): no interval
        assertThatThrownBy(() -> translate(ScheduleSpec.Form.CRON_SPRING, "*/7 * * * * *", null, TimerOptions.NONE))
                .isInstanceOf(ScheduleSyntaxException.class);
        // seconds in office hours only are not an interval either
        assertThatThrownBy(() -> translate(ScheduleSpec.Form.CRON_SPRING, "*/10 * 9-17 * * *", null, TimerOptions.NONE))
                .isInstanceOf(ScheduleSyntaxException.class);
    }

    @Test
    void descriptionsAreHuman() {
        assertThat(Schedules.interpret(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "0 6 */2 * 1", null,
                SourceRef.file("x")), BERLIN).describe()).endsWith("(day-of-month AND day-of-week) (Europe/Berlin)");
        assertThat(new Schedule.Interval(Duration.ofMinutes(90), null, BERLIN, false).describe())
                .isEqualTo("every 1 hour 30 minutes (Europe/Berlin)");
        assertThat(new Schedule.AtBoot("OnBootSec", Duration.ofMinutes(5)).describe())
                .isEqualTo("once at boot, 5 minutes after it (OnBootSec)");
    }
}
