package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Which six-field Spring crons fire alike in every zone, checked against Spring's own rule: its {@code CronExpression}
 * rolls minutes and hours forward in elapsed time, so a cron fires at every instant whose local time its fields match
 * (a time a spring-forward change skips never fires, as Spring's own daylightSaving test has for {@code 0 10 2 * * *};
 * both passes of a repeated hour do). Which instants match is cron-utils' reading of the Spring text, not ours, in zones
 * with every kind of offset, around every DST change those zones have in 2026. Quartz crons never qualify: Quartz sets
 * the hour of a Calendar in the trigger's zone, and the JDK's Calendar reads a repeated hour as its second pass.
 */
class SpringQuartzZoneFreeTest {
    static final SourceRef AT = SourceRef.at("src/main/java/Jobs.java", 1, 1);
    /** Whole-hour, :30 (India, Newfoundland with DST), :45 (Nepal, Chatham with DST), Lord Howe (DST of 30 minutes). */
    static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
            "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham", "Australia/Lord_Howe");
    private static final CronParser SPRING = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));
    /** How long each window is looked at: two hours either side of a DST change. */
    static final Duration WINDOW = Duration.ofHours(4);

    private static ScheduleSpec spring(String expression) {
        return new ScheduleSpec(ScheduleSpec.Form.CRON_SPRING, expression, null, AT);
    }

    private static ScheduleSpec quartz(String expression) {
        return new ScheduleSpec(ScheduleSpec.Form.CRON_QUARTZ, expression, null, AT);
    }

    /**
     * Two hours either side of each DST change of the zones in 2026, where a zone's reading could differ, and the
     * hours around the start of a Saturday, 1 August, in every zone, where a rule of weekdays, days or months would.
     */
    static List<Instant> windowStarts() {
        TreeSet<Instant> starts = new TreeSet<>();
        for (String zone : ZONES) {
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (ZoneOffsetTransition tr; (tr = ZoneId.of(zone).getRules().nextTransition(t)) != null
                    && tr.getInstant().isBefore(Instant.parse("2027-01-01T00:00:00Z")); t = tr.getInstant()) {
                starts.add(tr.getInstant().minus(WINDOW.dividedBy(2)));
            }
        }
        // Saturday 1 August: from Chatham's midnight (11:15 UTC the day before) to New York's (04:00 UTC)
        for (int h = 0; h < 20; h += 4) {
            starts.add(Instant.parse("2026-07-31T10:00:00Z").plus(Duration.ofHours(h)));
        }
        return List.copyOf(starts);
    }

    /**
     * The instants in the windows whose local time in {@code zone} the Spring cron's fields match, looked at every
     * minute, and every 15 seconds for a cron whose seconds are not 0 (each test expression's seconds are multiples of
     * 15). The local times that match are cron-utils' fire times on a clock without DST (UTC), over the local times
     * the window has in the zone.
     */
    static List<Instant> matches(String expression, String zone, List<Instant> windows) {
        return matches(SPRING, expression, zone, windows);
    }

    /** {@link #matches(String, String, List)} of a cron in the dialect {@code parser} reads. */
    static List<Instant> matches(CronParser parser, String expression, String zone, List<Instant> windows) {
        ZoneId z = ZoneId.of(zone);
        Duration step = expression.startsWith("0 ") ? Duration.ofMinutes(1) : Duration.ofSeconds(15);
        List<Instant> out = new ArrayList<>();
        for (Instant start : windows) {
            // the local times the window's instants have in the zone, with an hour to spare either side
            LocalDateTime from = LocalDateTime.ofInstant(start, z).minusHours(1);
            LocalDateTime to = LocalDateTime.ofInstant(start.plus(WINDOW), z).plusHours(1);
            Set<LocalDateTime> local = LOCAL_MATCHES.computeIfAbsent(List.of(parser, expression, from, to),
                    k -> localMatches(parser, expression, from, to));
            for (Instant t = start; t.isBefore(start.plus(WINDOW)); t = t.plus(step)) {
                if (local.contains(LocalDateTime.ofInstant(t, z))) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static final java.util.Map<List<Object>, Set<LocalDateTime>> LOCAL_MATCHES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** cron-utils' fire times from {@code from} to {@code to} on a clock without DST (UTC): the local times that match. */
    private static Set<LocalDateTime> localMatches(CronParser parser, String expression, LocalDateTime from,
                                                   LocalDateTime to) {
        ExecutionTime times = ExecutionTime.forCron(parser.parse(expression));
        Set<LocalDateTime> local = new HashSet<>();
        ZonedDateTime end = to.atZone(ZoneOffset.UTC);
        for (Optional<ZonedDateTime> t = times.nextExecution(from.atZone(ZoneOffset.UTC));
                t.isPresent() && t.get().isBefore(end); t = times.nextExecution(t.get())) {
            local.add(t.get().toLocalDateTime());
        }
        return local;
    }

    /** Whether the matching instants are the same in every zone; stops at the first zone that differs. */
    private static boolean sameInstantsEverywhere(String expression) {
        List<Instant> windows = windowStarts();
        List<Instant> utc = matches(expression, "UTC", windows);
        return ZONES.stream().allMatch(z -> matches(expression, z, windows).equals(utc));
    }

    @Test
    void theWindowsCoverTheChangesOfTheNorthAndTheSouth() {
        // New York, Berlin, St John's, Chatham, Lord Howe: two changes each, some on the same night
        assertThat(windowStarts()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void aSpringCronFiringAtQuarterHoursOfEveryHourFiresAlikeInEveryZone() {
        for (String every : List.of("0 */15 * * * *", "0 0/15 * * * ?", "30 */15 * * * *", "0 */15 0-23 ? JAN-DEC *")) {
            assertThat(sameInstantsEverywhere(every)).as("the matching instants of " + every).isTrue();
        }
        for (String every : List.of("0 */15 * * * *", "0 0/15 * * * ?", "30 */15 * * * *", "0 */15 0-23 ? JAN-DEC *",
                "15,45 0,15,30,45 * * * ?", "*/15 */5 * * * *", "0 * * * * *", "* * * * * *", "0 5-59/15 * * * ?")) {
            assertThat(ZoneFreeSchedules.firesAlikeInEveryZone(spring(every))).as(every).isTrue();
        }
    }

    @Test
    void aSpringCronWhoseMinutesSomeOffsetMovesOrWithAnHourOrADayDependsOnTheZone() {
        // 0 0 2: a time of day; */30: Nepal's +05:45; 0 0 *: India's +05:30; the rest restrict an hour, a day or a month
        for (String zoned : List.of("0 0 2 * * *", "0 */30 * * * *", "0 0 * * * *", "0 */15 0-22 * * *",
                "0 */15 * * * MON-FRI", "0 */15 * 1 * ?", "0 */15 * ? 7 *")) {
            assertThat(sameInstantsEverywhere(zoned)).as("the matching instants of " + zoned).isFalse();
        }
        for (String zoned : List.of("0 0 2 * * *", "0 */30 * * * *", "0 0 * * * *", "0 */15 0-22 * * *",
                "0 */15 * * * MON-FRI", "0 */15 * 1 * ?", "0 */15 * ? 7 *", "0 */10 * * * ?", "30 7 * * * *",
                "0 */15 9-17 * * *", "0 */15 * 1-31 * ?", "0 */15 * ? * 0-7")) {
            assertThat(ZoneFreeSchedules.firesAlikeInEveryZone(spring(zoned))).as(zoned).isFalse();
        }
    }

    /**
     * Must not change: Quartz's and Spring's special days name days (the last of the month, the N-th weekday, the
     * nearest weekday), a macro names an hour or a day, and other texts are no Spring cron.
     */
    @Test
    void specialDaysMacrosAndOtherTextsAreNeverZoneFree() {
        for (String special : List.of("0 */15 * L * ?", "0 */15 * ? * MON#1", "0 */15 * 15W * ?", "0 */15 * LW * ?",
                "0 */15 * ? * 5L", "0 */15 * L-3 * ?", "@hourly", "@daily", "*/15 * * * *", "0 */15 * * * * *",
                "0 */15 * * * * 2027", "0 */15 24 * * *", "0 */0 * * * *", "0 */15 * * 13 *", "60 */15 * * * *")) {
            assertThat(ZoneFreeSchedules.firesAlikeInEveryZone(spring(special))).as(special).isFalse();
        }
    }

    /**
     * Quartz's CronExpression moves to the next hour by setting HOUR_OF_DAY on a GregorianCalendar in the trigger's zone;
     * the JDK reads the repeated 01:00 of New York's autumn change as its second pass (EST), so a quarter-hourly trigger
     * goes from 00:45 EDT to 01:00 EST and the first pass never fires there, while in UTC it does: no Quartz cron is
     * zone-free, whatever its fields (quartz-scheduler/quartz#1104 reports the hour's gap).
     */
    @Test
    void quartzReadsARepeatedHourOnceSoNoQuartzCronIsZoneFree() {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("America/New_York"));
        calendar.setTime(java.util.Date.from(Instant.parse("2026-11-01T04:45:00Z"))); // 00:45 EDT
        calendar.set(java.util.Calendar.MINUTE, 0);
        calendar.set(java.util.Calendar.HOUR_OF_DAY, 1);
        assertThat(calendar.getTime().toInstant()).isEqualTo(Instant.parse("2026-11-01T06:00:00Z")); // 01:00 EST
        for (String every : List.of("0 0/15 * * * ?", "0 */15 * * * ?", "0 0/15 * ? * *", "0 0/15 * * * ? *",
                "0 * * * * ?", "0/15 * * * * ?")) {
            assertThat(ZoneFreeSchedules.firesAlikeInEveryZone(quartz(every))).as(every).isFalse();
        }
    }
}
