package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.schedule.RecurrenceRule.Frequency;
import dev.migrate.analyzers.schedule.RecurrenceRule.WeekdayNum;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.List;

/**
 * The cron an RRULE may be: its minutes, hours, days and months as dateutil fills them in from DTSTART, when each
 * stands for the same set every period (no COUNT, UNTIL or BYSETPOS, second 0, an INTERVAL that divides its cycle, a
 * DTSTART that has passed). This is only a candidate: the translator keeps it when the proof finds the same fire
 * times for both, DST changes included (dateutil moves a skipped 02:30 earlier, croniter later), and keeps the RRULE
 * otherwise.
 */
final class RRuleCron {
    private RRuleCron() {
    }

    /** The candidate cron schedule, or null when the rule is not of a form cron can say. */
    static PrefectSchedule candidate(RecurrenceRule r, ZoneId zone, Instant reference) {
        LocalDateTime start = r.start();
        if (r.ends() || r.bySetPos() != null || start.isAfter(LocalDateTime.ofInstant(reference, zone))
                || !(r.bySecond() == null ? List.of(start.getSecond()) : r.bySecond()).equals(List.of(0))) {
            return null;
        }
        Frequency f = r.freq();
        int n = r.interval();
        boolean whole = n == 1 || f == Frequency.MONTHLY && 12 % n == 0 || f == Frequency.HOURLY && 24 % n == 0
                || f == Frequency.MINUTELY && 60 % n == 0;
        if (!whole) {
            return null;
        }
        BitSet minutes = f == Frequency.MINUTELY ? progression(r.byMinute(), start.getMinute(), n, 0, 59)
                : bits(r.byMinute() != null ? r.byMinute() : List.of(start.getMinute()));
        BitSet hours = f == Frequency.HOURLY ? progression(r.byHour(), start.getHour(), n, 0, 23)
                : f == Frequency.MINUTELY ? (r.byHour() != null ? bits(r.byHour()) : all(0, 23))
                : bits(r.byHour() != null ? r.byHour() : List.of(start.getHour()));
        List<Integer> monthDays = r.byMonthDay();
        List<WeekdayNum> days = r.byDay();
        List<Integer> months = r.byMonth();
        if (monthDays == null && days == null) {
            if (f == Frequency.YEARLY) {
                months = months != null ? months : List.of(start.getMonthValue());
                monthDays = List.of(start.getDayOfMonth());
            } else if (f == Frequency.MONTHLY) {
                monthDays = List.of(start.getDayOfMonth());
            } else if (f == Frequency.WEEKLY) {
                days = List.of(new WeekdayNum(start.getDayOfWeek(), 0));
            }
        }
        BitSet monthSet = f == Frequency.MONTHLY && n > 1 ? progression(months, start.getMonthValue(), n, 1, 12)
                : months != null ? bits(months) : all(1, 12);
        String dom = monthDays == null ? "*" : monthDays.equals(List.of(-1)) ? "L"
                : monthDays.stream().allMatch(d -> d > 0) ? CronText.field(bits(monthDays), 1, 31) : null;
        String dow = dayOfWeek(days, f, months != null);
        if (dom == null || dow == null || minutes.isEmpty() || hours.isEmpty() || monthSet.isEmpty()
                || (dom.equals("L") || dow.contains("#") || dow.startsWith("L")) && !(dom.equals("*") || dow.equals("*"))) {
            return null;
        }
        String cron = String.join(" ", CronText.field(minutes, 0, 59), CronText.field(hours, 0, 23), dom,
                CronText.field(monthSet, 1, 12), dow);
        // an RRULE keeps a day only when every BY part it names matches it: cron's AND of the two day fields
        return PrefectSchedule.cron(cron, dom.equals("*") || dow.equals("*"), zone.getId());
    }

    /**
     * The weekday field: plain days as a list (Sunday 0), or one ordinal day of the month as croniter's {@code D#N} or
     * {@code LD} (MONTHLY, or YEARLY within its BYMONTH); null for anything else.
     */
    private static String dayOfWeek(List<WeekdayNum> days, Frequency f, boolean monthsNamed) {
        if (days == null) {
            return "*";
        }
        boolean ordinals = f == Frequency.MONTHLY || f == Frequency.YEARLY;
        if (!ordinals || days.stream().allMatch(w -> w.ordinal() == 0)) {
            BitSet dow = new BitSet();
            days.forEach(w -> dow.set(w.day().getValue() % 7));
            // a list of the days (1,3,5), not a step (1-6/2): the inventory shows this cron beside the rule
            return dow.cardinality() == 7 ? "*" : CronText.ranges(dow.stream().boxed().toList());
        }
        if (days.size() != 1 || f == Frequency.YEARLY && !monthsNamed) {
            return null;
        }
        WeekdayNum w = days.get(0);
        int d = w.day().getValue() % 7;
        return w.ordinal() == -1 ? "L" + d : w.ordinal() > 0 ? d + "#" + w.ordinal() : null;
    }

    /** The values counting every {@code step} from {@code from} through a cycle that {@code step} divides, within {@code by}. */
    private static BitSet progression(List<Integer> by, int from, int step, int min, int max) {
        BitSet out = new BitSet();
        int cycle = max - min + 1;
        for (int k = 0; k < cycle / step; k++) {
            int v = min + Math.floorMod(from - min + k * step, cycle);
            if (by == null || by.contains(v)) {
                out.set(v);
            }
        }
        return out;
    }

    private static BitSet bits(List<Integer> values) {
        BitSet b = new BitSet();
        values.forEach(b::set);
        return b;
    }

    private static BitSet all(int from, int to) {
        BitSet b = new BitSet();
        b.set(from, to + 1);
        return b;
    }
}
