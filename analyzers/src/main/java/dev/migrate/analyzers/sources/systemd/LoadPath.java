package dev.migrate.analyzers.sources.systemd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a unit file or drop-in sits in systemd's unit load path ({@code unit-load-path.csv}): which manager reads it
 * and with what precedence. Of two files of one name for one manager, the one in the directory listed earlier is the
 * one systemd reads (a unit file in {@code /etc/systemd/system} hides the package's in {@code /usr/lib/systemd/system},
 * and so does a drop-in {@code foo.service.d/override.conf}). Several hosts may sit in one tree ({@code web1/etc/...},
 * {@code web2/etc/...}): the part of the path before the directory names the host, and only files of one host compete.
 */
public final class LoadPath {
    private record Row(String manager, Pattern directory, int rank) {
    }

    /**
     * A directory of the load path in a scanned tree.
     *
     * @param host    the path up to the directory ({@code ""}, or {@code web1/} in a tree of several host dumps)
     * @param manager who reads it: {@code system}, {@code user} (every user's manager), {@code home:jo} (jo's only), or
     *                {@code uid:1000} (the user of that uid only: a runtime directory, {@code /run/user/1000/systemd/...})
     * @param rank    its precedence, 0 the highest
     * @param hostDir the directory on the host ({@code /usr/lib/systemd/system})
     */
    public record Place(String host, String manager, int rank, String hostDir) {
        /** Whether files in the two places compete for one name: the same host and manager. */
        public boolean competesWith(Place other) {
            return host.equals(other.host) && manager.equals(other.manager);
        }

        /**
         * Whether drop-ins of one name here and at {@code other}, both read for one unit, compete, so that the one of
         * higher precedence hides the other: the same host, and one load path. A user's manager reads the user's own
         * directories and the shared user directories as one load path ({@code ~/.config/systemd/user} over
         * {@code /etc/xdg/systemd/user} over {@code /etc/systemd/user} over {@code /run/systemd/user} over
         * {@code ~/.local/share/systemd/user} over {@code /usr/lib/systemd/user}, systemd.unit(5)), so jo's
         * {@code report.service.d/10-prio.conf} hides {@code /etc/systemd/user/report.service.d/10-prio.conf} for jo.
         * Unit files of those places do not compete in the scan ({@link #competesWith}): the shared unit still runs for
         * every other user.
         */
        public boolean sharesLoadPathWith(Place other) {
            boolean userSide = manager.equals("user") || oneUsers(manager);
            boolean otherUserSide = other.manager.equals("user") || oneUsers(other.manager);
            return competesWith(other) || host.equals(other.host) && userSide && otherUserSide
                    && (manager.equals("user") || other.manager.equals("user"));
        }

        /** This place on another host of the tree. */
        public Place withHost(String other) {
            return new Place(other, manager, rank, hostDir);
        }

        /**
         * Whether a unit here reads the drop-ins of a directory at {@code dropIn}: one of its own host, for its own
         * manager, where a user's manager ({@code home:jo}) reads the directories every user's manager reads as well
         * (systemd.unit(5): a user's load path is the user's own directories, then the shared {@code /etc/systemd/user},
         * {@code /usr/lib/systemd/user}...). A system unit never reads a user directory's, nor one host's another's.
         */
        public boolean readsDropInsAt(Place dropIn) {
            return host.equals(dropIn.host) && (manager.equals(dropIn.manager)
                    || oneUsers(manager) && dropIn.manager.equals("user"));
        }
    }

    /**
     * Whether {@code manager} is one user's directories: {@code home:jo} (named by the home directory) or {@code uid:1000}
     * (a runtime directory, named by the uid). Which user a uid is, only the dump's {@code etc/passwd} says.
     */
    public static boolean oneUsers(String manager) {
        return manager.startsWith("home:") || manager.startsWith(UID);
    }

    /** How a runtime directory's manager is named: {@code uid:} and the uid. */
    public static final String UID = "uid:";

    private static final List<Row> ROWS = load();

    private LoadPath() {
    }

    /**
     * The place of a directory ({@code dump/etc/systemd/system}, or {@code /etc/systemd/system} as a script writes it),
     * or null when it is no directory of the load path (a repository's {@code deploy/}).
     */
    public static Place of(String directory) {
        String dir = directory.replaceFirst("^/+", "").replaceAll("/+$", "");
        Place best = null;
        int bestLength = -1;
        for (Row row : ROWS) {
            Matcher m = row.directory().matcher(dir);
            // the longest directory that ends the path: usr/lib/systemd/system, not the lib/systemd/system it ends with
            if (m.find() && m.end() - m.start() > bestLength) {
                String manager = row.manager().equals("home") ? "home:" + m.group(1)
                        : row.manager().equals("uid") ? UID + m.group(1) : row.manager();
                best = new Place(dir.substring(0, m.start()), manager, row.rank(), "/" + m.group());
                bestLength = m.end() - m.start();
            }
        }
        return best;
    }

    /** The place of a unit file's directory; null when it is in none. */
    public static Place ofUnit(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? null : of(path.substring(0, slash));
    }

    /** The place of a drop-in ({@code .../foo.service.d/override.conf}): that of the directory holding {@code foo.service.d}. */
    public static Place ofDropIn(String path) {
        int slash = path.lastIndexOf('/');
        int parent = slash < 0 ? -1 : path.lastIndexOf('/', slash - 1);
        return parent < 0 ? null : of(path.substring(0, parent));
    }

    /**
     * Where a unit file, drop-in or {@code .wants} link of a scanned tree lives on its host
     * ({@code /usr/lib/systemd/system/foo.service.d/x.conf} for {@code dump/usr/lib/systemd/system/foo.service.d/x.conf}),
     * or null when its directory is none of the load path.
     */
    public static String hostPath(String path) {
        Place unit = ofUnit(path);
        if (unit != null) {
            return unit.hostDir() + path.substring(path.lastIndexOf('/'));
        }
        Place dropIn = ofDropIn(path);
        // a drop-in (etl.service.d/x.conf, service.d/x.conf) or a link of a .wants directory (timers.target.wants/etl.timer)
        if (dropIn != null && path.matches(".*/(?:[^/]+\\.)?[a-z]+\\.(?:d|wants|requires|upholds)/[^/]+")) {
            int slash = path.lastIndexOf('/');
            return dropIn.hostDir() + path.substring(path.lastIndexOf('/', slash - 1));
        }
        return null;
    }

    private static List<Row> load() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = LoadPath.class.getResourceAsStream("unit-load-path.csv")) {
            int rank = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", 2);
                String regex = Pattern.quote(f[1].strip()).replace("*", "\\E([^/]+)\\Q");
                rows.add(new Row(f[0].strip(), Pattern.compile("(?:^|(?<=/))" + regex + "$"), rank++));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rows);
    }
}
