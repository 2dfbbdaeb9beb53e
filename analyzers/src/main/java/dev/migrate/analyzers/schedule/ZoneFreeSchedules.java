package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.model.ScheduleSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesProvider;
import java.util.BitSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which wall-clock schedules fire at the same instants in every zone, so that not knowing the zone they are read in
 * changes nothing. A schedule that fires every hour of every day, at minutes the offsets of the world's zones leave
 * where they are ({@code *}/15 past, {@code *}/5), is one: an offset of whole hours moves every hour onto another
 * hour, which fires too, and an offset of :30 or :45 moves :00 onto :30 or :45, which fire too. Under Vixie cron DST
 * moves nothing either: a job whose hour is a wildcard fires by the clock as it runs, through a skipped hour and both
 * passes of a repeated one. Spring's {@code CronExpression} does the same with a six-field cron whose hour, days and
 * months are open ({@code 0 *}{@code /15 * * * *}, {@code 0 0/15 * * * ?}): it rolls minutes and hours forward in
 * elapsed time, so it fires at every instant whose local time matches, a repeated hour twice and a skipped one never;
 * its seconds field, whatever it holds, is the same in every zone (offsets are whole minutes). The rest have DST rules
 * of their own that make the zone matter: systemd elapses a repeated local time once (an {@code *:0/15} timer skips an
 * hour at the autumn change, in zones that have one); Quartz sets the hour of a {@code java.util.Calendar} in the
 * trigger's zone, which reads a repeated local time as its second pass only, so {@code 0 0/15 * * * ?} stops for the
 * first pass of the repeated hour; and APScheduler, Celery, the schedule library and Prefect's croniter fire a repeated
 * time once too (their fire times, as {@link FireTimes} computes them, differ between zones). {@code *}/10 is not one
 * (Nepal's +05:45 moves :00 to :45), nor {@code 7 * * * *} (India's +05:30). Which minute parts offsets have is read
 * from the zone rules the JVM carries (each zone's offset now and after its next change), not written here: a zone
 * that changes to a new quarter-hour offset shows up when the JVM's tzdata does.
 */
public final class ZoneFreeSchedules {
    private static final int HOUR_MINUTES = 60;

    /** The minutes past the hour of every zone's offsets, modulo 60 (0, 30, 45); null when one has seconds. */
    private static final Set<Integer> OFFSET_MINUTES = offsetMinutes(Instant.now());

    private ZoneFreeSchedules() {
    }

    /**
     * Whether the schedule fires at the same instants whatever zone it is read in: a crontab line whose only
     * restricted field is the minute, or a Spring cron whose only restricted fields are the second and the minute, with
     * a minute set every zone's offset maps onto itself. False for anything else (Quartz and the other schedulers' forms
     * too, see above), and for what does not parse.
     */
    public static boolean firesAlikeInEveryZone(ScheduleSpec spec) {
        BitSet minutes = switch (spec.form()) {
            case CRON_UNIX -> cronMinutes(spec.expression());
            case CRON_SPRING -> SpringCronFields.parse(spec.expression())
                    .filter(SpringCronFields::everyHourOfEveryDay).map(f -> f.minutes).orElse(null);
            default -> null;
        };
        return minutes != null && invariant(minutes, OFFSET_MINUTES);
    }

    /** Whether shifting every minute of {@code minutes} by each of {@code shifts} (mod 60) gives the same set. */
    static boolean invariant(BitSet minutes, Set<Integer> shifts) {
        if (shifts == null || minutes.isEmpty()) {
            return false;
        }
        for (int shift : shifts) {
            for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                if (!minutes.get((m + shift) % HOUR_MINUTES)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether a five-field cron (a Spring cron's reading, {@link Schedules}) fires every hour of every day at minutes
     * every zone's offsets leave in place: its instants are the same read in any zone, UTC included.
     */
    static boolean firesAlikeInEveryZone(CronExpression cron) {
        BitSet minutes = cronMinutes(cron);
        return minutes != null && invariant(minutes, OFFSET_MINUTES);
    }

    /** The minutes of a cron that fires every hour of every day of every month; null for any other. */
    private static BitSet cronMinutes(String expression) {
        CronExpression cron;
        try {
            cron = CronExpression.parse(expression);
        } catch (RuntimeException notFiveFields) {
            return null;
        }
        return cronMinutes(cron);
    }

    private static BitSet cronMinutes(CronExpression cron) {
        if (cron.sourceDays() != null || !cron.full(CronField.HOUR) || !cron.full(CronField.DAY_OF_MONTH) || !cron.full(CronField.MONTH)
                || !cron.full(CronField.DAY_OF_WEEK)) {
            return null;
        }
        BitSet out = new BitSet(HOUR_MINUTES);
        for (int m = 0; m < HOUR_MINUTES; m++) {
            if (cron.matches(CronField.MINUTE, m)) {
                out.set(m);
            }
        }
        return out;
    }

    /**
     * The minute parts of the offsets every zone the JVM knows has at {@code at} and after its next change (a zone
     * whose DST moves it by half an hour, Lord Howe's, shows both). Null when some offset has seconds: no minute set
     * is then left in place.
     */
    static Set<Integer> offsetMinutes(Instant at) {
        Set<Integer> out = new TreeSet<>();
        for (String id : ZoneRulesProvider.getAvailableZoneIds()) {
            ZoneRules rules = ZoneRulesProvider.getRules(id, false);
            ZoneOffsetTransition next = rules.nextTransition(at);
            for (ZoneOffset o : next == null ? new ZoneOffset[] {rules.getOffset(at)}
                    : new ZoneOffset[] {rules.getOffset(at), next.getOffsetAfter()}) {
                if (o.getTotalSeconds() % 60 != 0) {
                    return null;
                }
                out.add(Math.floorMod(o.getTotalSeconds() / 60, HOUR_MINUTES));
            }
        }
        return Set.copyOf(out);
    }
}
