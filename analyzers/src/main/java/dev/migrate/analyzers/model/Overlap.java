package dev.migrate.analyzers.model;

/** What the legacy scheduler does when a run is due while the previous one is still going. */
public enum Overlap {
    /** Starts another run (plain cron). */
    ALLOW,
    /** Skips the new start (systemd timers, flock -n wrappers, fixedDelay). */
    SKIP,
    /** Queues the run until the previous one ends (flock without -n). */
    QUEUE,
    /** Not determinable from the source. */
    UNKNOWN
}
