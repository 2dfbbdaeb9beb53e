package dev.migrate.analyzers.sources.systemd;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host dump's {@code etc/passwd}: who a user unit's owner is ({@code home/jo/...} names them, {@code run/user/1000/...}
 * only by uid) and their home and shell, which systemd puts in the unit's {@code %u %U %h %s}. Only the dump's file is
 * read, never this machine's /etc; it holds no password hash (those are in /etc/shadow, never read), and the password
 * field is skipped all the same.
 */
public final class Passwd {
    /** One entry: {@code name:password:uid:gid:gecos:home:shell}. */
    public record Entry(String name, String uid, String gid, String home, String shell) {
    }

    private static final Pattern PATH = Pattern.compile("(.*/)?etc/passwd");

    private Passwd() {
    }

    /** The host part of a dump's passwd path ({@code web1/} for {@code web1/etc/passwd}, "" at the root), or null for another file. */
    public static String hostOf(String path) {
        if (!path.endsWith("etc/passwd")) {
            return null; // the pattern's own end; the systemd prefilter asks this of every file of a tree
        }
        Matcher m = PATH.matcher(path);
        return !m.matches() ? null : m.group(1) == null ? "" : m.group(1);
    }

    /** The entries by name; NIS lines ({@code +}, {@code -}), comments and short lines are skipped. */
    public static Map<String, Entry> parse(String text) {
        Map<String, Entry> out = new HashMap<>();
        for (String line : text.split("\r?\n")) {
            String[] f = line.split(":", -1);
            if (f.length < 7 || line.startsWith("#") || line.startsWith("+") || line.startsWith("-") || f[0].isEmpty()) {
                continue;
            }
            // the first entry of a name is the one getpwnam() returns; an empty shell is /bin/sh (passwd(5))
            out.putIfAbsent(f[0], new Entry(f[0], f[2], f[3], f[5], f[6].isEmpty() ? "/bin/sh" : f[6]));
        }
        return out;
    }

    /** The entry of {@code nameOrUid} among {@code entries}: by name, else, for digits, the first of that uid. */
    public static Entry find(Map<String, Entry> entries, String nameOrUid) {
        if (entries == null || nameOrUid == null) {
            return null;
        }
        Entry byName = entries.get(nameOrUid);
        if (byName != null || !nameOrUid.matches("\\d+")) {
            return byName;
        }
        return entries.values().stream().filter(u -> u.uid().equals(nameOrUid)).findFirst().orElse(null);
    }
}
