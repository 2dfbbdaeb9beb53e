package dev.migrate.analyzers.sources.cron;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScheduleSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lines of one crontab that run the same command the same way (same user, environment, working directory and
 * everything else cron gives them) on different schedules ({@code 0 6 * * 1-5} and {@code 0 9 * * 6,0} for one
 * report) are one job with several schedules, as a Prefect 3 deployment has them. The job keeps the id of its first
 * line, so it is the same job before and after the other lines are added; every line keeps its own findings, under
 * that id. Lines whose schedule cannot be read, {@code @reboot} lines and anacron entries stay jobs of their own.
 */
final class SameCommandLines {
    /** Codes of line findings that keep the line a job of its own: an unreadable schedule, {@code @reboot}. */
    private static final Set<String> ALONE = Set.of("CRN002", "CRN003");

    private SameCommandLines() {
    }

    /** Hands {@code jobs} (in line order) and {@code findings} to {@code sink}, the lines of one command as one job. */
    static void emit(List<Job> jobs, List<Finding> findings, InventorySink sink) {
        Set<String> alone = new HashSet<>();
        findings.stream().filter(f -> ALONE.contains(f.code()) && f.jobId() != null).forEach(f -> alone.add(f.jobId()));
        Map<String, List<Job>> groups = new LinkedHashMap<>();
        for (Job j : jobs) {
            boolean merges = j.kind() == JobKind.CRON && !alone.contains(j.id()) && j.schedules().size() == 1
                    && j.schedules().get(0).form() == ScheduleSpec.Form.CRON_UNIX && j.command() != null;
            String key = merges ? key(j) : "\0" + j.id();
            // a line written twice runs the command twice at that time: a job of its own, not a schedule of another
            if (merges && groups.containsKey(key) && groups.get(key).stream().anyMatch(o -> schedule(o).equals(schedule(j)))) {
                key = "\0" + j.id();
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(j);
        }
        Map<String, String> renamed = new HashMap<>();
        for (List<Job> group : groups.values()) {
            Job first = group.get(0);
            if (group.size() == 1) {
                sink.job(first);
                continue;
            }
            List<ScheduleSpec> schedules = new ArrayList<>();
            for (Job j : group) {
                schedules.addAll(j.schedules());
                renamed.put(j.id(), first.id());
            }
            sink.job(new Job(first.id(), first.kind(), first.name(), first.source(), schedules, first.command(), first.user(),
                    first.env(), first.workingDir(), first.overlap(), first.dependsOn(), first.attributes()));
        }
        for (Finding f : findings) {
            String id = f.jobId() == null ? null : renamed.getOrDefault(f.jobId(), f.jobId());
            sink.finding(id == null || id.equals(f.jobId()) ? f
                    : new Finding(f.code(), f.severity(), f.applicability(), f.message(), f.where(), id));
        }
    }

    private static String schedule(Job j) {
        return j.schedules().get(0).expression().strip().replaceAll("\\s+", " ");
    }

    /** What must be the same for two lines to be one job: everything but the schedule and the line. */
    private static String key(Job j) {
        return String.join("\0", j.command(), String.valueOf(j.user()), String.valueOf(j.env()), String.valueOf(j.workingDir()),
                String.valueOf(j.overlap()), String.valueOf(j.attributes()), String.valueOf(j.schedules().get(0).timezone()));
    }
}
