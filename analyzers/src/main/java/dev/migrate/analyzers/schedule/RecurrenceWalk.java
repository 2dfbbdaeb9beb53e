package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.schedule.RecurrenceRule.Frequency;
import dev.migrate.analyzers.schedule.RecurrenceRule.WeekdayNum;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The occurrences of a {@link RecurrenceRule} on the naive local clock, in the order dateutil's {@code rrule._iter}
 * yields them: the same period loop (a year, month, week, day, hour or minute per step, INTERVAL steps apart), the same
 * parts filled in from DTSTART, the same filters, BYSETPOS over each period, and the same jumps that HOURLY and
 * MINUTELY rules make over filtered days. Written after dateutil's algorithm so that rules nobody designed for here
 * (an INTERVAL that skips BYHOUR values, a first week cut short by WKST) still come out as dateutil has them.
 *
 * <p>A rule without COUNT may start at a later period in the same INTERVAL steps from DTSTART: every period it skips
 * lies before the times asked for, and a period yields the same times whichever earlier one the loop came from.
 */
final class RecurrenceWalk {
    /** Steps before a walk gives up (a COUNT counted from an old DTSTART every minute). */
    static final int MAX_STEPS = 2_000_000;

    private final RecurrenceRule rule;
    private final LocalDateTime dtstart;
    private final Frequency freq;
    private final int interval;
    private final Set<Integer> byMonth;
    private final Set<Integer> byMonthDay;
    private final Set<Integer> byNegativeMonthDay;
    private final Set<DayOfWeek> byWeekday;
    private final List<WeekdayNum> byNthWeekday;
    private final Set<Integer> byHour;
    private final Set<Integer> byMinute;
    private final TreeSet<Integer> bySecond;
    private final List<LocalTime> fixedTimes;

    private RecurrenceWalk(RecurrenceRule r) {
        rule = r;
        dtstart = r.start();
        freq = r.freq();
        interval = r.interval();
        List<Integer> months = r.byMonth();
        List<Integer> monthDays = r.byMonthDay();
        List<WeekdayNum> days = r.byDay();
        // dateutil's defaults: a rule that names no day takes DTSTART's (its month too for YEARLY)
        if (monthDays == null && days == null) {
            if (freq == Frequency.YEARLY) {
                months = months != null ? months : List.of(dtstart.getMonthValue());
                monthDays = List.of(dtstart.getDayOfMonth());
            } else if (freq == Frequency.MONTHLY) {
                monthDays = List.of(dtstart.getDayOfMonth());
            } else if (freq == Frequency.WEEKLY) {
                days = List.of(new WeekdayNum(dtstart.getDayOfWeek(), 0));
            }
        }
        byMonth = months == null ? null : Set.copyOf(months);
        byMonthDay = monthDays == null ? Set.of() : Set.copyOf(monthDays.stream().filter(d -> d > 0).toList());
        byNegativeMonthDay = monthDays == null ? Set.of() : Set.copyOf(monthDays.stream().filter(d -> d < 0).toList());
        Set<DayOfWeek> plain = new java.util.HashSet<>();
        List<WeekdayNum> nth = new ArrayList<>();
        for (WeekdayNum w : days == null ? List.<WeekdayNum>of() : days) {
            // an ordinal counts only for MONTHLY and YEARLY; dateutil reads 1MO in a WEEKLY rule as MO
            if (w.ordinal() == 0 || freq.compareTo(Frequency.MONTHLY) > 0) {
                plain.add(w.day());
            } else {
                nth.add(w);
            }
        }
        byWeekday = plain.isEmpty() ? null : plain;
        byNthWeekday = nth.isEmpty() ? null : nth;
        byHour = r.byHour() == null ? (freq.compareTo(Frequency.HOURLY) < 0 ? Set.of(dtstart.getHour()) : null)
                : freq == Frequency.HOURLY ? reachable(r.byHour(), dtstart.getHour(), interval, 24) : Set.copyOf(r.byHour());
        byMinute = r.byMinute() == null ? (freq.compareTo(Frequency.MINUTELY) < 0 ? Set.of(dtstart.getMinute()) : null)
                : freq == Frequency.MINUTELY ? reachable(r.byMinute(), dtstart.getMinute(), interval, 60)
                : Set.copyOf(r.byMinute());
        bySecond = new TreeSet<>(r.bySecond() == null ? List.of(dtstart.getSecond()) : r.bySecond());
        fixedTimes = freq.shorterThanADay() ? null : times(new TreeSet<>(byHour), new TreeSet<>(byMinute));
    }

