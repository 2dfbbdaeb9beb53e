package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.migrate.analyzers.model.ScheduleSpec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * The legacy side of a Spring or Quartz cron's proof ({@link FireTimes#source}, walked by {@link DstRule#SPRING} and
 * {@link DstRule#QUARTZ}) against each library's rule brute-forced minute by minute (every 15 seconds for a cron on
 * seconds) in the windows of {@link SpringQuartzZoneFreeTest}: two hours either side of every 2026 DST change of eight
 * zones, Lord Howe's half-hour change and Chatham's 02:45 one among them. Which local times match is cron-utils' reading
 * of the text, not ours. Spring: every instant whose local time matches fires (a skipped time never, a repeated one at
 * both passes). Quartz: an instant fires when its local time matches and the JDK's lenient GregorianCalendar, given that
 * wall time field by field as Quartz sets it, resolves it to that very instant (so only the second pass of a repeated
 * hour, and no skipped time).
 */
class SpringQuartzDstFireTimesTest {
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final List<String> SPRING_CRONS = List.of("0 30 2 * * *", "0 30 1 * * *", "0 0/15 * * * *",
            "0 0 * * * *", "0 15,45 1-3 * * *", "0 45 2 * * *", "0 10 0-4 * * SUN",
            "*/30 * * * * *");
    private static final List<String> QUARTZ_CRONS = List.of("0 30 2 * * ?", "0 30 1 * * ?", "0 0/15 * * * ?",
            "0 0 * * * ?", "0 15,45 1-3 * * ?", "0 45 2 * * ?", "0 10 0-4 ? * SUN", "0/30 * * * * ?");

    /** The model's fire times in the windows: the first ones from each window's start, up to its end. */
    private static List<Instant> model(ScheduleSpec.Form form, String expression, String zone, List<Instant> windows) {
        Schedule s = Schedules.interpret(new ScheduleSpec(form, expression, zone, SpringQuartzZoneFreeTest.AT),
                ZoneId.of("UTC"));
        List<Instant> out = new ArrayList<>();
        for (Instant start : windows) {
            Instant end = start.plus(SpringQuartzZoneFreeTest.WINDOW);
            // more fire times than a window holds: four hours of half-minutes, or of minutes
            int n = s instanceof Schedule.SecondsCron ? 600 : 300;
            for (ZonedDateTime t : FireTimes.source(s, start, n)) {
                if (t.toInstant().isBefore(end)) {
                    out.add(t.toInstant());
                }
            }
        }
        return out;
    }

    /**
     * The windows to look at a cron in: all of them, or for a cron on seconds (thousands of fire times a window) those
     * around the zone's own changes, the only ones where its zone's rule can show.
     */
    private static List<Instant> windows(String cron, String zone) {
        List<Instant> all = SpringQuartzZoneFreeTest.windowStarts();
        if (cron.startsWith("0 ")) {
            return all;
        }
        java.time.zone.ZoneRules rules = ZoneId.of(zone).getRules();
        return all.stream().filter(w -> {
            java.time.zone.ZoneOffsetTransition next = rules.nextTransition(w);
            return next != null && next.getInstant().isBefore(w.plus(SpringQuartzZoneFreeTest.WINDOW));
        }).toList();
    }

    /** The instant Quartz's Calendar gives the local time of {@code t}, set field by field in {@code zone}. */
    private static Instant quartzCalendar(Instant t, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(t, zone);
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(zone));
        c.clear();
        c.set(local.getYear(), local.getMonthValue() - 1, local.getDayOfMonth(), local.getHour(), local.getMinute(),
                local.getSecond());
        c.set(Calendar.MILLISECOND, 0);
        return c.getTime().toInstant();
    }

    @Test
    void springFiresEveryInstantWhoseLocalTimeMatches() {
        for (String zone : SpringQuartzZoneFreeTest.ZONES) {
            for (String cron : SPRING_CRONS) {
                List<Instant> windows = windows(cron, zone);
                List<Instant> oracle = SpringQuartzZoneFreeTest.matches(cron, zone, windows);
                assertThat(model(ScheduleSpec.Form.CRON_SPRING, cron, zone, windows)).as(cron + " in " + zone)
                        .isEqualTo(oracle);
            }
        }
    }

    @Test
    void quartzFiresTheInstantsItsCalendarResolvesTheMatchingLocalTimesTo() {
        for (String zone : SpringQuartzZoneFreeTest.ZONES) {
            for (String cron : QUARTZ_CRONS) {
                List<Instant> windows = windows(cron, zone);
                List<Instant> oracle = SpringQuartzZoneFreeTest.matches(QUARTZ, cron, zone, windows).stream()
                        .filter(t -> quartzCalendar(t, ZoneId.of(zone)).equals(t)).toList();
                assertThat(model(ScheduleSpec.Form.CRON_QUARTZ, cron, zone, windows)).as(cron + " in " + zone)
                        .isEqualTo(oracle);
            }
        }
    }

    /** The oracles see the changes: without them the two tests above could pass on any walk that ignores DST. */
    @Test
    void theOraclesPartAtTheChanges() {
        List<Instant> windows = SpringQuartzZoneFreeTest.windowStarts();
        ZoneId newYork = ZoneId.of("America/New_York");
        List<Instant> spring = SpringQuartzZoneFreeTest.matches("0 30 1 * * *", "America/New_York", windows);
        // both passes of 01:30 on 2026-11-01
        assertThat(spring).contains(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-01T06:30:00Z"));
        assertThat(SpringQuartzZoneFreeTest.matches("0 30 2 * * *", "America/New_York", windows))
                .noneMatch(t -> t.atZone(newYork).toLocalDate().toString().equals("2026-03-08"));
        List<Instant> quartz = SpringQuartzZoneFreeTest.matches(QUARTZ, "0 30 1 * * ?", "America/New_York", windows)
                .stream().filter(t -> quartzCalendar(t, newYork).equals(t)).toList();
        assertThat(quartz).contains(Instant.parse("2026-11-01T06:30:00Z")).doesNotContain(Instant.parse("2026-11-01T05:30:00Z"));
        // and the model differs from Prefect 3's rule there: croniter runs the first pass only, a skipped time later
        List<ZonedDateTime> prefect = FireTimes.prefect(PrefectSchedule.cron("30 1 * * *", true, "America/New_York"),
                Instant.parse("2026-10-31T12:00:00Z"), 2);
        assertThat(prefect).extracting(ZonedDateTime::toInstant)
                .containsExactly(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z"));
    }
}
