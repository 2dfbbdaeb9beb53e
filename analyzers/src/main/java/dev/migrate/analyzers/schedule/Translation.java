package dev.migrate.analyzers.schedule;

import java.util.List;

/**
 * The Prefect 3 schedule for a legacy schedule. {@code target} is null when there is no Prefect equivalent.
 * {@code exact} holds only when every fire time matched over the proof window and nothing in {@code reasons}
 * (random delays, catch-up, boot triggers...) makes the behaviour differ.
 */
public record Translation(Schedule source, PrefectSchedule target, boolean exact, List<String> reasons,
                          ScheduleProof proof) {
    public Translation {
        reasons = List.copyOf(reasons);
    }
}
