package dev.migrate.analyzers.scan;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobIdRegistry;
import dev.migrate.analyzers.model.JobIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last guard of "one id per job in a scan". Each file's {@link JobIdRegistry} keeps its ids apart, and ids
 * include the file's path, so ids of two files only meet when their 8 hex digits of SHA-1 collide by chance (about
 * one scan in a hundred at 10,000 jobs). Then the job of the first file in path order keeps the id, the others get
 * {@link JobIds#repeat} ids as a file's own repeats do, and the findings and dependencies written in a renamed
 * job's file follow it (a finding names a job of its own file, except a timer's findings on its service's lines,
 * which then stay with the first job: a collision inside a collision, left at that).
 */
final class CrossFileIds {
    private CrossFileIds() {
    }

    /** Renames, in place, the jobs whose id a job of an earlier file already has. */
    static void distinct(List<Job> jobs, List<Finding> findings) {
        Map<String, List<Integer>> byId = new LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            byId.computeIfAbsent(jobs.get(i).id(), k -> new ArrayList<>()).add(i);
        }
        if (byId.size() == jobs.size()) {
            return;
        }
        Set<String> taken = new HashSet<>(byId.keySet());
        for (Map.Entry<String, List<Integer>> e : byId.entrySet()) {
            List<Integer> same = e.getValue().stream()
                    .sorted(Comparator.comparing(jobs::get, Inventory.JOB_ORDER)).toList();
            for (int n = 1; n < same.size(); n++) {
                Job j = jobs.get(same.get(n));
                String id = e.getKey();
                for (int rank = n + 1; !taken.add(id); rank++) {
                    id = JobIds.repeat(j.kind(), j.source().path(), j.name(), e.getKey(), rank);
                }
                rename(jobs, findings, same.get(n), id);
            }
        }
    }

    private static void rename(List<Job> jobs, List<Finding> findings, int index, String id) {
        Job job = jobs.get(index);
        String old = job.id();
        String path = job.source().path();
        jobs.set(index, withId(job, id));
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            if (j.source().path().equals(path) && j.dependsOn().contains(old)) {
                jobs.set(i, withDependencies(j, j.dependsOn().stream().map(d -> d.equals(old) ? id : d).toList()));
            }
        }
        findings.replaceAll(f -> old.equals(f.jobId()) && f.where().path().equals(path)
                ? new Finding(f.code(), f.severity(), f.applicability(), f.message(), f.where(), id) : f);
    }

    private static Job withId(Job j, String id) {
        return new Job(id, j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(), j.workingDir(),
                j.overlap(), j.dependsOn(), j.attributes());
    }

    private static Job withDependencies(Job j, List<String> dependsOn) {
        return new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(),
                j.workingDir(), j.overlap(), dependsOn, j.attributes());
    }
}
