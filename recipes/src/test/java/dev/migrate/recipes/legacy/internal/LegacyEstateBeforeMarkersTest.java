package dev.migrate.recipes.legacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A crontab job read after migrate's markers were inserted above it is read back at its lines before them. Only where its
 * schedules are written moves: a schedule the scan could not prove (its zone only assumed) stayed unproven, and a paused
 * one stays paused, where the rebuilt schedule had dropped both and the plan stated its times as proven.
 */
class LegacyEstateBeforeMarkersTest {
    private static final String PATH = "etc/cron.d/etl";

    private static Job job(ScheduleSpec... specs) {
        return new Job("cron-sales-extract-1a2b3c4d", JobKind.CRON, "sales-extract", SourceRef.at(PATH, 5, 1),
                List.of(specs), "/opt/etl/sales_extract.sh", "etl", Map.of(), null, null, List.of(),
                Map.of("crontab.format", "system", "disabled", "true"));
    }

    @Test
    void theLinesMoveAndWhatTheScanKnewStays() {
        ScheduleSpec assumed = new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "15 2 * * *", null, SourceRef.at(PATH, 5, 3))
                .withUnproven(ScheduleSpec.CLOCK_ZONE_NOT_PROVEN + " (read in UTC; pass --host-zone ZONE)");
        ScheduleSpec paused = new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "0 4 * * 0", "Europe/Paris",
                SourceRef.at(PATH, 6, 1)).asPaused();
        // a marker at line 2 (above the job) and one at line 4 (right above its first line, which it disabled)
        Job before = LegacyEstate.beforeMarkers(job(assumed, paused), List.of(2, 4));
        ScheduleSpec first = before.schedules().get(0);
        ScheduleSpec second = before.schedules().get(1);
        assertThat(first.where()).isEqualTo(SourceRef.at(PATH, 3, 1));
        assertThat(first.unproven()).isEqualTo(assumed.unproven());
        assertThat(first.zoneUnproven()).isTrue();
        assertThat(first.paused()).isFalse();
        assertThat(second.where()).isEqualTo(SourceRef.at(PATH, 4, 1));
        assertThat(second.paused()).isTrue();
        assertThat(second.unproven()).isNull();
        assertThat(second.timezone()).isEqualTo("Europe/Paris");
        assertThat(before.attributes()).doesNotContainKey("disabled");
    }

    @Test
    void aJobWithNoMarkersAboveItIsTheSame() {
        // must not change: no marker, no move, nothing dropped
        ScheduleSpec assumed = new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, "15 2 * * *", null, SourceRef.at(PATH, 5, 1))
                .withUnproven(ScheduleSpec.CLOCK_ZONE_NOT_PROVEN + " (read in UTC)");
        assertThat(LegacyEstate.beforeMarkers(job(assumed), List.of(9)).schedules()).containsExactly(assumed);
    }
}
