package dev.migrate.recipes.legacy.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one run decides, computed once from the scanned files: the jobs and their generated files, the
 * crontab files' new text, the legacy files to delete, what is left alone and why.
 *
 * @param files      generated or rewritten files by path (relative to the project), with their full new text
 * @param deleted    legacy or stale generated files to delete
 * @param crontabLines for the rollback: per crontab file, the 1-based marker lines written in this phase
 * @param masked     the units (their files in the tree) the cleanup masks on the host instead of deleting a package's
 *                   file ({@link VendorUnits})
 */
public record Plan(Phase phase, LocalDate asOf, ZoneId hostZone, int offsetMinutes, List<JobPlan> jobs,
                   Map<String, String> leftAlone, List<String> references, Map<String, String> files,
                   Set<String> deleted, Map<String, List<Integer>> crontabLines, List<VendorUnits.Mask> masked) {
    /** A plan that masks no unit. */
    public Plan(Phase phase, LocalDate asOf, ZoneId hostZone, int offsetMinutes, List<JobPlan> jobs,
                Map<String, String> leftAlone, List<String> references, Map<String, String> files,
                Set<String> deleted, Map<String, List<Integer>> crontabLines) {
        this(phase, asOf, hostZone, offsetMinutes, jobs, leftAlone, references, files, deleted, crontabLines, List.of());
    }
}
