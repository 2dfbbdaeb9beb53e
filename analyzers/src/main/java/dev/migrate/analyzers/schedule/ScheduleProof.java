package dev.migrate.analyzers.schedule;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * Evidence that a Prefect schedule fires when the legacy one did: the first {@code compared} fire times of both,
 * from {@code windowStart} (chosen so that a DST change in the job's zone falls inside). When they differ,
 * {@code sourceAt}/{@code prefectAt} are the first differing pair (one may be null when a side has fewer times).
 */
public record ScheduleProof(boolean equal, int compared, ZonedDateTime windowStart, ZonedDateTime sourceAt,
                            ZonedDateTime prefectAt, String explanation, List<ZonedDateTime> sourceTimes,
                            List<ZonedDateTime> prefectTimes) {
    public ScheduleProof {
        sourceTimes = List.copyOf(sourceTimes);
        prefectTimes = List.copyOf(prefectTimes);
    }
}
