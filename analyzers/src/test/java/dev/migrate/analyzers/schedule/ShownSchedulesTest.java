package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShownSchedulesTest {
    private static final SourceRef AT = new SourceRef("Jobs.java", 4, 5);

    private static ScheduleSpec cron(String expression, String zone) {
        return new ScheduleSpec(ScheduleSpec.Form.CRON_QUARTZ, expression, zone, AT);
    }

    @Test
    void eachShownScheduleIsShownAsItNowIsInOrder() {
        List<ScheduleSpec> before = List.of(cron("0 0 2 * * *", null), cron("0 0 2 * * *", null));
        List<ScheduleSpec> after = List.of(cron("0 0 2 * * *", "Europe/Paris"), cron("0 0 2 * * *", "Europe/Paris"));
        assertThat(ShownSchedules.reshown("""
                Spring @Scheduled(cron) method Jobs.nightly (0 0 2 * * *), and again (0 0 2 * * *)""", before, after))
                .isEqualTo("""
                        Spring @Scheduled(cron) method Jobs.nightly (0 0 2 * * *) (Europe/Paris), and again \
                        (0 0 2 * * *) (Europe/Paris)""");
    }

    @Test
    void aScheduleWhoseZoneDidNotChangeOrThatIsNotShownStaysAsWritten() {
        List<ScheduleSpec> own = List.of(cron("0 0 6 * * MON", "America/New_York"));
        String message = "Spring @Scheduled(cron) method Jobs.weekly (0 0 6 * * MON) (America/New_York)";
        assertThat(ShownSchedules.reshown(message, own, own)).isEqualTo(message);
        String disabled = "Spring @Scheduled(cron) method Jobs.off (disabled)";
        assertThat(ShownSchedules.reshown(disabled, List.of(cron("-", null)), List.of(cron("-", "UTC"))))
                .isEqualTo(disabled);
    }
}
