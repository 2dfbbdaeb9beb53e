package dev.migrate.analyzers.schedule;

import dev.migrate.analyzers.schedule.RecurrenceRule.Frequency;
import dev.migrate.analyzers.schedule.RecurrenceRule.WeekdayNum;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A sentence for an evaluated RRULE in the words cron descriptions use ({@link Descriptions}): "at 06:00 on Mon, Wed
 * and Fri", "at 17:00 on the last Friday of the month", "every 15 minutes during hours 9 and 10". Parts the rule leaves
 * out are said as dateutil fills them in from DTSTART (Prefect's 2020-01-01 00:00 when it names none), and a rule that
 * ends says when, as {@link Schedule.Until} does.
 */
final class RRuleDescription {
    private RRuleDescription() {
    }

    static String of(RecurrenceRule r) {
        LocalDateTime s = r.start();
        List<String> out = new ArrayList<>();
        out.add(times(r, s));
        String days = days(r, s);
        if (!days.isEmpty()) {
            out.add(days);
        }
        String text = String.join(" ", out);
        if (r.interval() > 1 && !r.freq().shorterThanADay()) {
            String unit = switch (r.freq()) {
                case YEARLY -> "years";
                case MONTHLY -> "months";
                case WEEKLY -> "weeks";
                default -> "days";
            };
            text += " every " + r.interval() + " " + unit + (r.dtstart() == null ? " counted from " + s.toLocalDate() : "");
        }
        if (r.bySetPos() != null) {
            text += ", only the " + words(r.bySetPos().stream().map(RRuleDescription::ordinal).toList()) + " of those in each "
                    + switch (r.freq()) {
                        case YEARLY -> "year";
                        case MONTHLY -> "month";
                        case WEEKLY -> "week";
                        case DAILY -> "day";
                        case HOURLY -> "hour";
                        default -> "minute";
                    };
        }
        if (r.dtstart() != null) {
            text += ", from " + r.dtstart();
        }
        if (r.count() != null) {
            LocalDateTime last = last(r);
            text += ", " + r.count() + (r.count() == 1 ? " time" : " times") + (last == null ? "" : ", the last at " + last);
        }
        if (r.until() != null) {
            text += ", until " + r.until();
        }
        return text;
    }

    private static String times(RecurrenceRule r, LocalDateTime s) {
        List<Integer> hours = r.byHour() != null ? sorted(r.byHour()) : List.of(s.getHour());
        List<Integer> minutes = r.byMinute() != null ? sorted(r.byMinute()) : List.of(s.getMinute());
        List<Integer> seconds = r.bySecond() != null ? sorted(r.bySecond()) : List.of(s.getSecond());
        String secondsPart = seconds.equals(List.of(0)) ? "" : " at " + plural("second", seconds) + " of the minute";
        if (r.freq() == Frequency.MINUTELY) {
            return (r.interval() == 1 ? "every minute" : "every " + r.interval() + " minutes")
                    + (r.byMinute() == null ? "" : " at " + plural("minute", minutes))
                    + (r.byHour() == null ? "" : " during " + plural("hour", hours)) + secondsPart;
        }
        if (r.freq() == Frequency.HOURLY) {
            String every = r.interval() == 1 ? "every hour" : "every " + r.interval() + " hours";
            List<Integer> reached = r.byHour() != null ? sorted(RecurrenceWalk.reachable(r.byHour(), s.getHour(), r.interval(), 24))
                    : 24 % r.interval() == 0 && r.interval() > 1 ? progression(s.getHour(), r.interval()) : null;
            return every + " at " + plural("minute", minutes) + (reached == null ? "" : " of " + plural("hour", reached))
                    + (reached == null && r.interval() > 1 ? " from " + s.toLocalTime() : "") + secondsPart;
        }
        if (hours.size() * minutes.size() * seconds.size() <= 4) {
            List<String> at = new ArrayList<>();
            for (int h : hours) {
                for (int m : minutes) {
                    for (int sec : seconds) {
                        at.add(LocalTime.of(h, m, sec).toString());
                    }
                }
            }
            return "at " + words(at);
        }
        return "at " + plural("minute", minutes) + " of " + (hours.size() == 24 ? "every hour" : plural("hour", hours))
                + secondsPart;
    }

    private static String days(RecurrenceRule r, LocalDateTime s) {
        List<Integer> monthDays = r.byMonthDay();
        List<WeekdayNum> days = r.byDay();
        List<Integer> months = r.byMonth();
        if (monthDays == null && days == null) {
            if (r.freq() == Frequency.YEARLY) {
                List<Integer> ms = months != null ? sorted(months) : List.of(s.getMonthValue());
                return "on " + s.getDayOfMonth() + " " + words(ms.stream().map(RRuleDescription::month).toList());
            }
            if (r.freq() == Frequency.MONTHLY) {
                monthDays = List.of(s.getDayOfMonth());
            } else if (r.freq() == Frequency.WEEKLY) {
                days = List.of(new WeekdayNum(s.getDayOfWeek(), 0));
            }
        }
        boolean ordinals = r.freq() == Frequency.MONTHLY || r.freq() == Frequency.YEARLY;
        List<String> plain = new ArrayList<>();
        List<String> nth = new ArrayList<>();
        for (WeekdayNum w : days == null ? List.<WeekdayNum>of() : days) {
            if (w.ordinal() == 0 || !ordinals) {
                plain.add(w.day().getDisplayName(TextStyle.SHORT, Locale.UK));
            } else {
                nth.add("the " + ordinal(w.ordinal()) + " " + w.day().getDisplayName(TextStyle.FULL, Locale.UK));
            }
        }
        String scope = r.freq() == Frequency.YEARLY && months == null ? " of the year" : " of the month";
        List<String> parts = new ArrayList<>();
        if (monthDays != null) {
            List<Integer> positive = sorted(monthDays.stream().filter(d -> d > 0).toList());
            List<String> said = new ArrayList<>();
            if (!positive.isEmpty()) {
                said.add(plural("day", positive));
            }
            List<Integer> fromEnd = sorted(monthDays.stream().filter(d -> d < 0).toList());
            java.util.Collections.reverse(fromEnd);
            fromEnd.forEach(d -> said.add("the " + ordinal(d) + " day"));
            parts.add("on " + words(said) + " of the month");
            if (!plain.isEmpty() || !nth.isEmpty()) {
                List<String> weekdays = new ArrayList<>(plain);
                weekdays.addAll(nth);
                parts.add("when that is " + words(weekdays) + (nth.isEmpty() ? "" : scope));
            }
        } else {
            if (!plain.isEmpty()) {
                parts.add("on " + words(plain));
            }
            if (!nth.isEmpty()) {
                parts.add((plain.isEmpty() ? "on " : "and ") + words(nth) + scope);
            }
        }
        if (months != null) {
            parts.add("in " + words(sorted(months).stream().map(RRuleDescription::month).toList()));
        }
        return String.join(" ", parts);
    }

    /** The rule's last occurrence when COUNT ends it, walked from DTSTART; null when that walk is too long. */
    private static LocalDateTime last(RecurrenceRule r) {
        LocalDateTime[] last = new LocalDateTime[1];
        boolean done = RecurrenceWalk.walk(r, null, r.start().toLocalDate().plusYears(200), t -> {
            last[0] = t;
            return true;
        });
        return done ? last[0] : null;
    }

    private static List<Integer> progression(int from, int step) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int k = 0; k < 24 / step; k++) {
            out.add((from + k * step) % 24);
        }
        return List.copyOf(out);
    }

    /** "hour 9", "hours 9 and 17", "hours 9 to 17" (a run of three or more), "minutes 0, 15, 30 and 45". */
    private static String plural(String unit, List<Integer> values) {
        List<String> said = new ArrayList<>();
        for (int i = 0; i < values.size(); ) {
            int j = i;
            while (j + 1 < values.size() && values.get(j + 1) == values.get(j) + 1) {
                j++;
            }
            if (j - i >= 2) {
                said.add(values.get(i) + " to " + values.get(j));
            } else {
                for (int k = i; k <= j; k++) {
                    said.add(String.valueOf(values.get(k)));
                }
            }
            i = j + 1;
        }
        return unit + (values.size() == 1 ? " " : "s ") + words(said);
    }

    private static String month(int m) {
        return Month.of(m).getDisplayName(TextStyle.FULL, Locale.UK);
    }

    static String ordinal(int n) {
        if (n == -1) {
            return "last";
        }
        if (n < 0) {
            return ordinal(-n) + "-to-last";
        }
        return switch (n) {
            case 1 -> "first";
            case 2 -> "second";
            case 3 -> "third";
            case 4 -> "fourth";
            case 5 -> "fifth";
            default -> n + (n % 100 / 10 == 1 ? "th" : switch (n % 10) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
            });
        };
    }

    /** "a", "a and b", "a, b and c". */
    private static String words(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static List<Integer> sorted(java.util.Collection<Integer> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }
}
