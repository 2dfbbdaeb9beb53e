package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every detected job an id of its own, as the scan's last guard does. A file's repeats (one function registered
 * with two triggers, a crontab line written twice) already get ids of their own from the file's JobIdRegistry; what
 * is left is two files whose ids collide by chance (8 hex digits of SHA-1), which the plan, keyed by id, would
 * silently merge. The first keeps its id; each further one gets {@link JobIds#repeat}, the form the registry uses.
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
            String id = JobIds.repeat(j.kind(), j.source().path(), j.name(), j.id(), rank);
            out.add(new Job(id, j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(), j.workingDir(),
                    j.overlap(), j.dependsOn(), j.attributes()));
        }
        return out;
    }
}
