package dev.migrate.analyzers.sources.systemd;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a host enabled a timer: {@code systemctl enable etl.timer} links {@code timers.target.wants/etl.timer} (or
 * the {@code .wants}/{@code .requires} directory its {@code [Install]} names) to the unit, and a host dump holds that
 * link or a copy of the unit in its place. A timer with an {@code [Install]} section and no such link is disabled:
 * systemd loads it but nothing starts it, so its schedule fires nothing. A dump that holds no link of a host's manager at
 * all says nothing either way (links may not have been copied), nor does a timer without {@code [Install]} ("static":
 * another unit may pull it in), nor one outside the load path (a repository's, a script's).
 */
final class TimerEnablement {
    /** The timer is linked from a .wants (or .requires, .upholds) directory of its host and manager. */
    static final String ENABLED = "enabled";
    /** The timer can be enabled ([Install]) and is not, where the dump shows the host's links. */
    static final String DISABLED = "disabled";
    /** The timer has no [Install] section and no link: only another unit's dependency starts it. */
    static final String STATIC = "static";

    private record Wanted(String path, String name, LoadPath.Place place) {
    }

    private final List<Wanted> wanted = new ArrayList<>();

    /** A link (or copy) in a {@code .wants} directory: {@code etc/systemd/system/timers.target.wants/etl.timer}. */
    synchronized void add(String path) {
        int slash = path.lastIndexOf('/');
        int wantsDir = slash < 0 ? -1 : path.lastIndexOf('/', slash - 1);
        LoadPath.Place place = wantsDir < 0 ? null : LoadPath.of(path.substring(0, wantsDir));
        if (place != null) {
            wanted.add(new Wanted(path, path.substring(slash + 1), place));
        }
    }

    synchronized void clear() {
        wanted.clear();
    }

    /**
     * The links and copies that enable the unit {@code name} defined at {@code at} (for a template, {@code backup@.timer},
     * those of its instances), sorted; empty outside the load path.
     */
    synchronized List<String> enabledBy(String name, LoadPath.Place at) {
        String template = TemplateInstances.templateOf(name);
        boolean isTemplate = name.equals(template);
        return wanted.stream().filter(w -> at != null && sameManager(w.place(), at))
                .filter(w -> w.name().equals(name) || isTemplate && name.equals(TemplateInstances.templateOf(w.name())))
                .map(Wanted::path).sorted().toList();
    }

    /** {@link #ENABLED}, {@link #DISABLED}, {@link #STATIC}, or null when the dump does not say. */
    synchronized String state(UnitSource timer) {
        LoadPath.Place at = timer.embeddedIn() == null ? LoadPath.ofUnit(timer.path()) : null;
        if (at == null || wanted.stream().noneMatch(w -> sameManager(w.place(), at))) {
            return null;
        }
        if (!enabledBy(timer.fileName(), at).isEmpty()) {
            return ENABLED;
        }
        boolean installable = !timer.values("Install", "WantedBy").isEmpty() || !timer.values("Install", "RequiredBy").isEmpty()
                || !timer.values("Install", "UpheldBy").isEmpty();
        return installable ? DISABLED : STATIC;
    }

    /**
     * Whether a link of {@code link}'s place enables units of {@code unit}'s: one host, and one manager, where a user
     * unit is enabled for every user by {@code /etc/systemd/user/...wants} and for one user by their own directory's.
     */
    private static boolean sameManager(LoadPath.Place link, LoadPath.Place unit) {
        if (!link.host().equals(unit.host())) {
            return false;
        }
        boolean userLink = link.manager().equals("user") || LoadPath.oneUsers(link.manager());
        boolean userUnit = unit.manager().equals("user") || LoadPath.oneUsers(unit.manager());
        return link.manager().equals(unit.manager()) || userLink && userUnit
                && (link.manager().equals("user") || unit.manager().equals("user"));
    }
}
