package dev.migrate.analyzers.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/** Says why two fire-time lists parted, naming the DST rule at play when a clock change is near. */
final class DstNotes {
    private DstNotes() {
    }

    static String explain(Schedule source, PrefectSchedule target, ZonedDateTime legacy, ZonedDateTime prefect, int index,
                          ZoneId zone) {
        if (source instanceof Schedule.Until u) {
            source = u.schedule();
        }
        String head = "fire time #" + (index + 1) + " differs: legacy " + (legacy == null ? "none" : legacy)
                + ", Prefect " + (prefect == null ? "none" : prefect);
        ZonedDateTime at = legacy != null ? legacy : prefect;
        ZoneOffsetTransition tr = at == null ? null : zone.getRules().previousTransition(at.toInstant().plusSeconds(86_400));
        boolean nearDst = tr != null && Duration.between(tr.getInstant(), at.toInstant()).abs().compareTo(Duration.ofDays(1)) <= 0;
        if (!nearDst) {
            return head + "; the two schedules do not describe the same times";
        }
        String change = (tr.isGap() ? "spring-forward" : "fall-back") + " change on "
                + tr.getInstant().atZone(zone).toLocalDate() + " (" + zone.getId() + ")";
        String why;
        if (source instanceof Schedule.Cron c && c.dst() == DstRule.NAIVE_CLOCK) {
            why = tr.isGap()
                    ? "the schedule library without a zone waits until the naive local clock reads the time, so a skipped "
                        + "time runs right at the change; Prefect moves it one offset later"
                    : "the schedule library without a zone runs a repeated local time once, at its first occurrence, "
                        + "but Prefect's run is not at the same instant";
        } else if (source instanceof Schedule.Cron c && c.dst() == DstRule.VIXIE) {
            why = tr.isGap()
                    ? (c.expression().wildcardTime()
                        ? "Vixie cron skips the missing local times of wildcard jobs, Prefect moves them one offset later"
                        : "Vixie cron runs a job whose local time is skipped right at the change, Prefect moves it by the size of the gap")
                    : (c.expression().wildcardTime()
                        ? "Vixie cron runs wildcard jobs in both copies of the repeated hour, Prefect runs each local time once"
                        : "both run a repeated local time once, but not at the same instant");
        } else if (source instanceof Schedule.Calendar) {
            why = tr.isGap()
                    ? "systemd skips calendar times that do not exist on that day, Prefect moves them one offset "
                        + (target.rrule() != null ? "earlier (dateutil's reading of an RRULE)" : "later")
                    : "systemd elapses a repeated local time once, at its first occurrence";
        } else if (source instanceof Schedule.WallClockInterval) {
            why = "the legacy interval steps on the wall clock, Prefect adds whole days on the calendar and the rest as elapsed time";
        } else if (source instanceof Schedule.Interval) {
            why = "the legacy interval counts elapsed time, Prefect adds whole days on the calendar (keeping the wall-clock time)";
        } else {
            why = "the two sides resolve local times differently";
        }
        return head + " around the " + change + ": " + why;
    }
}
