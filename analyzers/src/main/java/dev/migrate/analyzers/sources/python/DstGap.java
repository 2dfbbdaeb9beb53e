package dev.migrate.analyzers.sources.python;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * A time of day that a spring-forward change of the {@code at()} zone skips, and what schedule 1.2 does with it.
 * {@code Job._correct_utc_offset} puts the skipped time one offset later on the day of the change (02:30 runs at
 * 03:30, as Prefect's croniter does); on the next run its starting point is the time moved one offset earlier, which
 * exists again after the change, so the library also runs once at that earlier time (01:30) before the regular one.
 *
 * @param at   the {@code at()} time
 * @param gap  the length of the skipped hour (or half hour)
 * @param zone the {@code at()} zone
 */
record DstGap(LocalTime at, Duration gap, ZoneId zone) {
    /** Transitions are looked at in these years, so that the answer does not depend on the day of the scan. */
    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2040-01-01T00:00:00Z");

    /** The gap of {@code zone} that skips {@code at}, if any; empty without a zone or for an unknown one. */
    static Optional<DstGap> of(String zone, LocalTime at) {
        if (zone == null) {
            return Optional.empty();
        }
        ZoneId z;
        try {
            z = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        for (ZoneOffsetTransition t = z.getRules().nextTransition(FROM); t != null && t.getInstant().isBefore(UNTIL);
             t = z.getRules().nextTransition(t.getInstant())) {
            LocalTime from = t.getDateTimeBefore().toLocalTime();
            LocalTime to = t.getDateTimeAfter().toLocalTime();
            // a gap that does not cross midnight: [from, to) is skipped on the day of the change
            if (t.isGap() && from.isBefore(to) && !at.isBefore(from) && at.isBefore(to)) {
                return Optional.of(new DstGap(at, t.getDuration(), z));
            }
        }
        return Optional.empty();
    }

    /** The decision's sentence; {@code atText} is the call as written, {@code at("02:30")}. */
    String sentence(String atText) {
        return "." + atText + " is a time that the spring-forward change of " + zone.getId() + " skips: schedule 1.2 runs it "
                + "at " + at.plus(gap) + " on the day of the change, as the deployment does, and at its next run also once at "
                + at.minus(gap) + " before the regular " + at + ", which the deployment does not";
    }
}
