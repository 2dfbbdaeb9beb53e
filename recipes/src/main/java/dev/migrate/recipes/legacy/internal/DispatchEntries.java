package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.RunPartsDirectories;
import java.util.Collection;
import java.util.List;

/**
 * The entries that run a run-parts directory ({@code cron.daily run-parts /etc/cron.daily} in /etc/anacrontab, a
 * crontab's {@code run-parts /etc/cron.daily} line). They stay: their scripts move one by one, and run-parts keeps
 * running what stays in the directory and what a package adds later. Every such entry, anacron's or cron's, is
 * reported the same way: a manual TODO that names the deployments its scripts became and the scripts still on the host.
 * Which entries those are is {@link RunPartsDirectories#dispatches}, as the scan and the cutover read them.
 */
final class DispatchEntries {
    private DispatchEntries() {
    }

    /** Why the entry is left, with what to do: the scripts of its directory that moved and those that stay. */
    static String todo(Job entry, Collection<Job> moved, Collection<Job> notMoved) {
        String dir = RunPartsDirectories.directory(entry.command());
        String period = RunPartsDirectories.period(entry.command());
        if (dir == null) {
            throw new IllegalArgumentException("not a run-parts entry: " + entry.id());
        }
        List<String> movedIds = RunPartsDirectories.scripts(moved, period).stream().map(Job::id).sorted().toList();
        // a name run-parts skips (old.sh) never runs: it is reported on its own, not as a script the entry runs
        List<String> left = RunPartsDirectories.scripts(notMoved, period).stream()
                .filter(j -> !"true".equals(j.attributes().get(RunPartsDirectories.SKIPPED))).map(j -> j.source().path())
                .sorted().toList();
        String runs = entry.attributes().containsKey("cron.noOpWhen")
                ? "it runs " + dir + " only where anacron is not installed" : "it runs the scripts of " + dir;
        return "TODO keep this entry by hand (not a job of its own): " + runs + "; "
                + (movedIds.isEmpty() ? "no script of it is migrated" : "its scripts run as the deployments "
                + String.join(", ", movedIds) + " (cutover.sh removes their execute bit, so run-parts skips them)")
                + "; it still runs " + (left.isEmpty() ? "no script now" : String.join(", ", left))
                + " and any script a package adds there later (migrate those with another run)";
    }
}