    /**
     * Every occurrence in order, handed to {@code sink} until it returns false, the rule ends, or the walk passes
     * {@code horizon}. A rule without COUNT starts at the last period at least two days before {@code notBefore}.
     *
     * @return false when the walk gave up after {@link #MAX_STEPS} steps, true otherwise
     */
    static boolean walk(RecurrenceRule r, LocalDateTime notBefore, LocalDate horizon, Predicate<LocalDateTime> sink) {
        return new RecurrenceWalk(r).run(notBefore, horizon, sink);
    }

    /**
     * dateutil's {@code __construct_byset}: the BYHOUR (HOURLY) or BYMINUTE (MINUTELY) values that counting by
     * INTERVAL from DTSTART's value can reach; an empty set makes dateutil refuse the rule.
     */
    static Set<Integer> reachable(List<Integer> by, int start, int interval, int base) {
        int gcd = java.math.BigInteger.valueOf(interval).gcd(java.math.BigInteger.valueOf(base)).intValue();
        Set<Integer> out = new TreeSet<>();
        for (int v : by) {
            if (gcd == 1 || Math.floorMod(v - start, gcd) == 0) {
                out.add(v);
            }
        }
        return out;
    }

    /** Whether a MINUTELY rule, counting its INTERVAL from DTSTART round the clock, reaches one of its BYHOUR hours. */
    static boolean reachesAnHour(RecurrenceRule r) {
        int from = r.start().getHour() * 60 + r.start().getMinute();
        int cycle = 1440 / java.math.BigInteger.valueOf(r.interval()).gcd(java.math.BigInteger.valueOf(1440)).intValue();
        Set<Integer> minutes = r.byMinute() == null ? null : reachable(r.byMinute(), r.start().getMinute(), r.interval(), 60);
        for (int k = 0; k < cycle; k++) {
            int t = (int) ((from + (long) k * r.interval()) % 1440);
            if (r.byHour().contains(t / 60) && (minutes == null || minutes.contains(t % 60))) {
                return true;
            }
        }
        return false;
    }

    private boolean run(LocalDateTime notBefore, LocalDate horizon, Predicate<LocalDateTime> sink) {
        LocalDateTime s = dtstart;
        int year = s.getYear();
        int month = s.getMonthValue();
        int day = s.getDayOfMonth();
        int hour = s.getHour();
        int minute = s.getMinute();
        int weekday = s.getDayOfWeek().getValue() - 1;
        int wkst = rule.wkst().getValue() - 1;
        LocalDateTime target = notBefore == null ? null : notBefore.minusDays(2);
        if (rule.count() == null && target != null && target.isAfter(s)) {
            LocalDateTime jumped = jump(target);
            if (jumped != null) {
                year = jumped.getYear();
                month = jumped.getMonthValue();
                day = jumped.getDayOfMonth();
                hour = jumped.getHour();
                minute = jumped.getMinute();
                weekday = freq == Frequency.WEEKLY ? wkst : jumped.getDayOfWeek().getValue() - 1;
            }
        }
        List<LocalTime> timeset;
        if (!freq.shorterThanADay()) {
            timeset = fixedTimes;
        } else if (byHour != null && !byHour.contains(hour)
                || freq == Frequency.MINUTELY && byMinute != null && !byMinute.contains(minute)) {
            timeset = List.of();
        } else {
            timeset = periodTimes(hour, minute);
        }
        Integer count = rule.count();
        for (int step = 0; step < MAX_STEPS; step++) {
            LocalDate current = LocalDate.of(year, month, Math.min(day, LocalDate.of(year, month, 1).lengthOfMonth()));
            if (current.isAfter(horizon)) {
                return true;
            }
            List<LocalDate> dayset = dayset(year, month, day, wkst);
            List<LocalDate> kept = new ArrayList<>(dayset.size());
            for (LocalDate d : dayset) {
                if (matches(d, year)) {
                    kept.add(d);
                }
            }
            boolean filtered = kept.size() < dayset.size();
            for (LocalDateTime res : emitted(kept, timeset)) {
                if (rule.until() != null && res.isAfter(rule.until())) {
                    return true;
                }
                if (!res.isBefore(dtstart)) {
                    if (count != null && --count < 0) {
                        return true;
                    }
                    if (!sink.test(res)) {
                        return true;
                    }
                }
            }
            boolean fixday = false;
            switch (freq) {
                case YEARLY -> year += interval;
                case MONTHLY -> {
                    month += interval;
                    if (month > 12) {
                        year += (month - 1) / 12;
                        month = (month - 1) % 12 + 1;
                    }
                }
                case WEEKLY -> {
                    day += wkst > weekday ? -(weekday + 1 + (6 - wkst)) + interval * 7 : -(weekday - wkst) + interval * 7;
                    weekday = wkst;
                    fixday = true;
                }
                case DAILY -> {
                    day += interval;
                    fixday = true;
                }
                case HOURLY -> {
                    if (filtered) {
                        // jump to the last step of the day
                        hour += ((23 - hour) / interval) * interval;
                    }
                    int[] next = byHour != null ? modDistance(hour, byHour, 24) : new int[] {Math.floorDiv(hour + interval, 24),
                            Math.floorMod(hour + interval, 24)};
                    hour = next[1];
                    if (next[0] != 0) {
                        day += next[0];
                        fixday = true;
                    }
                    timeset = periodTimes(hour, minute);
                }
                case MINUTELY -> {
                    if (filtered) {
                        minute += ((1439 - (hour * 60 + minute)) / interval) * interval;
                    }
                    boolean valid = false;
                    int repeats = 1440 / java.math.BigInteger.valueOf(interval).gcd(java.math.BigInteger.valueOf(1440)).intValue();
                    for (int j = 0; j < repeats; j++) {
                        int[] next = byMinute != null ? modDistance(minute, byMinute, 60)
                                : new int[] {Math.floorDiv(minute + interval, 60), Math.floorMod(minute + interval, 60)};
                        minute = next[1];
                        int hours = hour + next[0];
                        hour = Math.floorMod(hours, 24);
                        if (hours / 24 != 0) {
                            day += hours / 24;
                            fixday = true;
                        }
                        if (byHour == null || byHour.contains(hour)) {
                            valid = true;
                            break;
                        }
                    }
                    if (!valid) {
                        return true; // dateutil raises here; the parser refuses such rules before
                    }
                    timeset = periodTimes(hour, minute);
                }
                default -> throw new IllegalStateException(freq.toString());
            }
            if (year > 9999) {
                return true;
            }
            if (fixday && day > 28) {
                int length = LocalDate.of(year, month, 1).lengthOfMonth();
                while (day > length) {
                    day -= length;
                    if (++month == 13) {
                        month = 1;
                        if (++year > 9999) {
                            return true;
                        }
                    }
                    length = LocalDate.of(year, month, 1).lengthOfMonth();
                }
            }
        }
        return false;
    }

