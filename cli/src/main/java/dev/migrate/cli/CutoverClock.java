package dev.migrate.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** "Now" for cutover commands: the clock, or {@code --at} so that a plan can be reproduced. */
final class CutoverClock {
    private CutoverClock() {
    }

    static Instant now(String at) {
        if (at == null) {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw CliException.invalidInput("--at " + at + ": expected an ISO-8601 instant such as 2024-03-01T02:00:00Z");
        }
    }
}
