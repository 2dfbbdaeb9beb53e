package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Unit files that a job left on the host still uses. A template ({@code backup@.service}) serves every instance, and a
 * service may be started by more than one timer: the cleanup deletes such a file only when every job that uses it was
 * moved, or the job left behind loses the unit it runs.
 */
final class SharedUnits {
    private SharedUnits() {
    }

    /**
     * Takes the files {@code notMoved} still use out of {@code deleted}, and notes on each moved job whose file stays.
     *
     * @param paths the files of the tree
     */
    static List<JobPlan> keep(List<JobPlan> moved, Collection<Job> notMoved, Set<String> paths, Set<String> deleted) {
        Map<String, Set<String>> usedBy = new TreeMap<>();
        for (Job j : notMoved) {
            for (String path : uses(j, paths)) {
                if (deleted.contains(path)) {
                    usedBy.computeIfAbsent(path, k -> new TreeSet<>()).add(j.id());
                }
            }
        }
        deleted.removeAll(usedBy.keySet());
        return moved.stream().map(p -> {
            List<String> kept = uses(p.job(), paths).stream().filter(usedBy::containsKey).distinct().toList();
            return kept.isEmpty() ? p : p.withNote("cleanup keeps " + String.join(", ", kept.stream()
                    .map(k -> k + " (still used by " + String.join(", ", usedBy.get(k)) + ", which is not migrated)").toList())
                    + ": delete it by hand once no job left on the host runs it");
        }).toList();
    }

    /** The unit files of the tree a job's timer or service reads: its own, its service, copies, drop-ins, templates. */
    private static List<String> uses(Job j, Set<String> paths) {
        List<String> out = new ArrayList<>();
        out.add(j.source().path());
        Map<String, String> a = j.attributes();
        if (a.get("service") != null) {
            out.add(a.get("service"));
        }
        for (String key : List.of("systemd.enabledBy", "timer.dropIns", "service.dropIns")) {
            for (String p : a.getOrDefault(key, "").split("\\s+")) {
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        // the unit a timer starts (Unit=), by its file or, for an instance (sync@boot.service), its template's
        String unit = a.get("Unit");
        if (unit != null) {
            String template = unit.replaceFirst("@[^.]+\\.", "@.");
            paths.stream().filter(p -> p.contains("systemd/"))
                    .filter(p -> p.endsWith("/" + unit) || p.endsWith("/" + template)).forEach(out::add);
        }
        return out;
    }
}
