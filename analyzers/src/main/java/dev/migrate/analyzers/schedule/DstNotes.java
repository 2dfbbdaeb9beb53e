package dev.migrate.analyzers.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/** Says why two fire-time lists parted, naming the DST rule at play when a clock change is near. */
final class DstNotes {
    private DstNotes() {
    }

    static String explain(Schedule source, ScheduleOrigin origin, PrefectSchedule target, ZonedDateTime legacy,
                          ZonedDateTime prefect, int index, ZoneId zone) {
        if (source instanceof Schedule.Until u) {
            source = u.schedule();
        }
        String head = "fire time #" + (index + 1) + " differs: legacy " + (legacy == null ? "none" : legacy)
                + ", Prefect " + (prefect == null ? "none" : prefect);
        ZonedDateTime at = legacy != null ? legacy : prefect;
        if (placedByJavaScheduler(source) && prefect != null && legacy != null && prefect.isBefore(legacy)) {
            // Spring and Quartz leave out a time Prefect runs (a skipped 02:30 of a weekly job): the first difference is
            // Prefect's run at the change, the legacy one can be a week later
            at = prefect;
        }
        // an interval's runs part at its first run after the change, which for a weekly one can be days later
        Duration reach = source instanceof Schedule.Interval iv && iv.every().compareTo(Duration.ofDays(1)) > 0
                ? iv.every() : Duration.ofDays(1);
        ZoneOffsetTransition tr = at == null ? null : zone.getRules().previousTransition(at.toInstant().plus(reach));
        boolean nearDst = tr != null && Duration.between(tr.getInstant(), at.toInstant()).abs().compareTo(reach) <= 0;
        if (!nearDst) {
            return head + "; the two schedules do not describe the same times";
        }
        String change = (tr.isGap() ? "spring-forward" : "fall-back") + " change on "
                + tr.getInstant().atZone(zone).toLocalDate() + " (" + zone.getId() + ")";
        String why;
        String placed = javaSchedulerNote(source, target, tr, zone);
        if (placed != null) {
            why = placed;
        } else if (source instanceof Schedule.Cron c && c.dst() == DstRule.NAIVE_CLOCK) {
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
        } else if (origin == ScheduleOrigin.PREFECT1_FLOW
                && (source instanceof Schedule.Interval || source instanceof Schedule.WallClockInterval)) {
            why = "Prefect 1.4.1 (pendulum) added a clock's interval on the local clock once its runs were a day or more "
                    + "from start_date, so they kept their wall-clock times and " + (tr.isGap()
                    ? "a skipped local time ran one gap later"
                    : "a repeated local time ran once, at its second occurrence")
                    + "; Prefect 3 jumps from anchor_date in elapsed time, then adds whole days on the calendar and the "
                    + "rest as elapsed time";
        } else if (source instanceof Schedule.WallClockInterval) {
            why = "the legacy interval steps on the wall clock, Prefect adds whole days on the calendar and the rest as elapsed time";
        } else if (source instanceof Schedule.Interval && origin == ScheduleOrigin.PREFECT2_DEPLOYMENT) {
            why = tr.isGap() ? "Prefect 2 adds the whole interval on the local clock when it has days, Prefect 3 adds the "
                    + "days on the calendar and the rest as elapsed time"
                    : "Prefect 2 (pendulum) puts a repeated local time at its second occurrence, Prefect 3 keeps the "
                    + "offset of the previous run, its first occurrence";
        } else if (source instanceof Schedule.Interval) {
            why = "the legacy interval counts elapsed time; Prefect jumps from anchor_date in elapsed time too, but then "
                    + "adds whole days on the calendar, so the runs it schedules across the change keep the wall-clock time";
        } else {
            why = "the two sides resolve local times differently";
        }
        return head + " around the " + change + ": " + why;
    }

    private static boolean placedByJavaScheduler(Schedule source) {
        return source instanceof Schedule.SecondsCron
                || source instanceof Schedule.Cron c && (c.dst() == DstRule.SPRING || c.dst() == DstRule.QUARTZ);
    }

    /**
     * What Spring or Quartz and Prefect 3 each do with the schedule's local times the change skips or repeats
     * ({@link PassNotes}); null for other schedulers, or when none of its times is in the change's span.
     */
    private static String javaSchedulerNote(Schedule source, PrefectSchedule target, ZoneOffsetTransition tr, ZoneId zone) {
        // Prefect 3's cron is croniter's rule; its interval of less than a day counts elapsed seconds, every pass
        DstRule.Placement prefect = target.cron() != null ? DstRule.Placement.CRONITER : DstRule.Placement.ELAPSED;
        if (placedByJavaScheduler(source) && source instanceof Schedule.Cron c) {
            return PassNotes.explain(c.dst().scheduler(), c.dst().placement(c.expression()), prefect,
                    PassNotes.cronTimes(c.expression(), c.dayRule(), tr), tr, zone);
        }
        if (source instanceof Schedule.SecondsCron sc && target.interval() != null) {
            return PassNotes.explain(sc.dst().scheduler(), sc.dst().placement(true), prefect,
                    PassNotes.everySeconds(sc.every().getSeconds(), tr), tr, zone);
        }
        return null;
    }
}
