package dev.migrate.analyzers.sources.systemd;

import java.util.HashMap;
import java.util.Map;

/**
 * A user unit's owner specifiers as its manager fills them in: systemd.unit(5) says {@code %u %U %h %s} name the user
 * running the service manager, for a user unit its owner, the user whose home holds it ({@code home/jo/.config/systemd/user})
 * or whose uid names the runtime directory ({@code run/user/1000/systemd/transient}). The owner's entry comes from the
 * same dump's etc/passwd; without it nothing is filled in, and a system unit's are left for the recipe, which knows
 * its manager is root's. {@code %%} and every other specifier stay as written, for whoever expands the rest.
 */
final class UserUnitSpecifiers {
    /** etc/passwd by host ({@link LoadPath.Place#host()}). */
    private final Map<String, Map<String, Passwd.Entry>> users = new HashMap<>();

    void add(String host, Map<String, Passwd.Entry> entries) {
        users.put(host, entries);
    }

    void clear() {
        users.clear();
    }

    /** The owner of a user unit at {@code path} by the dump's etc/passwd, or null (a system unit, no passwd, no such user). */
    Passwd.Entry owner(String path) {
        LoadPath.Place place = path == null ? null : LoadPath.ofUnit(path);
        if (place == null || !LoadPath.oneUsers(place.manager())) {
            return null;
        }
        String who = place.manager().substring(place.manager().indexOf(':') + 1);
        Passwd.Entry entry = Passwd.find(users.get(place.host()), who);
        // home:jo names the user by name: a uid-looking directory name is no uid
        return entry != null && place.manager().startsWith("home:") && !entry.name().equals(who) ? null : entry;
    }

    /** The text with {@code %u %U %h %s} of {@code owner}; itself when owner is null. */
    static String expand(String text, Passwd.Entry owner) {
        if (text == null || owner == null || text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            String value = c != '%' ? null : switch (next) {
                case 'u' -> owner.name();
                case 'U' -> owner.uid();
                case 'h' -> owner.home();
                case 's' -> owner.shell();
                default -> null;
            };
            if (value != null && value.isEmpty()) {
                value = null; // an entry with no home or name says nothing: kept
            }
            if (value != null) {
                out.append(value);
                i++;
            } else if (c == '%' && next != 0) {
                out.append(c).append(next); // %% or another specifier: kept whole, so that %%h stays a literal %h
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
