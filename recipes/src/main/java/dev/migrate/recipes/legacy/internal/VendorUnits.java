package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.sources.systemd.LoadPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Unit files, drop-ins and links a package or a local install put in place: those of {@code /usr/lib/systemd} and
 * {@code /lib/systemd} ({@code /usr/share/systemd/user} too), which belong to the package manager, and those of
 * {@code /usr/local/lib/systemd} ({@code /usr/local/share/systemd/user}), which systemd.unit(5)'s search path tables
 * call units "installed by the administrator", as against {@code /etc/systemd}'s units "created by the administrator":
 * software built and installed locally ({@code make install}, a role of configuration management, a local package)
 * whose installer writes them and, run again, writes them back. The cleanup never deletes them: the package's next
 * upgrade or the next local install would put them back (and, with its preset or its {@code systemctl enable}, start
 * the timer again beside its Prefect deployment), and {@code rpm -V} or {@code debsums} would report a package broken.
 * What an operator does with such a timer is what the cleanup does: leave the file and mask the unit
 * ({@code systemctl mask} links {@code /etc/systemd/system/NAME} to /dev/null, an override in /etc that upgrades and
 * reinstalls respect), after the {@code systemctl disable --now} of the cutover. The masking is done on the host by
 * cleanup.sh and named on the job, with its undo. In the tree, the unit gets an empty file of its name in
 * {@code etc/systemd/system} ({@code etc/systemd/user} for a user unit, where {@code systemctl --global mask} links it),
 * which masks it as the host's link to /dev/null does (systemd.unit(5)): a later scan of the dump finds no timer running
 * there, and a second run changes nothing. A unit copied to /etc over a package's (the package's would run again
 * without it) becomes that empty file.
 */
final class VendorUnits {
    /** The jobs, with a note where a package's file stays; and the units masked instead. */
    record Kept(List<JobPlan> jobs, List<Mask> masked) {
    }

    /**
     * A package's unit the cleanup masks.
     *
     * @param path     the unit's file in the tree the cleanup's switching names ({@code usr/lib/systemd/system/x.timer})
     * @param override the empty file that masks it in the tree ({@code etc/systemd/system/x.timer},
     *                 {@code etc/systemd/user/x.timer} for a user unit), null when the tree has no place for one
     * @param replaced whether {@code override} replaces a copy of the unit the tree held there (which the rollback
     *                 restores, as it does a deleted file)
     */
    public record Mask(String path, String override, boolean replaced) {
    }

    private VendorUnits() {
    }

    /**
     * Whether a path of the tree is installed software's: in a load-path directory under /usr or /lib, /usr/local's
     * included (systemd.unit(5): "installed by the administrator", by an installer that would write it back).
     */
    static boolean isVendor(String path) {
        String host = LoadPath.hostPath(path);
        return host != null && (host.startsWith("/usr/") || host.startsWith("/lib/"));
    }

    /** Whether a path of the tree is a local install's ({@code /usr/local/lib/systemd/system/x.timer}), not a package's. */
    private static boolean isLocal(String path) {
        String host = LoadPath.hostPath(path);
        return host != null && host.startsWith("/usr/local/");
    }

    /**
     * Takes the package's files out of {@code deleted}, and names on each moved job the package files it keeps and, when
     * a package's unit of its timer's (or loop service's) name would still be started, the commands that mask it.
     *
     * @param paths the files of the tree
     */
    static Kept keep(List<JobPlan> jobs, Set<String> paths, Set<String> deleted, Map<String, String> files) {
        Set<String> vendor = new TreeSet<>(deleted.stream().filter(VendorUnits::isVendor).toList());
        deleted.removeAll(vendor);
        List<Mask> masked = new ArrayList<>();
        List<JobPlan> out = new ArrayList<>();
        for (JobPlan p : jobs) {
            String unit = switchedUnit(p);
            boolean mask = unit != null && paths.stream().anyMatch(q -> isVendor(q) && sameUnit(q, unit));
            List<String> kept = filesOf(p.job()).stream().filter(vendor::contains).distinct().sorted().toList();
            Mask m = null;
            if (mask) {
                String override = overrideOf(unit);
                // the copy over the package's unit becomes the mask (an empty file) rather than going: the name stays masked
                m = new Mask(unit, override, override != null && deleted.remove(override));
                masked.add(m);
                if (override != null) {
                    files.put(override, "");
                }
            }
            out.add(mask || !kept.isEmpty() ? p.withNote(note(p, kept, m)) : p);
        }
        return new Kept(out, masked);
    }

