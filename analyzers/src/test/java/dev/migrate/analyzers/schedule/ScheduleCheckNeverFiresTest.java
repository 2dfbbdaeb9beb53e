package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A crontab line on 31 February (the usual way to switch a cron job off) never runs; its proof found both sides
 * agreeing on no runs and the scan called it exact with no finding. ScheduleCheck.inexactness now says it never runs.
 */
class ScheduleCheckNeverFiresTest {
    private static final ScheduleCheck CHECK = new ScheduleCheck(ZoneId.of("Europe/Paris"), Instant.parse("2026-11-21T00:00:00Z"));
    private static final SourceRef AT = SourceRef.at("etc/cron.d/old", 3, 1);

    @Test
    void aScheduleOnADateThatDoesNotExistNeverRuns() {
        assertThat(CHECK.inexactness(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "0 4 31 2 *", null, AT)))
                .startsWith("the job never runs: neither side ever fires")
                .endsWith("keep it off (a paused deployment) or delete it");
        assertThat(CHECK.inexactness(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "0 0 30 2 *", "UTC", AT)))
                .startsWith("the job never runs");
    }

    @Test
    void rareButRealDatesStayExact() {
        // must not change: 29 February comes every four years, 31st of the 31-day months every year
        assertThat(CHECK.inexactness(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "0 0 29 2 *", null, AT))).isNull();
        assertThat(CHECK.inexactness(new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "0 4 31 * *", "UTC", AT))).isNull();
    }
}
