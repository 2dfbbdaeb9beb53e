package dev.migrate.analyzers.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.scan.HostZoneUsed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disabled crontab line's schedule, rebuilt from its marker, keeps what the scan knew about its zone. */
class MarkerScheduleTest {
    @TempDir
    Path root;

    @AfterEach
    void clear() {
        System.clearProperty(HostZoneUsed.PROPERTY);
        System.clearProperty(HostZoneUsed.ASSUMED_PROPERTY);
    }

    private ScheduleSpec read(String crontab) throws Exception {
        Files.writeString(root.resolve("crontab"), crontab);
        int line = crontab.lines().toList().indexOf("# disabled") + 1;
        DisableMarker marker = new DisableMarker("crontab", line, "nightly", "2026-11-20", "15 2 * * * etl /opt/etl/run.sh");
        return MarkerSchedule.of(root, marker).orElseThrow();
    }

    @Test
    void anAssumedHostZoneLeavesTheRebuiltScheduleNotProven() throws Exception {
        System.setProperty(HostZoneUsed.PROPERTY, "UTC");
        System.setProperty(HostZoneUsed.ASSUMED_PROPERTY, "true");
        ScheduleSpec spec = read("# disabled\n");
        assertEquals("15 2 * * *", spec.expression());
        assertTrue(spec.zoneUnproven(), spec.toString());
        assertTrue(spec.unproven().contains("--host-zone"), spec.unproven());
    }

    @Test
    void aNamedHostZoneOrCronTzProvesIt() throws Exception {
        System.setProperty(HostZoneUsed.PROPERTY, "Europe/Berlin");
        assertFalse(read("# disabled\n").zoneUnproven());
        System.setProperty(HostZoneUsed.ASSUMED_PROPERTY, "true");
        ScheduleSpec zoned = read("CRON_TZ=America/New_York\n# disabled\n");
        assertEquals("America/New_York", zoned.timezone());
        assertFalse(zoned.zoneUnproven());
    }
}
