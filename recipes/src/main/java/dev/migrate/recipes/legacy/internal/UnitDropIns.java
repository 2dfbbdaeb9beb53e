package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.sources.systemd.LoadPath;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drop-ins ({@code foo.service.d/override.conf}, {@code foo.timer.d/schedule.conf}) of the unit files the cleanup
 * deletes: once the unit is gone they configure nothing, and a unit of that name installed later would pick them up.
 * They go with their unit: those the scan applied to the job's timer and service, and the {@code .conf} files beside a
 * deleted unit file in its own {@code NAME.d} directory. A drop-in stays while its unit stays: a template's
 * ({@code sync@.service.d}) while the template serves an instance left on the host ({@link SharedUnits}).
 */
final class UnitDropIns {
    /** {@code DIR/NAME.d/FILE.conf}: group 1 the directory, 2 the unit's name. */
    private static final Pattern DROP_IN = Pattern.compile("(.*/|)([^/]+\\.(?:service|timer))\\.d/[^/]+\\.conf");
    private static final Pattern UNIT = Pattern.compile(".*\\.(?:service|timer)");

    private UnitDropIns() {
    }

    static boolean isDropIn(String path) {
        return DROP_IN.matcher(path).matches();
    }

    /**
     * Adds to {@code deleted} the drop-ins of the unit files it holds: those of the jobs' timers and services, and
     * those beside the unit files. The drop-ins of an instance a moved timer ran ({@code sync@nightly.service.d}) go
     * too: the instance has no file of its own, its template ({@code sync@.service}) may stay for other instances.
     *
     * @param paths the files of the tree
     */
    static void addTo(Collection<Job> jobs, Set<String> paths, Set<String> deleted) {
        Set<String> ofJobs = new TreeSet<>();
        for (Job j : jobs) {
            for (String key : new String[] {"timer.dropIns", "service.dropIns"}) {
                for (String p : j.attributes().getOrDefault(key, "").split("\\s+")) {
                    if (paths.contains(p)) {
                        ofJobs.add(p); // a script's here-document (setup.sh:12) is no file of its own
                    }
                }
            }
        }
        Set<String> beside = new TreeSet<>();
        for (String unit : deleted) {
            if (UNIT.matcher(unit).matches()) {
                String dir = unit + ".d/";
                paths.stream().filter(p -> p.startsWith(dir) && isDropIn(p)).forEach(beside::add);
            }
        }
        Set<String> more = new TreeSet<>(beside);
        // a type's (service.d) or a prefix's (etl-.service.d) drop-in configures other units too: it stays
        ofJobs.stream().filter(p -> !shared(p) && (!hasOwnFile(p, paths) || ownFileGoes(p, deleted))).forEach(more::add);
        deleted.addAll(more);
    }

    /**
     * Takes out of {@code deleted} the drop-ins whose unit file stays (a template another job still runs, a service
     * another timer starts): they still configure it.
     */
    static void keepThoseOfKeptUnits(Set<String> paths, Set<String> deleted) {
        Set<String> dropIns = new TreeSet<>(deleted.stream().filter(UnitDropIns::isDropIn).toList());
        dropIns.stream().filter(p -> keptOwnFile(p, paths, deleted)).forEach(deleted::remove);
    }

    /**
     * Whether a unit file of the drop-in's unit stays: in systemd's load path, one of its host and manager that is not
     * deleted (a package's file the cleanup keeps, while the copy over it in /etc goes); elsewhere, one of its name while
     * none of that name is deleted.
     */
    private static boolean keptOwnFile(String dropIn, Set<String> paths, Set<String> deleted) {
        LoadPath.Place at = LoadPath.ofDropIn(dropIn);
        if (at == null) {
            return hasOwnFile(dropIn, paths) && !ownFileGoes(dropIn, deleted);
        }
        String name = unitOf(dropIn);
        return paths.stream().filter(p -> !deleted.contains(p) && (p.endsWith("/" + name) || p.equals(name)))
                .map(LoadPath::ofUnit).anyMatch(place -> place != null && place.readsDropInsAt(at));
    }

    /** Whether a drop-in is a type's ({@code service.d/x.conf}) or a dash prefix's ({@code etl-.service.d/x.conf}). */
    static boolean shared(String path) {
        Matcher m = SHARED.matcher(path);
        return m.matches();
    }

    /** {@code DIR/service.d/FILE.conf}, {@code DIR/etl-.service.d/FILE.conf}. */
    private static final Pattern SHARED = Pattern.compile("(?:.*/|)(?:[^/]*-\\.)?(?:service|timer)\\.d/[^/]+\\.conf");

    /** The unit name a drop-in configures ({@code etl.service} of {@code etl.service.d/override.conf}). */
    private static String unitOf(String dropIn) {
        Matcher m = DROP_IN.matcher(dropIn);
        return m.matches() ? m.group(2) : null;
    }

    /**
     * Whether the tree holds a unit file the drop-in configures (an instance's dir has none: its template serves): of its
     * name and, in a host's load path, of its host and manager (in a tree of several hosts, hosts/b's etl.service is no
     * unit of hosts/a's etl.service.d).
     */
    private static boolean hasOwnFile(String dropIn, Set<String> paths) {
        return paths.stream().anyMatch(p -> configures(dropIn, p));
    }

    private static boolean ownFileGoes(String dropIn, Set<String> deleted) {
        return deleted.stream().anyMatch(p -> configures(dropIn, p));
    }

    /** Whether {@code unit} is a file of the drop-in's unit, on its host and for its manager where the drop-in has one. */
    private static boolean configures(String dropIn, String unit) {
        String name = unitOf(dropIn);
        if (!unit.endsWith("/" + name) && !unit.equals(name)) {
            return false;
        }
        LoadPath.Place at = LoadPath.ofDropIn(dropIn);
        LoadPath.Place unitPlace = LoadPath.ofUnit(unit);
        return at == null || unitPlace == null || unitPlace.readsDropInsAt(at);
    }
}
