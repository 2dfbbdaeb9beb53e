package dev.migrate.analyzers.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Translates a legacy {@link Schedule} into a Prefect 3 schedule and proves the translation. */
public final class PrefectTranslator {
    private PrefectTranslator() {
    }

    /** A legacy job's schedule. */
    public static Translation translate(Schedule source, TimerOptions options, Instant reference) {
        return translate(source, options, reference, ScheduleOrigin.LEGACY_JOB);
    }

    /** @param origin whose schedule it is: a Prefect deployment's own interval without anchor_date keeps none */
    public static Translation translate(Schedule source, TimerOptions options, Instant reference, ScheduleOrigin origin) {
        if (source instanceof Schedule.Until u) {
            return until(u, translate(u.schedule(), options, reference, origin), reference, origin);
        }
        List<String> reasons = new ArrayList<>(timerReasons(options));
        PrefectSchedule target = null;
        if (source instanceof Schedule.Cron c) {
            target = cron(c);
        } else if (source instanceof Schedule.Calendar cal) {
            target = calendar(cal, reasons);
        } else if (source instanceof Schedule.Interval iv) {
            boolean ownInterval = origin.prefect() && iv.anchor() == null;
            // a legacy job's interval gets the anchor its proof counts from written out; a deployment's own keeps none, and
            // the proof counts both sides from the same default anchor (FireTimes), as Prefect counts both from creation
            target = inUtc(iv, origin) ? PrefectSchedule.interval(iv.every(),
                    LocalDateTime.ofInstant(iv.anchor(), ZoneOffset.UTC), "UTC")
                    // the anchor is an instant: written so that Prefect 3 reads that instant, also in a repeated hour
                    : iv.anchor() != null ? PrefectSchedule.interval(iv.every(), iv.anchor().atZone(iv.zone()),
                    iv.zone().getId())
                    : PrefectSchedule.interval(iv.every(), ownInterval ? null : FireTimes.DEFAULT_ANCHOR, iv.zone().getId());
            if (iv.anchor() == null && iv.every().compareTo(Duration.ofDays(1)) >= 0) {
                // Whole days (or more) from an unknown start: the time of day is the schedule, and the source does not say it.
                reasons.add(ownInterval ? "the deployment has no anchor_date: Prefect counts its every "
                        + Descriptions.duration(iv.every()) + " from the moment the deployment is created, so the new "
                        + "deployment runs at the time of day it is created, not at the old one's: set anchor_date to a "
                        + "time the deployment ran"
                        : "the legacy job ran every " + Descriptions.duration(iv.every()) + " from whenever it was "
                        + "started, at a time of day the source does not state; the deployment counts from the anchor_date "
                        + "written, " + FireTimes.DEFAULT_ANCHOR + (target.anchorOffset() == null ? ""
                        : " in " + iv.zone().getId() + " (written as the instant in UTC, " + target.anchorText() + ")")
                        + ", so it runs at " + FireTimes.DEFAULT_ANCHOR.toLocalTime()
                        + " (without one, Prefect counts from the moment the deployment is created): set anchor_date to a "
                        + "time the job ran");
            }
            if (iv.fromEnd()) {
                reasons.add("the interval is counted from the end of the previous run (OnUnitInactiveSec); "
                        + "Prefect intervals are counted between scheduled starts, so runs drift by their duration");
            }
        } else if (source instanceof Schedule.SecondsCron sc) {
            // any whole minute is in step with the source's seconds, as the anchor written is (Prefect's own default, the
            // moment the deployment is created, would not be)
            target = PrefectSchedule.interval(sc.every(), FireTimes.DEFAULT_ANCHOR, sc.zone().getId());
        } else if (source instanceof Schedule.WallClockInterval w) {
            target = wallClock(w, origin);
        } else if (source instanceof Schedule.RRule r) {
            target = RRuleTranslation.target(r, reference, reasons);
        } else if (source instanceof Schedule.AtBoot) {
            // the schedule's description stands before this in every report: say what to do, not what it is again
            reasons.add("Prefect 3 schedules (cron, interval, rrule) have no boot trigger: run it from the worker's "
                    + "start-up or trigger the deployment by an event");
        } else if (source instanceof Schedule.EventDriven) {
            reasons.add("an event starts it, not a clock: use a deployment trigger instead of a schedule");
        } else if (source instanceof Schedule.Unknown u) {
            reasons.add("the schedule is not statically known: " + u.reason());
        }
        if (target != null) {
            offsetZoneReason(target.timezone()).ifPresent(reasons::add);
        }
        ScheduleProof proof = target == null ? null
                : ScheduleProver.prove(source, origin, target, reference, ScheduleProver.DEFAULT_FIRE_TIMES);
        if (source instanceof Schedule.WallClockInterval w && target.interval() != null && proof != null && !proof.equal()) {
            reasons.add(wallClockReason(w, origin));
        } else if (source instanceof Schedule.WallClockInterval w && target.rrule() != null && proof != null
                && !proof.equal()) {
            reasons.add(changeDayReason(w, origin));
        }
        boolean exact = proof != null && proof.equal() && reasons.isEmpty();
        return new Translation(source, target, exact, reasons, proof, exact ? phaseCaveat(source, origin) : null);
    }

