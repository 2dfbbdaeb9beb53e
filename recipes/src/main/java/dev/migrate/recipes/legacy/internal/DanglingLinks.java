package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.sources.systemd.LoadPath;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links of a host dump that the cleanup's deletions would leave pointing at nothing, or enabling a unit that is
 * gone: an alias ({@code etl.service -> etl-v2.service}) of a deleted unit file, and the {@code .wants}/{@code .requires}
 * links that enabled it ({@code timers.target.wants/etl.timer}, an instance's {@code backup@home.timer} of a deleted
 * template). On the host, the cutover's {@code systemctl disable} removed the enabling links already; in the tree they
 * are deleted with the unit (the links themselves, never what they point to), and cleanup.sh removes any the host still
 * has. A package's links ({@code /usr/lib/systemd/system/timers.target.wants}) stay, as its files do ({@link VendorUnits}).
 */
final class DanglingLinks {
    /** A link in a unit's {@code .wants} (or .requires, .upholds) directory: group 1 the directory holding that. */
    private static final Pattern WANTS = Pattern.compile("(.*)/[^/]+\\.(?:wants|requires|upholds)/[^/]+\\.(?:timer|service)");

    private DanglingLinks() {
    }

    /**
     * @param links    the tree's symbolic links, each with its text
     * @param deleted  the files the cleanup deletes
     * @param switched the units the cleanup masks instead of deleting (a package's): their enabling links go too
     */
    static Set<String> of(Map<String, String> links, Set<String> deleted, Collection<String> switched) {
        Set<String> out = new TreeSet<>();
        Set<String> units = new TreeSet<>(switched);
        deleted.stream().filter(p -> p.endsWith(".timer") || p.endsWith(".service")).forEach(units::add);
        for (String unit : units) {
            LoadPath.Place at = LoadPath.ofUnit(unit);
            String onHost = LoadPath.hostPath(unit);
            if (at == null || onHost == null) {
                continue; // a repository's unit: its links, if any, are no host's
            }
            String name = unit.substring(unit.lastIndexOf('/') + 1);
            boolean gone = deleted.contains(unit);
            links.forEach((link, target) -> {
                LoadPath.Place place = placeOf(link);
                if (place == null || !place.host().equals(at.host()) || !place.manager().equals(at.manager())
                        || VendorUnits.isVendor(link)) {
                    return;
                }
                String linkName = link.substring(link.lastIndexOf('/') + 1);
                boolean enables = WANTS.matcher(link).matches() && (linkName.equals(name)
                        || name.contains("@.") && name.equals(instanceTemplate(linkName)));
                if (enables || gone && pointsAt(link, target, onHost)) {
                    out.add(link);
                }
            });
        }
        return out;
    }

    /** The load-path place of a link: its own directory's, or for a .wants link the directory holding the .wants. */
    private static LoadPath.Place placeOf(String link) {
        Matcher w = WANTS.matcher(link);
        return w.matches() ? LoadPath.of(w.group(1)) : LoadPath.ofUnit(link);
    }

    /** Whether the link's text, read on the dumped host's terms (relative to its directory there), names {@code onHost}. */
    private static boolean pointsAt(String link, String target, String onHost) {
        String linkOnHost = LoadPath.hostPath(link);
        if (linkOnHost == null || target.isEmpty()) {
            return false;
        }
        Path dir = Path.of(linkOnHost).getParent();
        return dir.resolve(target).normalize().toString().replace('\\', '/').equals(onHost);
    }

    /** {@code backup@.timer} for {@code backup@home.timer}, else null. */
    private static String instanceTemplate(String name) {
        Matcher m = Pattern.compile("([^@/]+)@[^@/]+(\\.[a-z]+)").matcher(name);
        return m.matches() ? m.group(1) + "@" + m.group(2) : null;
    }
}
