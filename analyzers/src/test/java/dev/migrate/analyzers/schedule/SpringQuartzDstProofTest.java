package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Proofs of Spring and Quartz crons compare each library's own DST rule ({@link DstRule#SPRING}, {@link DstRule#QUARTZ})
 * with Prefect 3's croniter, and say what differs on which day, in which zone.
 */
class SpringQuartzDstProofTest {
    /** The next changes of New York are 2026-03-08 (spring-forward) and 2026-11-01 (fall-back). */
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    private static Translation translate(ScheduleSpec.Form form, String expression, String zone) {
        Schedule s = Schedules.interpret(new ScheduleSpec(form, expression, zone, SourceRef.file("Jobs.java")),
                ZoneId.of("UTC"));
        return PrefectTranslator.translate(s, TimerOptions.NONE, NOW);
    }

    @Test
    void springFiresARepeatedTimeTwicePrefectOnce() {
        Translation t = translate(ScheduleSpec.Form.CRON_SPRING, "0 30 1 * * *", "America/New_York");
        assertThat(t.target().cron()).isEqualTo("30 1 * * *");
        assertThat(t.exact()).isFalse();
        assertThat(t.proof().sourceAt().toOffsetDateTime()).hasToString("2026-11-01T01:30-05:00");
        assertThat(t.proof().explanation()).endsWith("around the fall-back change on 2026-11-01 (America/New_York): "
                + "Spring fires 01:30 twice on 2026-11-01 in America/New_York (-04:00 and -05:00); Prefect 3 once, at its "
                + "first pass (-04:00)");
    }

    @Test
    void springNeverFiresASkippedTimePrefectRunsItLater() {
        Translation t = translate(ScheduleSpec.Form.CRON_SPRING, "0 30 2 * * *", "America/New_York");
        assertThat(t.exact()).isFalse();
        assertThat(t.proof().prefectAt().toOffsetDateTime()).hasToString("2026-03-08T03:30-04:00");
        assertThat(t.proof().explanation()).endsWith("around the spring-forward change on 2026-03-08 (America/New_York): "
                + "Spring never fires 02:30 on 2026-03-08 in America/New_York, which the change skips; Prefect 3 fires it "
                + "one offset later, at 03:30");
        // a weekly job: Spring's next run is a week after Prefect's, and the note still names the change
        Translation weekly = translate(ScheduleSpec.Form.CRON_SPRING, "0 30 2 * * SUN", "America/New_York");
        assertThat(weekly.proof().explanation()).contains("Spring never fires 02:30 on 2026-03-08");
    }

    @Test
    void quartzFiresARepeatedTimeAtItsSecondPassPrefectAtItsFirst() {
        Translation t = translate(ScheduleSpec.Form.CRON_QUARTZ, "0 30 1 * * ?", "America/New_York");
        assertThat(t.exact()).isFalse();
        assertThat(t.proof().sourceAt().toOffsetDateTime()).hasToString("2026-11-01T01:30-05:00");
        assertThat(t.proof().prefectAt().toOffsetDateTime()).hasToString("2026-11-01T01:30-04:00");
        assertThat(t.proof().explanation()).endsWith("Quartz fires 01:30 once on 2026-11-01 in America/New_York, at its "
                + "second pass (-05:00); Prefect 3 once, at its first pass (-04:00)");
        Translation quarterly = translate(ScheduleSpec.Form.CRON_QUARTZ, "0 0/15 * * * ?", "America/New_York");
        assertThat(quarterly.proof().explanation()).endsWith("Quartz fires 01:00, 01:15, 01:30 and 01:45 once on "
                + "2026-11-01 in America/New_York, at their second pass (-05:00); Prefect 3 once, at their first pass (-04:00)");
        Translation skipped = translate(ScheduleSpec.Form.CRON_QUARTZ, "0 30 2 * * ?", "America/New_York");
        assertThat(skipped.proof().explanation()).endsWith("Quartz never fires 02:30 on 2026-03-08 in America/New_York, "
                + "which the change skips; Prefect 3 fires it one offset later, at 03:30");
    }

    /**
     * Must not change: a cron no change touches (a time outside the changed hour, weekdays while the changes fall on
     * Sundays, a zone without DST) stays exact, and so does a Spring cron that fires alike in every zone, written in UTC,
     * where Prefect runs every pass as Spring does.
     */
    @Test
    void cronsNoChangeTouchesStayExact() {
        for (String[] exact : new String[][] {{"0 45 23 * * *", "America/New_York"}, {"0 0 2 * * *", "UTC"},
                {"0 */30 8-18 * * MON-FRI", "Europe/Berlin"}, {"0 30 1 * * *", "Asia/Kolkata"},
                {"0 15 1-3 * * MON-FRI", "America/New_York"}}) {
            assertThat(translate(ScheduleSpec.Form.CRON_SPRING, exact[0], exact[1]).exact()).as(exact[0]).isTrue();
        }
        assertThat(translate(ScheduleSpec.Form.CRON_QUARTZ, "0 15 3 ? * MON-FRI", "America/New_York").exact()).isTrue();
        assertThat(translate(ScheduleSpec.Form.CRON_QUARTZ, "0 0 6 L * ?", "Europe/Berlin").exact()).isTrue();
        Translation zoneFree = translate(ScheduleSpec.Form.CRON_SPRING, "0 */15 * * * *", "America/New_York");
        assertThat(zoneFree.target().cron()).isEqualTo("*/15 * * * *");
        assertThat(zoneFree.target().timezone()).isEqualTo("UTC");
        assertThat(zoneFree.exact()).isTrue();
        // every 15 seconds: Spring runs both passes of the repeated hour, as Prefect's elapsed interval does
        assertThat(translate(ScheduleSpec.Form.CRON_SPRING, "*/15 * * * * *", "America/New_York").exact()).isTrue();
        // hourly at :00 is not zone-free (India's +05:30 moves it), so it keeps its zone and shows the repeated hour
        Translation hourly = translate(ScheduleSpec.Form.CRON_SPRING, "0 0 * * * *", "America/New_York");
        assertThat(hourly.target().timezone()).isEqualTo("America/New_York");
        assertThat(hourly.proof().explanation()).endsWith("Spring fires 01:00 twice on 2026-11-01 in America/New_York "
                + "(-04:00 and -05:00); Prefect 3 once, at its first pass (-04:00)");
    }
}
