package dev.migrate.validators.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.query.Statement;
import org.junit.jupiter.api.Test;

/**
 * Zoned timestamps turn into text (samples, columns compared as text and their hashes) in the session's zone:
 * UTC on every connection, whatever the host's zone, so the same outputs give the same evidence everywhere.
 */
class DuckDbSessionZoneTest {
    private static final Statement TEXT = Statement.of("zone", "SELECT current_setting('TimeZone') AS zone, "
            + "CAST(TIMESTAMPTZ '2024-03-01 03:00:00+01:00' AS VARCHAR) AS ts");

    @Test
    void everyConnectionRendersZonedTimestampsInUtc() throws Exception {
        try (DuckDbSession session = DuckDbSession.open(new EngineSettings(2, "256MB", null, 10));
                DuckDbSession twin = session.twin()) {
            for (DuckDbSession s : new DuckDbSession[] {session, twin}) {
                assertThat(s.query(TEXT).get(0)).containsEntry("zone", "UTC")
                        .containsEntry("ts", "2024-03-01 02:00:00+00");
            }
        }
    }
}
