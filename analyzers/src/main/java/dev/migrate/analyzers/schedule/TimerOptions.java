package dev.migrate.analyzers.schedule;

import java.time.Duration;

/** systemd timer settings that change when a start really happens, beyond the calendar itself. */
public record TimerOptions(Duration randomizedDelay, boolean persistent, Duration accuracy) {
    public static final TimerOptions NONE = new TimerOptions(Duration.ZERO, false, null);
}