    /**
     * The state of the period loop {@code k} steps on from DTSTART, the last one at or before {@code target} (k at least
     * one, so that a WEEKLY rule's first week, cut at WKST, is never the one started at), or null when there is none.
     */
    private LocalDateTime jump(LocalDateTime target) {
        LocalDateTime s = dtstart;
        long k;
        switch (freq) {
            case YEARLY -> {
                k = (target.getYear() - s.getYear()) / interval;
                return k < 1 ? null : s.withDayOfMonth(1).plusYears(k * interval);
            }
            case MONTHLY -> {
                k = ((target.getYear() - s.getYear()) * 12L + target.getMonthValue() - s.getMonthValue()) / interval;
                return k < 1 ? null : s.withDayOfMonth(1).plusMonths(k * interval);
            }
            case WEEKLY -> {
                LocalDate weekStart = s.toLocalDate().minusDays(Math.floorMod(s.getDayOfWeek().getValue()
                        - rule.wkst().getValue(), 7));
                k = ChronoUnit.DAYS.between(weekStart, target.toLocalDate()) / (7L * interval);
                return k < 1 ? null : weekStart.plusDays(7L * interval * k).atTime(s.toLocalTime());
            }
            case DAILY -> {
                k = ChronoUnit.DAYS.between(s.toLocalDate(), target.toLocalDate()) / interval;
                return k < 1 ? null : s.plusDays(k * interval);
            }
            case HOURLY -> {
                k = ChronoUnit.HOURS.between(s, target) / interval;
                return k < 1 ? null : s.plusHours(k * interval);
            }
            default -> {
                k = ChronoUnit.MINUTES.between(s, target) / interval;
                return k < 1 ? null : s.plusMinutes(k * interval);
            }
        }
    }

    /** dateutil's {@code __mod_distance}: days (or hours) carried and the next value in {@code by}, INTERVAL at a time. */
    private int[] modDistance(int value, Set<Integer> by, int base) {
        int carried = 0;
        for (int i = 1; i <= base; i++) {
            int sum = value + interval;
            carried += Math.floorDiv(sum, base);
            value = Math.floorMod(sum, base);
            if (by.contains(value)) {
                return new int[] {carried, value};
            }
        }
        throw new IllegalStateException("no reachable value"); // the parser refuses such rules
    }

