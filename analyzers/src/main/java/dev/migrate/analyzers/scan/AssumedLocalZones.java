package dev.migrate.analyzers.scan;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScheduleSpec;
import java.util.List;

/**
 * Marks as not proven the APScheduler schedules read in a host zone nothing named. A trigger without
 * {@code timezone=} (and, for a trigger named by a string, without the scheduler's) fires in the local zone of the
 * machine that runs the scheduler, which the scan reads as the host's, as it reads crontabs; when neither
 * {@code --host-zone} nor the tree's zone files name it, that zone is UTC by assumption, and a proof in it would call
 * "exact" a schedule that fires hours off on a host in Europe/Berlin. The mark is the one every unknown zone gets
 * ({@link ScheduleSpec#ZONE_NOT_PROVEN}), so every report says "zone not proven" and why. A zone the script's systemd
 * service sets ({@code Environment=TZ=...}) is read before this and is proven.
 */
final class AssumedLocalZones {
    private AssumedLocalZones() {
    }

    /** Replaces, in place, the APScheduler jobs with a schedule read in the assumed zone by ones that say so. */
    static void apply(List<Job> jobs, HostZoneUsed hostZone) {
        if (!hostZone.assumed()) {
            return;
        }
        String why = ScheduleSpec.ZONE_NOT_PROVEN + " not proven (APScheduler fires a trigger that names no timezone= "
                + "(nor, for a trigger named by a string, does its scheduler) in the local zone of the machine that runs "
                + "the scheduler, and neither --host-zone nor the tree (etc/timezone, etc/localtime link) names that zone: "
                + "read in " + hostZone.zone() + "; pass --host-zone ZONE, or give the trigger timezone=)";
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            if (j.kind() == JobKind.APSCHEDULER && j.schedules().stream().anyMatch(AssumedLocalZones::local)) {
                List<ScheduleSpec> marked = j.schedules().stream().map(s -> local(s) ? s.withUnproven(why) : s).toList();
                jobs.set(i, new Job(j.id(), j.kind(), j.name(), j.source(), marked, j.command(), j.user(), j.env(),
                        j.workingDir(), j.overlap(), j.dependsOn(), j.attributes()));
            }
        }
    }

    /** Read in the host's zone, with nothing else unknown about it (what is unknown already says so). */
    private static boolean local(ScheduleSpec s) {
        return s.timezone() == null && s.dependsOnZone() && s.unproven() == null;
    }
}
