package dev.migrate.analyzers.schedule;

import java.time.ZoneId;

/**
 * A parsed systemd {@code OnCalendar=} expression. {@code weekdays} is a bit set (bit 0 = Monday) or
 * 0x7f for every day; {@code endOfMonth} means the day component was written with {@code ~} and counts
 * back from the month's last day; {@code zone} is the written time zone or null for the host's.
 */
public record CalendarSpec(String original, int weekdays, CalendarComponent year, CalendarComponent month,
                           boolean endOfMonth, CalendarComponent day, CalendarComponent hour,
                           CalendarComponent minute, CalendarComponent second, ZoneId zone) {
    static final String[] DAY_NAMES = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    public static CalendarSpec parse(String text) {
        return CalendarParser.parse(text);
    }

    public boolean allWeekdays() {
        return weekdays == 0x7f;
    }

    /** True when some second other than :00 is allowed (cron cannot say that). */
    public boolean usesSeconds() {
        return !(second.chains().size() == 1 && second.chains().get(0).equals(new CalendarComponent.Chain(0, -1, 0)));
    }

    /** The form {@code systemd-analyze calendar} prints as "Normalized form". */
    public String normalized() {
        StringBuilder sb = new StringBuilder();
        if (!allWeekdays()) {
            sb.append(formatWeekdays()).append(' ');
        }
        sb.append(year.format(4, false)).append('-').append(month.format(2, false))
                .append(endOfMonth ? '~' : '-').append(day.format(2, false)).append(' ')
                .append(hour.format(2, false)).append(':').append(minute.format(2, false)).append(':')
                .append(second.format(2, true));
        if (zone != null) {
            sb.append(' ').append(zone.getId());
        }
        return sb.toString();
    }

    private String formatWeekdays() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < 7) {
            if ((weekdays & (1 << i)) == 0) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < 7 && (weekdays & (1 << (j + 1))) != 0) {
                j++;
            }
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            if (j - i >= 2) {
                sb.append(DAY_NAMES[i]).append("..").append(DAY_NAMES[j]);
            } else {
                sb.append(DAY_NAMES[i]);
                if (j > i) {
                    sb.append(',').append(DAY_NAMES[j]);
                }
            }
            i = j + 1;
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return normalized();
    }
}
