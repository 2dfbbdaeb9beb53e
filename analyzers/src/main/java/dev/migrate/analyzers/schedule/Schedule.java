package dev.migrate.analyzers.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A schedule as the legacy scheduler means it. One model for every source: cron (with its dialect's
 * day-of-month/day-of-week rule), a fixed interval, an RRULE, a systemd calendar, at boot, event-driven,
 * or unknown. {@link #describe()} gives the sentence reports show.
 */
public sealed interface Schedule {
    String describe();

    /**
     * Cron in a dialect; {@code zone} is CRON_TZ/TZ or the assumed host zone; {@code dst} how its scheduler places
     * skipped and repeated local times (its dialect's unless said).
     */
    record Cron(CronExpression expression, DayRule dayRule, ZoneId zone, DstRule dst) implements Schedule {
        public Cron(CronExpression expression, DayRule dayRule, ZoneId zone) {
            this(expression, dayRule, zone, DstRule.of(dayRule));
        }

        public String describe() {
            return Descriptions.cron(expression, dayRule) + " (" + zone.getId() + ")";
        }
    }

    /**
     * Every {@code every}, counted from the previous start ({@code fromEnd} false) or from the end of the
     * previous run (systemd {@code OnUnitInactiveSec=}); {@code anchor} is null when the source has none.
     */
    record Interval(Duration every, Instant anchor, ZoneId zone, boolean fromEnd) implements Schedule {
        public String describe() {
            return "every " + Descriptions.duration(every)
                    + (fromEnd ? " after the previous run ends" : "") + " (" + zone.getId() + ")";
        }
    }

    /**
     * A Spring or Quartz cron that fires every {@code every} seconds of every minute of every day ({@code *}{@code /6 * * *
     * * *}, a step that divides 60): the same instants as an interval of {@code every} from any whole minute, since zone
     * offsets are whole minutes. {@code text} is the source; the proof reads its fire times from cron-utils' reading
     * of it ({@link CronDialects#secondsFireTimes}), not from interval arithmetic.
     */
    record SecondsCron(String text, boolean quartz, Duration every, ZoneId zone) implements Schedule {
        /** Where its scheduler puts the seconds of a skipped or repeated hour. */
        public DstRule dst() {
            return quartz ? DstRule.QUARTZ : DstRule.SPRING;
        }

        public String describe() {
            long n = every.getSeconds();
            String seconds = n == 1 ? "every second of every minute"
                    : 60 / n <= 3 ? "at seconds " + String.join(60 / n == 2 ? " and " : ", ",
                    java.util.stream.LongStream.range(0, 60 / n).mapToObj(k -> String.valueOf(k * n)).toList())
                    .replaceFirst(", (\\d+)$", " and $1") + " of every minute"
                    : "at seconds 0, " + n + ", " + 2 * n + "... of every minute";
            return "every " + Descriptions.duration(every) + " (" + seconds + ") (" + zone.getId() + ")";
        }
    }

    /**
     * Every {@code every} counted on the wall clock of {@code zone} from the local time {@code start}: the schedule
     * library's {@code every(n).unit.at(t)}, whose datetimes are naive local times, or times in the {@code at()} zone
     * that it keeps at t across DST changes. Written {@code R/start/period} (an ISO-8601 repeating interval).
     */
    record WallClockInterval(Duration every, LocalDateTime start, ZoneId zone) implements Schedule {
        public String describe() {
            return "every " + Descriptions.duration(every) + " on the wall clock from " + start + " (" + zone.getId() + ")";
        }
    }

    /**
     * A schedule that stops after a deadline (the schedule library's {@code .until()}): {@code last} is the last local
     * time, in the schedule's zone, at which it may still fire.
     */
    record Until(Schedule schedule, LocalDateTime last) implements Schedule {
        public String describe() {
            return schedule.describe() + ", until " + last;
        }
    }

    /** A systemd {@code OnCalendar=} event; {@code hostZone} applies when the expression names no zone. */
    record Calendar(CalendarSpec spec, ZoneId hostZone) implements Schedule {
        public ZoneId zone() {
            return spec.zone() != null ? spec.zone() : hostZone;
        }

        public String describe() {
            return "systemd calendar " + spec.normalized() + (spec.zone() == null ? " (" + hostZone.getId() + ")" : "");
        }
    }

    /**
     * An RFC 5545 rule as Prefect's {@code RRuleSchedule} reads it ({@link RRuleParser}); described in words when it can
     * be evaluated, else as written.
     */
    record RRule(String rule, ZoneId zone) implements Schedule {
        public String describe() {
            RRuleParser.Reading reading;
            try {
                reading = RRuleParser.read(rule);
            } catch (ScheduleSyntaxException e) {
                reading = null;
            }
            if (reading == null || reading.notEvaluated() != null) {
                return "recurrence rule " + rule.strip().replaceAll("\\s+", " ") + " (" + zone.getId() + ")";
            }
            String tzid = reading.rule().tzid();
            // to_rrule keeps DTSTART's digits and gives them the schedule's timezone, whatever zone DTSTART named
            String note = tzid != null && !ZoneId.of(tzid).normalized().equals(zone.normalized())
                    ? "; DTSTART names " + tzid + ", which Prefect replaces with the schedule's timezone" : "";
            try {
                return RRuleDescription.of(reading.rule()) + " (" + zone.getId() + note + ")";
            } catch (RuntimeException e) {
                // a sentence is not worth a failed report: the rule as written says it all the same
                return "recurrence rule " + rule.strip().replaceAll("\\s+", " ") + " (" + zone.getId() + ")";
            }
        }
    }

    /** Runs once when the machine (or the service manager) starts, after {@code delay}. */
    record AtBoot(String source, Duration delay) implements Schedule {
        public String describe() {
            return "once at boot" + (delay.isZero() ? "" : ", " + Descriptions.duration(delay) + " after it")
                    + " (" + source + ")";
        }
    }

    record EventDriven(String event) implements Schedule {
        public String describe() {
            return "when " + event;
        }
    }

    record Unknown(String reason) implements Schedule {
        public String describe() {
            return "unknown schedule: " + reason;
        }
    }
}