    /**
     * A timezone written as a UTC offset ({@code +05:30}, a Prefect 1 start's tzinfo that pendulum kept as its offset):
     * the proof's times are right, but Prefect 3's timezone takes IANA names only, and its fixed-offset names are whole
     * hours, so a part-hour offset needs a person to choose a zone, while a whole-hour one has its Etc/GMT name.
     */
    static java.util.Optional<String> offsetZoneReason(String timezone) {
        java.time.ZoneId zone = java.time.ZoneId.of(timezone);
        if (!(zone instanceof ZoneOffset offset) || offset.getTotalSeconds() == 0) {
            return java.util.Optional.empty();
        }
        int seconds = offset.getTotalSeconds();
        return java.util.Optional.of("timezone " + timezone + " is a fixed UTC offset, and Prefect 3's timezone takes IANA "
                + "names only: " + (seconds % 3600 == 0 ? "write Etc/GMT" + (seconds > 0 ? "-" : "+") + Math.abs(seconds / 3600)
                + ", its IANA name (the sign counts the other way)"
                : "no IANA name is a fixed offset of part of an hour (Etc/GMT-N are whole hours), so choose an IANA zone "
                + "whose offset stays " + timezone + " for as long as the deployment runs, which keeps these times"));
    }

    /**
     * Why Prefect 3's interval does not keep a wall-clock interval's times: its jump from anchor_date to the time the
     * scheduler looks from is elapsed time, and only the steps after it are calendar days, so every search that starts
     * where the UTC offset differs from anchor_date's places the runs one DST offset off the start's time of day.
     */
    private static String wallClockReason(Schedule.WallClockInterval w, ScheduleOrigin origin) {
        return (origin == ScheduleOrigin.PREFECT1_FLOW ? "Prefect 1.4.1 stepped this clock on the wall clock"
                : "the legacy job keeps its wall-clock time") + " in " + w.zone().getId() + "; Prefect 3 jumps from "
                + "anchor_date to the time it schedules from in elapsed time and only then steps whole days on the "
                + "calendar, so the runs it schedules from the part of the year whose UTC offset differs from anchor_date's "
                + "are one DST offset off";
    }

    /**
     * Why an RRULE that keeps a wall-clock interval's time of day still parts from it: only where that time does not
     * exist or exists twice on a change day, which dateutil places by its own rule (a skipped time with the offset after
     * the change, so an hour earlier; a repeated one at its first occurrence).
     */
    private static String changeDayReason(Schedule.WallClockInterval w, ScheduleOrigin origin) {
        return "the RRULE keeps the time of day in " + w.zone().getId() + ", but that time is skipped or repeated on a "
                + "DST change day, where Prefect 3 (dateutil) runs a skipped time an hour early and a repeated one at its "
                + "first occurrence, and " + (origin == ScheduleOrigin.PREFECT1_FLOW
                ? "Prefect 1.4.1 (pendulum) ran them an hour late and at the second occurrence"
                : "the legacy job runs a skipped time after the change and a repeated one at its first occurrence")
                + ": choose a time outside the change hour, or accept that day's run";
    }

    /**
     * An interval without a start the source states (systemd's OnUnitActiveSec counts from the unit's last
     * activation; a sleep loop or an in-process scheduler from the process start; a Prefect deployment without
     * anchor_date from its creation): the proof compares the spacing from one anchor, so the minute of each run is the
     * deployment's anchor_date, or its creation. Whole days get a reason instead (the time of day is the schedule).
     */
    private static String phaseCaveat(Schedule source, ScheduleOrigin origin) {
        if (!(source instanceof Schedule.Interval iv)) {
            return null;
        }
        if (inUtc(iv, origin)) {
            return "written in UTC: the legacy job counts whole days in elapsed time, which drifts an hour against the "
                    + "wall clock of " + iv.zone().getId() + " at each DST change; Prefect steps an interval's days on the "
                    + "calendar of its timezone, which only in UTC is elapsed time";
        }
        if (iv.anchor() != null) {
            return null;
        }
        if (origin.prefect()) {
            return "no anchor_date: Prefect counts the interval from the moment the deployment is created, before the "
                    + "move and after it";
        }
        return "the legacy runs count from whenever the job last started (a boot, a restart), so each run's minute "
                + "comes from anchor_date: set it to a time the job ran";
    }

