package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entries that run a run-parts directory ({@code cron.daily run-parts /etc/cron.daily} in /etc/anacrontab, a
 * crontab's {@code run-parts /etc/cron.daily} line). They stay: their scripts move one by one, and run-parts keeps
 * running what stays in the directory and what a package adds later. Every such entry, anacron's or cron's, is
 * reported the same way: a manual TODO that names the deployments its scripts became and the scripts still on the host.
 */
final class DispatchEntries {
    private static final Pattern RUN_PARTS = Pattern.compile("\\brun-parts\\b.*?(/etc/cron\\.(hourly|daily|weekly|monthly))\\b");

    private DispatchEntries() {
    }

    /** Whether the job is an anacron entry or crontab line that runs a run-parts directory. */
    static boolean dispatches(Job j) {
        return (j.kind() == JobKind.ANACRON || j.kind() == JobKind.CRON) && j.command() != null
                && RUN_PARTS.matcher(j.command()).find();
    }

    /** Why the entry is left, with what to do: the scripts of its directory that moved and those that stay. */
    static String todo(Job entry, Collection<Job> moved, Collection<Job> notMoved) {
        Matcher m = RUN_PARTS.matcher(entry.command());
        if (!m.find()) {
            throw new IllegalArgumentException("not a run-parts entry: " + entry.id());
        }
        String dir = m.group(1);
        List<String> movedIds = scripts(moved, m.group(2)).stream().map(Job::id).sorted().toList();
        // a name run-parts skips (old.sh) never runs: it is reported on its own, not as a script the entry runs
        List<String> left = scripts(notMoved, m.group(2)).stream()
                .filter(j -> !"true".equals(j.attributes().get("runParts.skipped"))).map(j -> j.source().path()).sorted().toList();
        String runs = entry.attributes().containsKey("cron.noOpWhen")
                ? "it runs " + dir + " only where anacron is not installed" : "it runs the scripts of " + dir;
        return "TODO keep this entry by hand (not a job of its own): " + runs + "; "
                + (movedIds.isEmpty() ? "no script of it is migrated" : "its scripts run as the deployments "
                + String.join(", ", movedIds) + " (cutover.sh removes their execute bit, so run-parts skips them)")
                + "; it still runs " + (left.isEmpty() ? "no script now" : String.join(", ", left))
                + " and any script a package adds there later (migrate those with another run)";
    }

    private static List<Job> scripts(Collection<Job> jobs, String period) {
        return jobs.stream().filter(j -> j.kind() == JobKind.CRON_RUN_PARTS
                && period.equals(j.attributes().get("runParts.period"))).toList();
    }
}