    /** The days of the period that starts at this state. */
    private List<LocalDate> dayset(int year, int month, int day, int wkst) {
        List<LocalDate> out = new ArrayList<>();
        switch (freq) {
            case YEARLY -> {
                for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                    out.add(d);
                }
            }
            case MONTHLY -> {
                for (LocalDate d = LocalDate.of(year, month, 1); d.getMonthValue() == month; d = d.plusDays(1)) {
                    out.add(d);
                }
            }
            case WEEKLY -> {
                // from the state's day up to (not including) the next WKST: the first week may be short
                LocalDate d = LocalDate.of(year, month, day);
                for (int j = 0; j < 7; j++) {
                    out.add(d);
                    d = d.plusDays(1);
                    if (d.getDayOfWeek().getValue() - 1 == wkst) {
                        break;
                    }
                }
            }
            default -> out.add(LocalDate.of(year, month, day));
        }
        return out;
    }

    private boolean matches(LocalDate d, int periodYear) {
        if (byMonth != null && !byMonth.contains(d.getMonthValue())) {
            return false;
        }
        if (byWeekday != null && !byWeekday.contains(d.getDayOfWeek())) {
            return false;
        }
        if (byNthWeekday != null && !nth(d, periodYear)) {
            return false;
        }
        if (!byMonthDay.isEmpty() || !byNegativeMonthDay.isEmpty()) {
            int negative = d.getDayOfMonth() - d.lengthOfMonth() - 1;
            return byMonthDay.contains(d.getDayOfMonth()) || byNegativeMonthDay.contains(negative);
        }
        return true;
    }

    /** Whether {@code d} is one of the n-th weekdays, counted in its month (MONTHLY, or YEARLY with BYMONTH) or year. */
    private boolean nth(LocalDate d, int periodYear) {
        LocalDate first;
        LocalDate last;
        if (freq == Frequency.YEARLY && byMonth == null) {
            first = LocalDate.of(periodYear, 1, 1);
            last = LocalDate.of(periodYear, 12, 31);
        } else {
            first = d.withDayOfMonth(1);
            last = d.withDayOfMonth(d.lengthOfMonth());
        }
        for (WeekdayNum w : byNthWeekday) {
            int wday = w.day().getValue() - 1;
            LocalDate i;
            if (w.ordinal() < 0) {
                i = last.plusDays((w.ordinal() + 1) * 7L);
                i = i.minusDays(Math.floorMod(i.getDayOfWeek().getValue() - 1 - wday, 7));
            } else {
                i = first.plusDays((w.ordinal() - 1) * 7L);
                i = i.plusDays(Math.floorMod(7 - (i.getDayOfWeek().getValue() - 1) + wday, 7));
            }
            if (i.equals(d)) {
                return true;
            }
        }
        return false;
    }

    /** The period's times on its kept days, with BYSETPOS choosing among them as dateutil does. */
    private List<LocalDateTime> emitted(List<LocalDate> days, List<LocalTime> timeset) {
        List<LocalDateTime> out = new ArrayList<>();
        if (rule.bySetPos() != null && !timeset.isEmpty()) {
            for (int pos : rule.bySetPos()) {
                int dayPos = pos < 0 ? Math.floorDiv(pos, timeset.size()) : Math.floorDiv(pos - 1, timeset.size());
                int timePos = pos < 0 ? Math.floorMod(pos, timeset.size()) : Math.floorMod(pos - 1, timeset.size());
                int index = dayPos < 0 ? days.size() + dayPos : dayPos; // Python's index from the end
                if (index < 0 || index >= days.size()) {
                    continue;
                }
                LocalDateTime res = days.get(index).atTime(timeset.get(timePos));
                if (!out.contains(res)) {
                    out.add(res);
                }
            }
            out.sort(null);
            return out;
        }
        for (LocalDate d : days) {
            for (LocalTime t : timeset) {
                out.add(d.atTime(t));
            }
        }
        return out;
    }

    /** The times of one HOURLY or MINUTELY step. */
    private List<LocalTime> periodTimes(int hour, int minute) {
        if (freq == Frequency.HOURLY) {
            return times(new TreeSet<>(Set.of(hour)), new TreeSet<>(byMinute));
        }
        return times(new TreeSet<>(Set.of(hour)), new TreeSet<>(Set.of(minute)));
    }

    private List<LocalTime> times(TreeSet<Integer> hours, TreeSet<Integer> minutes) {
        List<LocalTime> out = new ArrayList<>();
        for (int h : hours) {
            for (int m : minutes) {
                for (int sec : bySecond) {
                    out.add(LocalTime.of(h, m, sec));
                }
            }
        }
        return out;
    }
}
