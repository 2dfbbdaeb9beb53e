package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dual-run step of a deployment the legacy recipe is still to write states the recipe's schedules and where they
 * disagree with the legacy runs or the validate config: a schedule the recipe writes at the legacy times (no provable
 * shift) is said to be shifted by hand; one shifted otherwise than the validate config's offset is said to disagree.
 */
class RecipeSchedulesTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static ScheduleSpec cron(String expression) {
        return new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, expression, null, SourceRef.at("etc/cron.d/etl", 1, 1));
    }

    private static PlannedDeployment planned(PlannedDeployment.Schedule... schedules) {
        return new PlannedDeployment("etl", "cron-etl-1a2b3c4d", "prefect/prefect.yaml",
                "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun", 15, List.of(schedules));
    }

    private static PlannedDeployment.Schedule entry(String legacy, String cron, int minutes) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("cron", cron);
        item.put("timezone", "UTC");
        return PlannedDeployment.Schedule.of(legacy, item, minutes);
    }

    @Test
    void aScheduleWrittenAtTheLegacyTimesIsToShiftByHand() {
        PlannedDeployment p = planned(entry("15 2 * * *", "30 2 * * *", 15), entry("0 * * * 1", "0 * * * 1", 0));
        assertThat(RecipeSchedules.yaml(p)).isEqualTo("schedules: [{cron: \"30 2 * * *\", timezone: \"UTC\"}, "
                + "{cron: \"0 * * * 1\", timezone: \"UTC\"}]");
        assertThat(RecipeSchedules.note(p, null, List.of(cron("15 2 * * *"), cron("0 * * * 1")), null, UTC))
                .isEqualTo("the deployment the legacy recipe writes runs '15 2 * * *' 15 min later (its offsetMinutes "
                        + "option, 15); it writes '0 * * * 1' at the legacy times, as it could not prove a shift that keeps "
                        + "every run 15 min later: shift it by hand in prefect/prefect.yaml before the dual run, or both "
                        + "sides run at once");
    }

    @Test
    void aValidateConfigOffsetOtherThanTheRecipesIsSaid() {
        PlannedDeployment p = planned(entry("15 2 * * *", "30 2 * * *", 15));
        assertThat(RecipeSchedules.note(p, Duration.ofMinutes(30), List.of(cron("15 2 * * *")), null, UTC))
                .endsWith("; the validate config compares a new run 30 min after the legacy one, but the recipe shifts "
                        + "'15 2 * * *' otherwise: make them agree (the recipe's offsetMinutes option, migrate rewrite "
                        + "--option offsetMinutes=N, or the config's times)");
    }

    // must not change: shifted as the validate config says, a cron has nothing more to say
    @Test
    void agreeingSchedulesAreOnlyStated() {
        PlannedDeployment p = planned(entry("15 2 * * *", "30 2 * * *", 15));
        assertThat(RecipeSchedules.note(p, Duration.ofMinutes(15), List.of(cron("15 2 * * *")), null, UTC))
                .isEqualTo("the deployment the legacy recipe writes runs '15 2 * * *' 15 min later (its offsetMinutes "
                        + "option, 15)");
    }
}
