package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One scan proves from one instant, however long it runs; {@code -Dmigrate.now} still fixes it. */
class ScheduleCheckScanInstantTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private String savedNow;

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void noFixedNow() {
        savedNow = System.getProperty("migrate.now");
        System.clearProperty("migrate.now");
    }

    @AfterEach
    void restore() {
        if (savedNow != null) {
            System.setProperty("migrate.now", savedNow);
        }
        ScheduleCheck.beginScan();
    }

    @Test
    void checksOfOneScanShareItsInstantWhenTheClockCrossesAMinute() {
        MovingClock clock = new MovingClock(Instant.parse("2026-03-29T00:59:58.500Z"));
        ScheduleCheck.beginScan(clock);
        ScheduleCheck detectors = ScheduleCheck.inZone(BERLIN, clock);
        clock.advance(Duration.ofSeconds(3));
        ScheduleCheck report = ScheduleCheck.inZone(BERLIN, clock);
        ScheduleCheck otherZone = ScheduleCheck.inZone(ZoneId.of("UTC"), clock);

        assertThat(detectors.now()).isEqualTo(Instant.parse("2026-03-29T00:59:00Z"));
        // the same check, so its interpretations and proofs are not made again
        assertThat(report).isSameAs(detectors);
        assertThat(otherZone.now()).isEqualTo(detectors.now());
    }

    @Test
    void theNextScanTakesANewInstant() {
        MovingClock clock = new MovingClock(Instant.parse("2026-11-25T01:10:30Z"));
        ScheduleCheck.beginScan(clock);
        ScheduleCheck first = ScheduleCheck.inZone(BERLIN, clock);
        clock.advance(Duration.ofHours(2));
        ScheduleCheck.beginScan(clock);
        ScheduleCheck second = ScheduleCheck.inZone(BERLIN, clock);

        assertThat(first.now()).isEqualTo(Instant.parse("2026-11-25T01:10:00Z"));
        assertThat(second.now()).isEqualTo(Instant.parse("2026-11-25T03:10:00Z"));
    }

    @Test
    void aFixedNowOverridesTheScanInstant() {
        MovingClock clock = new MovingClock(Instant.parse("2026-11-25T01:10:30Z"));
        ScheduleCheck.beginScan(clock);
        System.setProperty("migrate.now", "2024-01-01T00:00:00Z");
        try {
            assertThat(ScheduleCheck.inZone(BERLIN, clock).now()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        } finally {
            System.clearProperty("migrate.now");
        }
        assertThat(ScheduleCheck.inZone(BERLIN, clock).now()).isEqualTo(Instant.parse("2026-11-25T01:10:00Z"));
    }
}