    /**
     * A legacy job's interval of a day or more from a stated start, in a zone with daylight saving: the job counts elapsed
     * time, Prefect 3 adds an interval's days on the calendar of its timezone (then the rest in elapsed time), so only an
     * interval written in UTC keeps the job's runs (a zone
     * with a clock change after the start; Asia/Tokyo's last was in 1951). Shorter intervals are elapsed time in any zone and keep the job's; a
     * Prefect deployment's own interval already ran by Prefect's rule; one without a start gets a reason (its time of day
     * is unknown) and keeps the zone the user reads the anchor in.
     */
    private static boolean inUtc(Schedule.Interval iv, ScheduleOrigin origin) {
        return !origin.prefect() && iv.anchor() != null && iv.every().compareTo(Duration.ofDays(1)) >= 0
                && iv.zone().getRules().nextTransition(iv.anchor()) != null;
    }

    /**
     * A schedule with a deadline: an RRULE ends with UNTIL, so a translation that is an RRULE or can be written as one
     * (the source's RRULE, a cron of every day of the month, whole days on the wall clock from 2020-01-01) gets it; cron and interval
     * schedules have no end date in Prefect 3, which is a reason the translation is not exact. The rule is read with
     * the same parser as any RRULE and written back from what it read ({@link RRuleWriter}).
     */
    private static Translation until(Schedule.Until u, Translation open, Instant reference, ScheduleOrigin origin) {
        PrefectSchedule target = open.target();
        if (target == null) {
            return new Translation(u, null, false, open.reasons(), null);
        }
        // an RRULE proven to be a cron ends as the rule it was
        RecurrenceRule rule = target.rrule() != null ? evaluated(target.rrule())
                : u.schedule() instanceof Schedule.RRule r ? evaluated(r.rule())
                : u.schedule() instanceof Schedule.Cron c ? DailyRRules.fromCron(c.expression())
                : u.schedule() instanceof Schedule.WallClockInterval w ? everyDays(w) : null;
        RecurrenceRule ending = rule == null ? null : rule.endingBy(u.last());
        List<String> reasons = new ArrayList<>(open.reasons());
        if (ending != null) {
            target = PrefectSchedule.rrule(ending.text(), target.timezone());
        } else {
            reasons.add("the legacy job stopped after " + u.last() + "; Prefect 3 " + (target.cron() != null ? "cron"
                    : target.interval() != null ? "interval" : "RRULE") + " schedules of this kind have no end date: pause "
                    + "or delete the deployment's schedule then");
        }
        ScheduleProof proof = ScheduleProver.prove(u, origin, target, reference, ScheduleProver.DEFAULT_FIRE_TIMES);
        return new Translation(u, target, proof != null && proof.equal() && reasons.isEmpty(), reasons, proof);
    }

    /** The rule of an RRULE target, or null when it has a part that is not evaluated (it is then written as it was). */
    private static RecurrenceRule evaluated(String rrule) {
        try {
            RRuleParser.Reading reading = RRuleParser.read(rrule);
            return reading.notEvaluated() == null ? reading.rule() : null;
        } catch (ScheduleSyntaxException e) {
            return null;
        }
    }

    /**
     * Every n whole days at the start's time on the wall clock, or null for any other wall-clock interval: from 2020-01-01
     * (Prefect's own DTSTART) without a DTSTART, from any other date with {@code DTSTART;TZID=} the start in its zone,
     * which Prefect 3's {@code RRuleSchedule.to_rrule} keeps (it only puts the schedule's timezone on its digits).
     */
    private static RecurrenceRule everyDays(Schedule.WallClockInterval w) {
        long seconds = w.every().getSeconds();
        boolean wholeDays = w.every().getNano() == 0 && seconds % 86_400 == 0 && seconds / 86_400 <= 366;
        if (!wholeDays) {
            return null;
        }
        RecurrenceRule rule = DailyRRules.everyDays((int) (seconds / 86_400), w.start().toLocalTime());
        return w.start().toLocalDate().equals(FireTimes.DEFAULT_ANCHOR.toLocalDate()) ? rule
                : DailyRRules.from(rule, w.start(), w.zone().getId());
    }

