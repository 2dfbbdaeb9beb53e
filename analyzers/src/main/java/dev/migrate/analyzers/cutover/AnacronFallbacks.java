package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.RunPartsDirectories;
import dev.migrate.analyzers.sources.cron.CronCommands;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian's {@code /etc/crontab} runs {@code /etc/cron.daily} (and weekly, monthly) with
 * {@code test -x /usr/sbin/anacron || run-parts /etc/cron.daily}: a fallback for hosts without anacron. Where the
 * estate's anacrontab runs the same directory, both name the same scripts, and cutover shows them as one job: the
 * anacron entry's, with the crontab line as its fallback.
 */
final class AnacronFallbacks {
    private AnacronFallbacks() {
    }

    /** The anacron job each fallback crontab line stands in for, by the line's scan id. */
    static Map<String, Job> of(List<Job> jobs) {
        Map<String, Job> anacron = new LinkedHashMap<>();
        for (Job j : jobs) {
            String dir = j.kind() == JobKind.ANACRON ? directory(j.command()) : null;
            if (dir != null) {
                anacron.putIfAbsent(dir, j);
            }
        }
        Map<String, Job> out = new LinkedHashMap<>();
        for (Job j : jobs) {
            if (j.kind() == JobKind.CRON && j.command() != null && CronCommands.guardedByAnacron(j.command())) {
                Job runs = anacron.get(directory(j.command()));
                if (runs != null) {
                    out.put(j.id(), runs);
                }
            }
        }
        return out;
    }

    /** The note that says why the fallback line is not a job of its own. */
    static String note(Job fallback) {
        return "; " + fallback.source() + " runs " + directory(fallback.command()) + " too, but only where anacron is "
                + "not installed (test -x /usr/sbin/anacron ||): the same scripts, shown once here";
    }

    private static String directory(String command) {
        return RunPartsDirectories.directory(command);
    }
}