    /**
     * The empty file that masks a unit in the tree where the host's mask link goes: {@code HOST/etc/systemd/system/NAME}
     * for a system unit ({@code systemctl mask}), {@code HOST/etc/systemd/user/NAME} for one of the user directories
     * every user's manager reads ({@code systemctl --global mask}); null elsewhere.
     */
    static String overrideOf(String unit) {
        LoadPath.Place at = LoadPath.ofUnit(unit);
        String dir = at == null ? null : switch (at.manager()) {
            case "system" -> "etc/systemd/system/";
            case "user" -> "etc/systemd/user/";
            default -> null;
        };
        return dir == null ? null : at.host() + dir + unit.substring(unit.lastIndexOf('/') + 1);
    }

    private static String note(JobPlan p, List<String> kept, Mask mask) {
        boolean local = kept.isEmpty() ? mask != null && isLocal(mask.path()) : kept.stream().allMatch(VendorUnits::isLocal);
        String files = kept.isEmpty() ? (local ? "the locally installed " : "the package's ") + p.hostUnit()
                : String.join(", ", kept);
        String note = "cleanup keeps " + files + (local
                ? ": installed under /usr/local (make install, a local package), whose next install would put a deleted file back"
                : ": installed by a package, whose next upgrade would put a deleted file back");
        if (mask == null) {
            return note + "; nothing starts it on a schedule any more";
        }
        String path = mask.path();
        return note + "; cleanup.sh masks the unit instead (" + HostUnits.systemctl("disable --now", path) + "; "
                + HostUnits.systemctl("mask", path) + "; undo: " + HostUnits.undo("unmask", path) + ")"
                + (mask.override() == null ? "" : ", as the empty " + mask.override() + " does in the tree")
                + (local ? "; uninstall it once nothing else needs it" : "; remove the package once nothing else needs it");
    }

    /** The unit the cutover switched off for the job (its timer, or the service of its loop), by its file in the tree. */
    private static String switchedUnit(JobPlan p) {
        Job j = p.job();
        if (j.kind() == JobKind.SYSTEMD_TIMER && j.attributes().containsKey("systemd.embeddedIn")) {
            return null; // written by a script: the host's file is wherever the script puts it
        }
        return j.kind() == JobKind.SYSTEMD_TIMER ? j.source().path() : p.hostUnitPath();
    }

    /** Whether {@code q} is a unit file of {@code unit}'s name for the same host and manager (not a drop-in nor a link). */
    private static boolean sameUnit(String q, String unit) {
        String name = unit.substring(unit.lastIndexOf('/') + 1);
        LoadPath.Place a = LoadPath.ofUnit(q);
        LoadPath.Place b = LoadPath.ofUnit(unit);
        return q.endsWith("/" + name) && a != null && b != null && a.host().equals(b.host()) && a.manager().equals(b.manager());
    }

    /** The files of the tree a job's units are read from: its timer, its service, their drop-ins, its enabling copies. */
    private static List<String> filesOf(Job j) {
        List<String> out = new ArrayList<>(List.of(j.source().path()));
        if (j.attributes().get("service") != null) {
            out.add(j.attributes().get("service"));
        }
        for (String key : List.of("systemd.enabledBy", "timer.dropIns", "service.dropIns")) {
            for (String f : j.attributes().getOrDefault(key, "").split("\\s+")) {
                if (!f.isEmpty()) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}