    /**
     * An interval, except whole days in a zone with DST: Prefect's IntervalSchedule jumps from anchor_date in elapsed
     * time, so its runs would sit an hour off the wall-clock time for part of the year, while a daily RRULE with an
     * INTERVAL steps on the wall clock from its DTSTART (2020-01-01 when it names none).
     */
    private static PrefectSchedule wallClock(Schedule.WallClockInterval w, ScheduleOrigin origin) {
        RecurrenceRule days = everyDays(w);
        if (days != null && !w.zone().getRules().isFixedOffset()) {
            return PrefectSchedule.rrule(days.text(), w.zone().getId());
        }
        // the start where its scheduler put it: pendulum a repeated local time at its second occurrence (a Prefect 1
        // start), the legacy wall clock at its first (java.time's rule, as FireTimes counts it)
        java.time.ZonedDateTime start = w.start().atZone(w.zone());
        return PrefectSchedule.interval(w.every(), origin == ScheduleOrigin.PREFECT1_FLOW
                ? start.withLaterOffsetAtOverlap() : start, w.zone().getId());
    }

    /**
     * Vixie cron ANDs the day fields when either starts with '*', croniter when either reads as '*': pick
     * {@code day_or} (or rewrite the day fields) so that Prefect picks the same days as the source.
     */
    static PrefectSchedule cron(Schedule.Cron c) {
        CronExpression e = c.expression();
        if (c.dst() == DstRule.SPRING && ZoneFreeSchedules.firesAlikeInEveryZone(e)) {
            // Spring fires such a cron at every instant whose local time matches, both passes of a repeated hour
            // (DstRule#SPRING), which are its instants in UTC too; croniter in a zone with DST would run the repeated
            // hour once, so it is written in UTC, where Prefect 3 runs the same instants
            return PrefectSchedule.cron(e.text(), true, "UTC");
        }
        boolean wantOr = c.dayRule().combinesWithOr(e);
        if (wantOr && (e.full(CronField.DAY_OF_MONTH) || e.full(CronField.DAY_OF_WEEK))) {
            // OR with a field that matches every day is every day; say so plainly.
            return PrefectSchedule.cron(e.withDayFields("*", "*").text(), true, c.zone().getId());
        }
        boolean dayOr = wantOr || !DayRule.CRONITER_OR.combinesWithOr(e);
        return PrefectSchedule.cron(e.text(), dayOr, c.zone().getId());
    }

    private static PrefectSchedule calendar(Schedule.Calendar cal, List<String> reasons) {
        CalendarSpec s = cal.spec();
        if (s.usesSeconds() || s.endOfMonth() || !s.year().any()) {
            // Cron cannot say seconds, '~' or years; an RRULE can say the first two.
            RecurrenceRule rule = DailyRRules.fromCalendar(s);
            if (rule != null) {
                return PrefectSchedule.rrule(rule.text(), cal.zone().getId());
            }
            reasons.add("OnCalendar=" + s.original() + (s.year().any()
                    ? " fires at fractions of a second, which Prefect schedules cannot express"
                    : " restricts years, which Prefect cron and our RRULEs cannot express"));
            return null;
        }
        BitSet dow = new BitSet();
        for (int d = 0; d < 7; d++) {
            if ((s.weekdays() & (1 << d)) != 0) {
                dow.set((d + 1) % 7);
            }
        }
        String cron = String.join(" ", CronText.field(s.minute().values(0, 59), 0, 59),
                CronText.field(s.hour().values(0, 23), 0, 23),
                s.day().any() ? "*" : CronText.field(s.day().values(1, 31), 1, 31),
                CronText.field(s.month().values(1, 12), 1, 12),
                CronText.field(dow, 0, 6));
        boolean bothDays = !s.day().any() && !s.allWeekdays();
        return PrefectSchedule.cron(cron, !bothDays, cal.zone().getId());
    }

    private static List<String> timerReasons(TimerOptions o) {
        List<String> reasons = new ArrayList<>();
        if (o.randomizedDelay() != null && !o.randomizedDelay().isZero()) {
            reasons.add("RandomizedDelaySec=" + Descriptions.duration(o.randomizedDelay())
                    + " delays each start by a random amount; Prefect starts at the scheduled time");
        }
        if (o.persistent()) {
            reasons.add("Persistent=true runs a start missed while the machine was off as soon as it is back; "
                    + "Prefect has no such catch-up for times missed while its scheduler was down");
        }
        if (o.accuracy() != null && o.accuracy().compareTo(Duration.ofMinutes(1)) > 0) {
            reasons.add("AccuracySec=" + Descriptions.duration(o.accuracy())
                    + " lets systemd start the job up to that much later to batch wake-ups");
        }
        return reasons;
    }
}
