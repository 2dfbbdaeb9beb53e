package dev.migrate.analyzers.schedule;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** systemd time spans ({@code 15min}, {@code 1h 30m}, {@code 2d}, a bare number = seconds), see systemd.time(7). */
public final class TimeSpans {
    private static final Pattern PART = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Zµ]*)");
    private static final Map<String, Long> MICROS_PER_UNIT = Map.ofEntries(
            Map.entry("usec", 1L), Map.entry("us", 1L), Map.entry("µs", 1L),
            Map.entry("msec", 1_000L), Map.entry("ms", 1_000L),
            Map.entry("seconds", 1_000_000L), Map.entry("second", 1_000_000L), Map.entry("sec", 1_000_000L),
            Map.entry("s", 1_000_000L), Map.entry("", 1_000_000L),
            Map.entry("minutes", 60_000_000L), Map.entry("minute", 60_000_000L), Map.entry("min", 60_000_000L),
            Map.entry("m", 60_000_000L),
            Map.entry("hours", 3_600_000_000L), Map.entry("hour", 3_600_000_000L), Map.entry("hr", 3_600_000_000L),
            Map.entry("h", 3_600_000_000L),
            Map.entry("days", 86_400_000_000L), Map.entry("day", 86_400_000_000L), Map.entry("d", 86_400_000_000L),
            Map.entry("weeks", 604_800_000_000L), Map.entry("week", 604_800_000_000L), Map.entry("w", 604_800_000_000L),
            Map.entry("months", 2_629_800_000_000L), Map.entry("month", 2_629_800_000_000L),
            Map.entry("M", 2_629_800_000_000L),
            Map.entry("years", 31_557_600_000_000L), Map.entry("year", 31_557_600_000_000L),
            Map.entry("y", 31_557_600_000_000L));

    private static final long MAX_MICROS = 100L * 31_557_600_000_000L;

    private TimeSpans() {
    }

    public static Duration parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new ScheduleSyntaxException("empty time span", 0);
        }
        Matcher m = PART.matcher(s);
        long micros = 0;
        int pos = 0;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos || m.end() == pos) {
                throw new ScheduleSyntaxException("bad time span '" + text + "': expected numbers with units such as 15min or 1h 30s", pos);
            }
            String unit = m.group(2).equals("M") ? "M" : m.group(2).toLowerCase(Locale.ROOT);
            Long per = MICROS_PER_UNIT.get(unit);
            if (m.group(1).length() > 12) {
                throw new ScheduleSyntaxException("time span '" + text + "' is longer than 100 years", m.start(1));
            }
            if (per == null) {
                throw new ScheduleSyntaxException("unknown time unit '" + m.group(2) + "' in '" + text + "'", m.start(2));
            }
            micros += new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(per)).longValue();
            if (micros > MAX_MICROS || micros < 0) {
                throw new ScheduleSyntaxException("time span '" + text + "' is longer than 100 years", 0);
            }
            pos = m.end();
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }
        return Duration.ofNanos(0).plusSeconds(micros / 1_000_000).plusNanos(micros % 1_000_000 * 1000);
    }
}
