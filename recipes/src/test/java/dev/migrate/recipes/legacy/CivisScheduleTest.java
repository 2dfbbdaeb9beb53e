package dev.migrate.recipes.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.recipes.legacy.internal.CivisSchedules;
import org.junit.jupiter.api.Test;

class CivisScheduleTest {
    private static String cron(String json) throws Exception {
        return CivisSchedules.cron(new ObjectMapper().readTree(json));
    }

    @Test
    void civisScheduleFieldsBecomeCron() throws Exception {
        assertThat(cron("""
                {"scheduledDays": [0,1,2,3,4,5,6], "scheduledHours": [21], "scheduledMinutes": [5],
                 "scheduledRunsPerHour": null, "scheduledDaysOfMonth": []}""")).isEqualTo("5 21 * * *");
        assertThat(cron("""
                {"scheduledDays": [1,2,3,4,5], "scheduledHours": [5], "scheduledMinutes": [0], "scheduledDaysOfMonth": []}"""))
                .isEqualTo("0 5 * * 1,2,3,4,5");
        assertThat(cron("""
                {"scheduledDays": [], "scheduledHours": [8,9], "scheduledMinutes": [], "scheduledRunsPerHour": 2,
                 "scheduledDaysOfMonth": [1]}""")).isEqualTo("0,30 8,9 1 * *");
    }

    @Test
    void scheduleWithoutTimesHasNoCron() throws Exception {
        assertThat(cron("""
                {"scheduledDays": [], "scheduledHours": [], "scheduledMinutes": [], "scheduledDaysOfMonth": []}""")).isNull();
    }
}
