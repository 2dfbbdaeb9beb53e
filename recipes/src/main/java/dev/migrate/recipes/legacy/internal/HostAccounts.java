package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.sources.systemd.LoadPath;
import dev.migrate.analyzers.sources.systemd.Passwd;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The users and groups of the hosts in a scanned tree, from each host dump's {@code etc/passwd} and {@code etc/group}
 * (the part of the path before {@code etc/} names the host, as in {@link LoadPath}). Only the dump's files, as the
 * engine read them, are used: never this machine's /etc. Neither file holds a password hash (those are in
 * /etc/shadow, which is never read); the password field is skipped all the same.
 */
final class HostAccounts {
    /** One passwd entry: what systemd resolves a user's specifiers and WorkingDirectory=~ from. */
    record User(String name, String uid, String gid, String home, String shell) {
    }

    private static final Pattern PASSWD = Pattern.compile("(.*/)?etc/passwd");
    private static final Pattern GROUP = Pattern.compile("(.*/)?etc/group");
    static final HostAccounts NONE = new HostAccounts(Map.of(), Map.of());

    /** By host, then by user name. */
    private final Map<String, Map<String, User>> users;
    /** By host, then by group id: the group's name. */
    private final Map<String, Map<String, String>> groups;

    private HostAccounts(Map<String, Map<String, User>> users, Map<String, Map<String, String>> groups) {
        this.users = users;
        this.groups = groups;
    }

    /** The accounts of every host dump among {@code texts} (paths relative to the tree, '/'-separated). */
    static HostAccounts of(Map<String, String> texts) {
        Map<String, Map<String, User>> users = new HashMap<>();
        Map<String, Map<String, String>> groups = new HashMap<>();
        texts.forEach((path, text) -> {
            Matcher p = PASSWD.matcher(path);
            Matcher g = GROUP.matcher(path);
            if (p.matches()) {
                users.put(host(p.group(1)), passwd(text));
            } else if (g.matches()) {
                groups.put(host(g.group(1)), group(text));
            }
        });
        return users.isEmpty() ? NONE : new HostAccounts(users, groups);
    }

    private static String host(String prefix) {
        return prefix == null ? "" : prefix;
    }

    /**
     * A user of the host a unit file is on (its path in the tree, or where a script writes it), by name or by uid
     * ({@code User=998}, which systemd accepts too); null when the tree holds no passwd for that host or no such user.
     */
    User user(String unitPath, String nameOrUid) {
        if (nameOrUid == null || users.isEmpty()) {
            return null;
        }
        String host = hostOf(unitPath);
        Map<String, User> ofHost = host == null ? null : users.get(host);
        if (ofHost == null) {
            return null;
        }
        User byName = ofHost.get(nameOrUid);
        if (byName != null || !nameOrUid.matches("\\d+")) {
            return byName;
        }
        return ofHost.values().stream().filter(u -> u.uid().equals(nameOrUid)).findFirst().orElse(null);
    }

    /** The name of a group of the unit's host by its id, or null when the tree holds no group file for it or no such group. */
    String groupName(String unitPath, String gid) {
        String host = hostOf(unitPath);
        Map<String, String> ofHost = host == null ? null : groups.get(host);
        return ofHost == null || gid == null ? null : ofHost.get(gid);
    }

    /**
     * The host a unit belongs to: the part of its path before systemd's directory ({@code web1/}, or "" for a dump at the
     * root of the tree, and for a host path a script writes a unit to); null for a unit in none of systemd's
     * directories (a repository's deploy/), which is on no host the tree shows.
     */
    private static String hostOf(String unitPath) {
        LoadPath.Place place = unitPath == null ? null : LoadPath.ofUnit(unitPath);
        return place == null ? null : place.host();
    }

    /** The scan's reading of etc/passwd ({@link Passwd}), as this class's entries. */
    private static Map<String, User> passwd(String text) {
        Map<String, User> out = new HashMap<>();
        Passwd.parse(text).forEach((name, e) -> out.put(name, new User(e.name(), e.uid(), e.gid(), e.home(), e.shell())));
        return out;
    }

    /** {@code name:password:gid:members}, by gid; the first name of a gid is the one getgrgid() returns. */
    private static Map<String, String> group(String text) {
        Map<String, String> out = new HashMap<>();
        for (String line : text.split("\r?\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && !line.startsWith("#") && !line.startsWith("+") && !line.startsWith("-") && !f[0].isEmpty()) {
                out.putIfAbsent(f[2], f[0]);
            }
        }
        return out;
    }
}
