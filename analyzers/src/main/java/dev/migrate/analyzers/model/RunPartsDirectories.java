package dev.migrate.analyzers.model;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run-parts directories of cron and anacron ({@code /etc/cron.hourly}, daily, weekly, monthly): the entries that
 * run one (an anacrontab's {@code cron.daily run-parts --report /etc/cron.daily}, a crontab's {@code run-parts} line,
 * Debian's {@code test -x /usr/sbin/anacron || run-parts ...}), the scripts of the inventory that are a directory's,
 * and anacron's own script in it ({@code 0anacron}). The scan, the cutover and the legacy recipe all recognise them
 * here, so that they agree on which entry runs which scripts.
 */
public final class RunPartsDirectories {
    /** {@code run-parts [options] /etc/cron.PERIOD}: the directory and its period. */
    private static final Pattern RUN_PARTS = Pattern.compile("\\brun-parts\\b.*?(/etc/cron\\.(hourly|daily|weekly|monthly))\\b");
    /** A command line that runs anacron itself: {@code anacron -s} (cronie's cron.hourly), {@code anacron -u cron.daily}. */
    private static final Pattern RUNS_ANACRON = Pattern.compile("(?m)^[^#\\n]*(?<![\\w.-])(?:/usr/sbin/)?anacron\\s+-[A-Za-z]*[su]");

    /** Attribute of a run-parts script: the period of its directory ({@code daily} for cron.daily). */
    public static final String PERIOD = "runParts.period";
    /** Attribute of a run-parts script whose name run-parts skips ({@code old.sh}): it never runs. */
    public static final String SKIPPED = "runParts.skipped";
    /** Attribute of a run-parts script that is anacron's own ({@link #runsAnacron}). */
    public static final String ANACRON_OWN = "runParts.anacron";

    private RunPartsDirectories() {
    }

    /** The directory a command runs with run-parts ({@code /etc/cron.daily}), or null. */
    public static String directory(String command) {
        Matcher m = command == null ? null : RUN_PARTS.matcher(command);
        return m != null && m.find() ? m.group(1) : null;
    }

    /** The period of the directory a command runs with run-parts ({@code daily}), or null. */
    public static String period(String command) {
        Matcher m = command == null ? null : RUN_PARTS.matcher(command);
        return m != null && m.find() ? m.group(2) : null;
    }

    /** Whether the job is an anacron entry or crontab line that runs a run-parts directory. */
    public static boolean dispatches(Job j) {
        return (j.kind() == JobKind.ANACRON || j.kind() == JobKind.CRON) && period(j.command()) != null;
    }

    /** The run-parts scripts among {@code jobs} of the directory of that period, skipped names included. */
    public static List<Job> scripts(Collection<Job> jobs, String period) {
        return jobs.stream().filter(j -> j.kind() == JobKind.CRON_RUN_PARTS && period.equals(j.attributes().get(PERIOD))).toList();
    }

    /**
     * Whether run-parts runs the script as a job of the directory: its name is one run-parts takes, and it is not
     * anacron's own script, which is part of the scheduler that runs the directory, not a job to move.
     */
    public static boolean runsAsJob(Job script) {
        return !"true".equals(script.attributes().get(SKIPPED)) && !"true".equals(script.attributes().get(ANACRON_OWN));
    }

    /**
     * Whether a run-parts script is anacron's own ({@code 0anacron}): it starts anacron, or records its runs, so it is
     * part of the scheduler that runs every anacron entry, those left on the host too.
     */
    public static boolean runsAnacron(String scriptText) {
        return scriptText != null && RUNS_ANACRON.matcher(scriptText).find();
    }
}
