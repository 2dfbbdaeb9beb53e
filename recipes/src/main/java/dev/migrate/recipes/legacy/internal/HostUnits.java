package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.sources.systemd.LoadPath;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The systemctl commands and host paths of a unit read from the scanned tree. A user unit
 * ({@code home/jo/.config/systemd/user/x.timer}) belongs to its owner's manager, which {@code systemctl --user} as
 * root does not reach: {@code -M jo@} does. A template timer ({@code backup@.timer}) cannot be stopped or enabled by
 * its template name: its enabled instances are.
 */
final class HostUnits {
    private static final Pattern OWNED = Pattern.compile("(?:^|.*/)home/([^/]+)/\\.config/systemd/user/[^/]+(?:\\.d/[^/]+)?$");
    private static final Pattern HOST_PATH = Pattern.compile(
            "(?:^|.*/)((?:etc|lib|usr/lib)/systemd/(?:system|user)/[^/]+|home/[^/]+/\\.config/systemd/user/[^/]+)$");

    private HostUnits() {
    }

    /** {@code systemctl [--user -M owner@] VERB UNIT}, or a comment saying what to run where no command is exact. */
    static String systemctl(String verb, String path) {
        return systemctl(verb, path, null);
    }

    /**
     * As {@link #systemctl(String, String)}, for a unit of a user's runtime directory ({@code run/user/1000/systemd/...})
     * whose owner the dump's etc/passwd names ({@code runtimeOwner}, null when it does not): the path gives only the uid.
     */
    static String systemctl(String verb, String path, String runtimeOwner) {
        String unit = path.substring(path.lastIndexOf('/') + 1);
        String uid = runtimeUid(path);
        if (uid != null && runtimeOwner == null) {
            return "# " + path + " is a unit of the user of uid " + uid + ", whom the dump's etc/passwd does not name: as that "
                    + "user, systemctl --user " + verb + (verb.equals("daemon-reload") ? "" : " " + unit);
        }
        String manager = uid != null ? "--user -M " + runtimeOwner + "@ " : manager(path);
        if (manager == null && (verb.equals("mask") || verb.equals("unmask")) && sharedUserUnit(path)) {
            // a unit of the user directories every user's manager reads (a package's /usr/lib/systemd/user): --global
            // masks it for all of them at once, with the link /etc/systemd/user/NAME -> /dev/null
            return "systemctl --global " + verb + " " + unit;
        }
        if (manager == null) {
            return "# " + path + " is a user unit of an owner not known here: as that user, systemctl --user " + verb
                    + (verb.equals("daemon-reload") ? "" : " " + unit);
        }
        if (verb.equals("daemon-reload")) {
            return "systemctl " + manager + verb; // a manager-wide verb: no unit
        }
        if (unit.matches(".+@\\.[a-z]+")) {
            String pattern = unit.replace("@.", "@*.");
            // each instance the host has loaded; the names printed are what the rollback enables again
            return "for unit in $(systemctl " + manager + "list-units --all --plain --no-legend '" + pattern
                    + "' | awk '{print $1}'); do systemctl " + manager + verb + " \"$unit\"; echo \"" + verb + " $unit\"; done";
        }
        return "systemctl " + manager + verb + " " + unit;
    }

    /** The rollback's command for a unit the cutover switched off with {@link #systemctl}. */
    static String undo(String verb, String path) {
        return undo(verb, path, null);
    }

    /** {@link #undo(String, String)} for a unit whose runtime owner is known ({@link #systemctl(String, String, String)}). */
    static String undo(String verb, String path, String runtimeOwner) {
        String unit = path.substring(path.lastIndexOf('/') + 1);
        if (unit.matches(".+@\\.[a-z]+") && runtimeUid(path) == null && manager(path) != null) {
            return "systemctl " + manager(path) + verb + " " + unit.replace("@.", "@INSTANCE.")
                    + "   # for each instance cutover.sh printed";
        }
        return systemctl(verb, path, runtimeOwner);
    }

    /**
     * The uid of a unit (or drop-in) in a user's runtime directory of the load path ({@code run/user/1000/systemd/transient}),
     * else null.
     */
    static String runtimeUid(String path) {
        if (path == null) {
            return null;
        }
        LoadPath.Place at = LoadPath.ofUnit(path);
        if (at == null || !at.manager().startsWith(LoadPath.UID)) {
            at = LoadPath.ofDropIn(path);
        }
        return at != null && at.manager().startsWith(LoadPath.UID) ? at.manager().substring(LoadPath.UID.length()) : null;
    }

    /** Whether the unit file is in a user directory of the load path that is no one user's ({@code usr/lib/systemd/user}). */
    private static boolean sharedUserUnit(String path) {
        dev.migrate.analyzers.sources.systemd.LoadPath.Place at = dev.migrate.analyzers.sources.systemd.LoadPath.ofUnit(path);
        return at != null && at.manager().equals("user");
    }

    /**
     * The owner of a user unit in a host dump ({@code home/jo/.config/systemd/user/x.timer} is jo's, and so is one of
     * jo's other directories of the load path, {@code home/jo/.local/share/systemd/user}), else null.
     */
    static String owner(String path) {
        if (!path.contains("systemd/user")) {
            return null;
        }
        Matcher m = OWNED.matcher(path);
        if (m.matches()) {
            return m.group(1);
        }
        LoadPath.Place at = LoadPath.ofUnit(path);
        if (at == null || !at.manager().startsWith(HOME)) {
            at = LoadPath.ofDropIn(path);
        }
        return at != null && at.manager().startsWith(HOME) ? at.manager().substring(HOME.length()) : null;
    }

    /** How {@link LoadPath} names the manager of one user's own directories ({@code home:jo}). */
    private static final String HOME = "home:";

    /** {@code ""} for a system unit, {@code "--user -M owner@ "} for a user unit whose owner the path names, else null. */
    private static String manager(String path) {
        if (!path.contains("systemd/user")) {
            return "";
        }
        String owner = owner(path);
        return owner != null ? "--user -M " + owner + "@ " : null;
    }

    /**
     * Where the unit file (or drop-in) lives on the host: its place in a host dump, else {@code /etc/systemd/system/NAME}
     * ({@code /etc/systemd/system/NAME.d/FILE} for a drop-in).
     */
    static String hostPath(String path) {
        String inLoadPath = dev.migrate.analyzers.sources.systemd.LoadPath.hostPath(path);
        if (inLoadPath != null) {
            return inLoadPath;
        }
        Matcher m = HOST_PATH.matcher(path);
        if (m.matches()) {
            return "/" + m.group(1);
        }
        Matcher d = DROP_IN.matcher(path);
        return "/etc/systemd/system/" + (d.matches() ? d.group(1) : path.substring(path.lastIndexOf('/') + 1));
    }

    /** A drop-in's directory and file name ({@code etl.service.d/override.conf}), wherever the tree holds it. */
    private static final Pattern DROP_IN = Pattern.compile("(?:^|.*/)([^/]+\\.(?:service|timer)\\.d/[^/]+)$");
}
