package dev.migrate.analyzers.schedule;

/**
 * How a legacy cron scheduler places a local time that a DST change skips or repeats (see docs/schedules.md). The
 * day rule ({@link DayRule}) says which days match; this says which instants the matching local times become, as data:
 * each rule is a {@link Placement} for fixed-time jobs and one for wildcard jobs (minute or hour starting with
 * {@code *}), the same for every scheduler but Vixie cron.
 */
public enum DstRule {
    /**
     * Vixie cron (Debian cron, cronie): a skipped time runs a fixed-time job right at the change and is missed by a
     * wildcard job; a repeated time runs a fixed-time job once, a wildcard job twice.
     */
    VIXIE("Vixie cron", new Placement(Skipped.AT_THE_CHANGE, Repeated.FIRST_PASS),
            new Placement(Skipped.NEVER, Repeated.BOTH_PASSES)),
    /** croniter on the naive clock read with Python's {@code fold=0}: skipped times one offset later, repeated once. */
    CRONITER("croniter", Placement.CRONITER, Placement.CRONITER),
    /**
     * A loop that compares naive local clock readings with the time it wants ({@code datetime.now() >= next_run}, the
     * schedule library without a zone): a skipped time runs right at the change, whatever the job's fields, and a
     * repeated time runs once, at its first occurrence (the clock reads it again only once past it).
     */
    NAIVE_CLOCK("the schedule library without a zone", new Placement(Skipped.AT_THE_CHANGE, Repeated.FIRST_PASS),
            new Placement(Skipped.AT_THE_CHANGE, Repeated.FIRST_PASS)),
    /**
     * Spring's {@code CronExpression} (5.3 and later, which {@code @Scheduled(cron)} and {@code CronTrigger} use): it
     * steps seconds, minutes and hours forward in elapsed time on a {@code ZonedDateTime} and sets a field with
     * {@code with()}, which keeps the current offset while it is valid, so every instant whose local time matches fires,
     * both passes of a repeated hour included (after a run at 01:30 EDT, rolling the minutes on from 01:31 by 29
     * elapsed minutes lands on 01:00 EST, whose 01:30 matches again). A time a spring-forward change skips never fires: Spring's own CronExpressionTests
     * (daylightSaving) expect {@code 0 10 2 * * *} from 2013-03-31T01:09+01:00 Europe/Amsterdam to fire next on
     * 2013-04-01, spring-projects/spring-framework#28245 reports {@code 0 30 2 * * ?} skipped on the change day, and
     * #36865 keeps "those executions are still skipped rather than deferred". Before that fix (2026) a gap at midnight
     * (Africa/Cairo) made older versions skip the rest of that day too (#36859); the model follows the fixed contract.
     */
    SPRING("Spring", Placement.ELAPSED, Placement.ELAPSED),
    /**
     * Quartz's {@code CronExpression.getTimeAfter}: it sets the fields of a lenient {@code java.util.GregorianCalendar}
     * in the trigger's zone, and each set is resolved again from the wall time. The JDK resolves a repeated local time
     * to its second pass (the offset after the change) and a skipped one by moving it forward by the gap; Quartz then
     * finds the moved time's hour or minute no longer matching and goes on to the next match. So a skipped local time
     * never fires and a repeated one fires once, at its second pass, for fixed-time and wildcard crons alike: a
     * quarter-hourly trigger goes from 00:45 EDT straight to 01:00 EST (quartz-scheduler/quartz#1104, "stops running
     * one hour before the DST ends"; #51 and its maintainer's answer for the skipped hour's jobs).
     */
    QUARTZ("Quartz", new Placement(Skipped.NEVER, Repeated.SECOND_PASS),
            new Placement(Skipped.NEVER, Repeated.SECOND_PASS));

    /** What becomes of a local time a spring-forward change skips. */
    public enum Skipped {
        /** It does not fire. */
        NEVER,
        /** It fires right at the change. */
        AT_THE_CHANGE,
        /** It fires one offset later (02:30 at 03:30): the naive time read with the offset before the change. */
        ONE_OFFSET_LATER
    }

    /** Which passes of a local time a fall-back change repeats fire. */
    public enum Repeated {
        FIRST_PASS,
        SECOND_PASS,
        BOTH_PASSES
    }

    /** Where a scheduler puts skipped and repeated local times. */
    public record Placement(Skipped skipped, Repeated repeated) {
        /** Prefect 3's cron (croniter, {@code fold=0}), and the rule of the schedulers that read crons as it does. */
        public static final Placement CRONITER = new Placement(Skipped.ONE_OFFSET_LATER, Repeated.FIRST_PASS);
        /**
         * Every instant whose local time matches: a clock that runs in elapsed time (Spring's crons, and Prefect 3's
         * intervals of less than a day).
         */
        public static final Placement ELAPSED = new Placement(Skipped.NEVER, Repeated.BOTH_PASSES);
    }

    private final String scheduler;
    private final Placement fixedTime;
    private final Placement wildcard;

    DstRule(String scheduler, Placement fixedTime, Placement wildcard) {
        this.scheduler = scheduler;
        this.fixedTime = fixedTime;
        this.wildcard = wildcard;
    }

    /** The rule a dialect's scheduler follows when nothing says otherwise. */
    static DstRule of(DayRule dayRule) {
        return dayRule == DayRule.VIXIE ? VIXIE : CRONITER;
    }

    /** Where this scheduler puts the skipped and repeated local times of {@code e}. */
    public Placement placement(CronExpression e) {
        return placement(e.wildcardTime());
    }

    /** @param wildcardTime whether the job's minute or hour starts with {@code *} (a cron on seconds of every minute does) */
    public Placement placement(boolean wildcardTime) {
        return wildcardTime ? wildcard : fixedTime;
    }

    /** The scheduler's name, as a proof's note says it ("Spring fires 01:30 twice"). */
    public String scheduler() {
        return scheduler;
    }
}
