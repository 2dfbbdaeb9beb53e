package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.sources.systemd.LoadPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drop-ins of the user directories every user's manager reads ({@code /etc/systemd/user/report.service.d/10-proxy.conf},
 * {@code /usr/lib/systemd/user}, {@code /etc/xdg/systemd/user}): each user's {@code report.service} reads them, also that
 * of a user whose home is not in the dump. That only jo's unit in the tree reads one says nothing about the others: only
 * the host's owner knows who else relies on it. The cleanup never deletes one; it keeps it and says so, with what to
 * check. A user's own drop-in ({@code ~/.config/systemd/user/report.service.d}) still goes with that user's unit.
 */
final class SharedDropIns {
    private SharedDropIns() {
    }

    /** Whether {@code path} is a drop-in of a user directory that is no one user's. */
    static boolean isShared(String path) {
        if (!UnitDropIns.isDropIn(path)) {
            return false;
        }
        LoadPath.Place at = LoadPath.ofDropIn(path);
        return at != null && at.manager().equals("user");
    }

    /** Takes the shared drop-ins out of {@code deleted}, and notes on each job that read one that it stays. */
    static List<JobPlan> keep(List<JobPlan> jobs, Set<String> deleted) {
        Set<String> kept = new TreeSet<>(deleted.stream().filter(SharedDropIns::isShared).toList());
        if (kept.isEmpty()) {
            return jobs;
        }
        deleted.removeAll(kept);
        return jobs.stream().map(p -> {
            List<String> read = kept.stream().filter(d -> reads(p.job(), d)).toList();
            if (read.isEmpty()) {
                return p;
            }
            String unit = unitOf(read.get(0));
            return p.withNote("cleanup keeps " + String.join(", ", read.stream().map(HostUnits::hostPath).toList())
                    + ": a drop-in of the user directories every user's manager reads, so another user's " + unit
                    + ", which this tree may not hold, may rely on it; only the host's owner knows who: delete it by hand once "
                    + "no one's does (as each user, systemctl --user cat " + unit + " lists the drop-ins it reads)");
        }).toList();
    }

    /** Whether the job's timer or service reads the drop-in: the scan applied it, or it configures a unit of the job's name. */
    private static boolean reads(Job j, String dropIn) {
        for (String key : List.of("timer.dropIns", "service.dropIns")) {
            if (List.of(j.attributes().getOrDefault(key, "").split("\\s+")).contains(dropIn)) {
                return true;
            }
        }
        List<String> units = new ArrayList<>();
        units.add(j.source() == null ? null : j.source().path());
        units.add(j.attributes().get("service"));
        String unit = unitOf(dropIn);
        return units.stream().anyMatch(u -> u != null && (u.equals(unit) || u.endsWith("/" + unit)));
    }

    /** {@code report.service} of {@code .../report.service.d/10-proxy.conf}. */
    private static String unitOf(String dropIn) {
        String dir = dropIn.substring(0, dropIn.lastIndexOf('/'));
        return dir.substring(dir.lastIndexOf('/') + 1).replaceFirst("\\.d$", "");
    }
}
