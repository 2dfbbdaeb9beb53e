package dev.migrate.analyzers.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The pause and resume commands by the server's 2.x version, as far as Prefect's CLI data proves them: the
 * {@code deployment schedule} group from 2.20.25 (the only 2.x in the data; before, an inferred 2.16.0 that nothing
 * proved), {@code pause-schedule} below it and when the version is unknown, worded as its help says (the deployment's
 * schedule, not the deployment).
 */
class ScheduleCommandsTest {
    @Test
    void theGroupIsUsedWhereTheDataShowsIt() {
        assertThat(ScheduleCommands.hasScheduleGroup("2.20.25")).isTrue();
        assertThat(ScheduleCommands.hasScheduleGroup("3.0.0")).isTrue();
        assertThat(ScheduleCommands.pause2("f/d", "2.20.25")).containsExactly("prefect deployment schedule ls 'f/d'",
                "prefect deployment schedule pause 'f/d' SCHEDULE_ID   # each active id listed above");
        assertThat(ScheduleCommands.resume3("f/d", "2.20.25")).noneMatch(l -> l.contains("resume_deployment"));
    }

    // must not change: below 2.20.25 (2.16.9 included, which the inferred boundary gave the group) and for an unknown
    // version, pause-schedule, and the resume checks whether the deployment itself came back paused
    @Test
    void belowItPauseSchedulePausesTheSchedule() {
        assertThat(ScheduleCommands.hasScheduleGroup("2.16.9")).isFalse();
        assertThat(ScheduleCommands.hasScheduleGroup("2.20.24")).isFalse();
        assertThat(ScheduleCommands.hasScheduleGroup("unknown")).isFalse();
        assertThat(ScheduleCommands.pause2("f/d", "2.14.9")).singleElement().asString()
                .startsWith("prefect deployment pause-schedule 'f/d'   # Prefect 2.14.9: `deployment schedule pause` is known "
                        + "only on later 2.x releases (2.20.25 has it")
                .endsWith("pause-schedule pauses the deployment's schedule").doesNotContain("pauses the deployment\n");
        assertThat(ScheduleCommands.resume3("f/d", "2.14.9")).anyMatch(l -> l.startsWith("prefect deployment inspect 'f/d'"))
                .anyMatch(l -> l.contains("/deployments/DEPLOYMENT_ID/resume_deployment"));
    }
}
