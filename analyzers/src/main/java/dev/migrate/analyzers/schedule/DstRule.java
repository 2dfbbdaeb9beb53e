package dev.migrate.analyzers.schedule;

/**
 * How a legacy cron scheduler places a local time that a DST change skips or repeats (see docs/schedules.md). The
 * day rule ({@link DayRule}) says which days match; this says which instants the matching local times become.
 */
public enum DstRule {
    /**
     * Vixie cron (Debian cron, cronie): a skipped time runs a fixed-time job right at the change and is missed by a
     * wildcard job (minute or hour starting with {@code *}); a repeated time runs a fixed-time job once, a wildcard
     * job twice.
     */
    VIXIE,
    /** croniter on the naive clock read with Python's {@code fold=0}: skipped times one offset later, repeated once. */
    CRONITER,
    /**
     * A loop that compares naive local clock readings with the time it wants ({@code datetime.now() >= next_run}, the
     * schedule library without a zone): a skipped time runs right at the change, whatever the job's fields, and a
     * repeated time runs once, at its first occurrence (the clock reads it again only once past it).
     */
    NAIVE_CLOCK;

    /** The rule a dialect's scheduler follows when nothing says otherwise. */
    static DstRule of(DayRule dayRule) {
        return dayRule == DayRule.VIXIE ? VIXIE : CRONITER;
    }
}
