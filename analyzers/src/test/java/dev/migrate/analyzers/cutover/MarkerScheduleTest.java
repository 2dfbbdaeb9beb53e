package dev.migrate.analyzers.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.scan.HostZoneUsed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disabled crontab line's schedule, rebuilt from its marker, keeps what the scan knew about its zone. */
class MarkerScheduleTest {
    @TempDir
    Path root;

    private static final HostZoneUsed ASSUMED_UTC = new HostZoneUsed("UTC", HostZoneUsed.From.ASSUMED, null);
    private static final HostZoneUsed NAMED_BERLIN = new HostZoneUsed("Europe/Berlin", HostZoneUsed.From.OPTION, "--host-zone");

    /** The scan's zone comes from its inventory, not from a property: none is set in these tests. */
    @BeforeEach
    void noProperty() {
        assertNull(System.getProperty(HostZoneUsed.PROPERTY));
    }

    private ScheduleSpec read(String crontab, HostZoneUsed hostZone) throws Exception {
        Files.writeString(root.resolve("crontab"), crontab);
        int line = crontab.lines().toList().indexOf("# disabled") + 1;
        DisableMarker marker = new DisableMarker("crontab", line, "nightly", "2026-11-20", "15 2 * * * etl /opt/etl/run.sh");
        return MarkerSchedule.of(root, marker, hostZone).orElseThrow();
    }

    @Test
    void anAssumedHostZoneLeavesTheRebuiltScheduleNotProven() throws Exception {
        ScheduleSpec spec = read("# disabled\n", ASSUMED_UTC);
        assertEquals("15 2 * * *", spec.expression());
        assertTrue(spec.zoneUnproven(), spec.toString());
        assertTrue(spec.unproven().contains("--host-zone"), spec.unproven());
    }

    @Test
    void aNamedHostZoneOrCronTzProvesIt() throws Exception {
        assertFalse(read("# disabled\n", NAMED_BERLIN).zoneUnproven());
        ScheduleSpec zoned = read("CRON_TZ=America/New_York\n# disabled\n", ASSUMED_UTC);
        assertEquals("America/New_York", zoned.timezone());
        assertFalse(zoned.zoneUnproven());
    }
}
