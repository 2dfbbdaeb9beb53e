package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every detected job an id of its own. The detectors derive an id from what names a job inside its file (an
 * APScheduler job's function, a crontab line's text), so one function registered with two triggers, or a crontab
 * line written twice, shares an id; the plan is keyed by id and would silently keep only the last of them. The
 * first keeps its id (so reports and markers of existing estates stay as they are); each further one gets an id
 * derived from it and its rank, which stays the same as long as the registrations keep their order.
 */
final class DistinctIds {
    private DistinctIds() {
    }

    static List<Job> of(List<Job> jobs) {
        Map<String, Integer> seen = new HashMap<>();
        List<Job> out = new ArrayList<>(jobs.size());
        for (Job j : jobs) {
            int rank = seen.merge(j.id(), 1, Integer::sum);
            if (rank == 1) {
                out.add(j);
                continue;
            }
            String id = JobIds.of(j.kind(), j.source().path(), j.name(), j.id() + "\0" + rank);
            out.add(new Job(id, j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(), j.workingDir(),
                    j.overlap(), j.dependsOn(), j.attributes()));
        }
        return out;
    }
}
