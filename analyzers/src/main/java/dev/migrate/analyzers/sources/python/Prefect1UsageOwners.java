package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.scan.JobResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Prefect 1 code {@link Prefect1ApiUsageDetector} reports (task options, context, signals, control flow, the task
 * library) is found without knowing which flow it serves. In a module that defines exactly one Prefect 1 flow it
 * serves that flow, so its findings go to that flow's job: the job's checklist and readiness then count them, rather
 * than the estate's. Task modules shared by several flows, and modules with several flows, keep their findings at
 * the estate level, because guessing an owner there would put work on the wrong job's list.
 */
public final class Prefect1UsageOwners implements JobResolver {
    /** The codes of {@link Prefect1ApiUsageDetector}. */
    private static final Set<String> CODES = Set.of("PF103", "PF104", "PF105", "PF106", "PF110", "PF216");

    @Override
    public boolean wants(String path) {
        return false;
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        Map<String, String> onlyFlow = new HashMap<>();
        for (Job j : jobs) {
            if (j.kind() == JobKind.PREFECT1_FLOW) {
                // a second flow in the same file leaves the file without a single owner
                onlyFlow.merge(j.source().path(), j.id(), (a, b) -> "");
            }
        }
        findings.replaceAll(f -> {
            String owner = f.jobId() == null && CODES.contains(f.code()) ? onlyFlow.getOrDefault(f.where().path(), "") : "";
            return owner.isEmpty() ? f : new Finding(f.code(), f.severity(), f.applicability(), f.message(), f.where(), owner);
        });
    }
}
