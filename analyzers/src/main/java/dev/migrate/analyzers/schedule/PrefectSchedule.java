package dev.migrate.analyzers.schedule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Prefect 3 deployment schedule: exactly one of {@code cron}, {@code interval} or {@code rrule}, with the
 * keys a {@code prefect.yaml} {@code schedules:} entry takes ({@code day_or} for cron only,
 * {@code anchor_date} for intervals only).
 */
public record PrefectSchedule(String cron, Boolean dayOr, Duration interval, LocalDateTime anchorDate, String rrule,
                              String timezone) {
    public static PrefectSchedule cron(String cron, boolean dayOr, String timezone) {
        return new PrefectSchedule(cron, dayOr, null, null, null, timezone);
    }

    public static PrefectSchedule interval(Duration every, LocalDateTime anchor, String timezone) {
        return new PrefectSchedule(null, null, every, anchor, null, timezone);
    }

    public static PrefectSchedule rrule(String rule, String timezone) {
        return new PrefectSchedule(null, null, null, null, rule, timezone);
    }

    /** The {@code schedules:} entry for prefect.yaml, keys in a stable order; {@code day_or} only when false. */
    public Map<String, Object> toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (cron != null) {
            m.put("cron", cron);
            if (Boolean.FALSE.equals(dayOr)) {
                m.put("day_or", false);
            }
        } else if (interval != null) {
            BigDecimal seconds = BigDecimal.valueOf(interval.toNanos()).movePointLeft(9).stripTrailingZeros();
            m.put("interval", seconds.scale() <= 0 ? (Object) seconds.longValueExact() : seconds);
            if (anchorDate != null) {
                m.put("anchor_date", anchorDate.toString());
            }
        } else {
            m.put("rrule", rrule);
        }
        m.put("timezone", timezone);
        return m;
    }

    @Override
    public String toString() {
        return toYaml().toString();
    }
}
