package dev.migrate.analyzers.schedule;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * Says, from two {@link DstRule.Placement}s, what a legacy scheduler and Prefect 3 each do with the local times a DST
 * change skips or repeats: "Spring fires 01:30 twice on 2026-11-01 in America/New_York (-04:00 and -05:00); Prefect 3
 * once (-04:00)". The note of a proof ({@link DstNotes}) whose legacy side places those times by a rule of its own.
 */
final class PassNotes {
    /** More local times than this are named by their first and last. */
    private static final int NAMED_TIMES = 4;

    private PassNotes() {
    }

    /**
     * The local times of the schedule that {@code change} skips or repeats, which the cron {@code e} matches on its days.
     */
    static List<LocalDateTime> cronTimes(CronExpression e, DayRule days, ZoneOffsetTransition change) {
        List<LocalDateTime> out = new ArrayList<>();
        LocalDateTime from = span(change)[0];
        LocalDateTime to = span(change)[1];
        for (LocalDateTime t = WallClockCron.next(e, days, from.minusMinutes(1)); t != null && t.isBefore(to);
                t = WallClockCron.next(e, days, t)) {
            out.add(t);
        }
        return out;
    }

    /** The local times a cron firing every {@code seconds} seconds has in the span {@code change} skips or repeats. */
    static List<LocalDateTime> everySeconds(long seconds, ZoneOffsetTransition change) {
        List<LocalDateTime> out = new ArrayList<>();
        for (LocalDateTime t = span(change)[0]; t.isBefore(span(change)[1]); t = t.plusSeconds(seconds)) {
            out.add(t);
        }
        return out;
    }

    /** The local times skipped (a gap) or repeated (an overlap): from the earlier wall time to the later one. */
    private static LocalDateTime[] span(ZoneOffsetTransition change) {
        return change.isGap() ? new LocalDateTime[] {change.getDateTimeBefore(), change.getDateTimeAfter()}
                : new LocalDateTime[] {change.getDateTimeAfter(), change.getDateTimeBefore()};
    }

    /**
     * The note, or null when the schedule has no local time in the change's span (the two sides part for another
     * reason there).
     */
    static String explain(String scheduler, DstRule.Placement legacy, DstRule.Placement prefect,
                          List<LocalDateTime> times, ZoneOffsetTransition change, ZoneId zone) {
        if (times.isEmpty()) {
            return null;
        }
        String named = named(times);
        String when = " on " + times.get(0).toLocalDate() + " in " + zone.getId();
        boolean one = times.size() == 1;
        if (change.isGap()) {
            return scheduler + " " + skipped(legacy.skipped(), named, times, change) + when + ", which the change skips; "
                    + "Prefect 3 " + skipped(prefect.skipped(), one ? "it" : "them", times, change);
        }
        ZoneOffset first = change.getOffsetBefore();
        ZoneOffset second = change.getOffsetAfter();
        return scheduler + " fires " + named + " " + count(legacy.repeated()) + when + passes(legacy.repeated(), first, second, one)
                + "; Prefect 3 " + count(prefect.repeated()) + passes(prefect.repeated(), first, second, one);
    }

    /** What a scheduler does with the skipped {@code times}, called {@code called} ("02:30", or "it"). */
    private static String skipped(DstRule.Skipped rule, String called, List<LocalDateTime> times,
                                  ZoneOffsetTransition change) {
        return switch (rule) {
            case NEVER -> "never fires " + called;
            case AT_THE_CHANGE -> "fires " + called + " right at the change, at " + change.getDateTimeAfter().toLocalTime();
            case ONE_OFFSET_LATER -> "fires " + called + " one offset later, at "
                    + named(times.stream().map(t -> t.plus(change.getDuration())).toList());
        };
    }

    private static String count(DstRule.Repeated rule) {
        return rule == DstRule.Repeated.BOTH_PASSES ? "twice" : "once";
    }

    private static String passes(DstRule.Repeated rule, ZoneOffset first, ZoneOffset second, boolean one) {
        String its = one ? "its" : "their";
        return switch (rule) {
            case BOTH_PASSES -> " (" + first + " and " + second + ")";
            case FIRST_PASS -> ", at " + its + " first pass (" + first + ")";
            case SECOND_PASS -> ", at " + its + " second pass (" + second + ")";
        };
    }

    /** {@code 01:30}, {@code 01:00, 01:15 and 01:30}, or {@code the 60 times from 01:00 to 01:59}. */
    private static String named(List<LocalDateTime> times) {
        List<String> shown = times.stream().map(t -> t.toLocalTime().toString()).toList();
        if (shown.size() > NAMED_TIMES) {
            return "the " + shown.size() + " times from " + shown.get(0) + " to " + shown.get(shown.size() - 1);
        }
        if (shown.size() == 1) {
            return shown.get(0);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
    }
}
