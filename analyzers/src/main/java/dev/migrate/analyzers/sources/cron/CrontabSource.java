package dev.migrate.analyzers.sources.cron;

import dev.migrate.analyzers.sources.config.DockerfileNames;
import dev.migrate.rewriters.crontab.CrontabFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of cron input a scanned file is, decided from its path (and, for saved crontabs, shell scripts and
 * Dockerfiles, from its text). A script's crontabs each have their own format ({@link EmbeddedCrontabs}).
 *
 * @param user the crontab owner for spool files ({@code var/spool/cron/crontabs/<user>}, Alpine's
 *             {@code etc/crontabs/<user>}), else null
 */
record CrontabSource(Type type, CrontabFormat format, String user, String runPartsPeriod) {
    enum Type { CRONTAB, RUN_PARTS, SHELL_SCRIPT }

    /**
     * Spool files named by their owner; Alpine's busybox crond reads {@code /etc/crontabs/USER} (its
     * /var/spool/cron/crontabs is a link there), where images built on Alpine write their jobs.
     */
    private static final Pattern SPOOL = Pattern.compile(
            "(?:^|/)(?:var/spool/cron/(?:crontabs/|tabs/)?|etc/crontabs/)([^/.][^/]*)$");
    private static final Pattern RUN_PARTS = Pattern.compile("(?:^|/)cron\\.(hourly|daily|weekly|monthly)/([^/]+)$");
    private static final Pattern CRON_D = Pattern.compile("(?:^|.*/)cron\\.d/[^/.][^/]*");
    private static final Pattern SHELL_NAME = Pattern.compile(".*\\.(sh|bash)$");

    /** Whether the path alone makes a file cron input (every case of {@link #of} but here-documents in scripts). */
    static boolean isCronPath(String path) {
        // Every path-only case below names "cron" (spool, crontab, cron.d, run-parts, anacrontab, *.cron): the
        // prefilter asks this of every file of the tree, so the patterns run only on those.
        return path.contains("cron") && of(path, "") != null;
    }

    /** Null when the file is not cron input. */
    static CrontabSource of(String path, String text) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        Matcher spool = SPOOL.matcher(path);
        if (spool.find()) {
            return new CrontabSource(Type.CRONTAB, CrontabFormat.USER, spool.group(1), null);
        }
        if (path.equals("etc/crontab") || path.endsWith("/etc/crontab") || CRON_D.matcher(path).matches()) {
            return new CrontabSource(Type.CRONTAB, CrontabFormat.SYSTEM, null, null);
        }
        if (name.equals("anacrontab")) {
            return new CrontabSource(Type.CRONTAB, CrontabFormat.ANACRON, null, null);
        }
        Matcher runParts = RUN_PARTS.matcher(path);
        if (runParts.find() && !runParts.group(2).startsWith(".") && !runParts.group(2).equals("placeholder")) {
            return new CrontabSource(Type.RUN_PARTS, null, null, runParts.group(1));
        }
        // Saved crontabs: "crontab", "crontab.prefect", "crontab.txt", "etl.crontab", "jobs.cron". Most are user
        // crontabs; one whose every line names a user (a file a Dockerfile copies into /etc/cron.d) is a system one.
        if (name.equals("crontab") || name.startsWith("crontab.") || name.endsWith(".crontab") || name.endsWith(".cron")) {
            return new CrontabSource(Type.CRONTAB, UserFields.inEveryEntry(text) ? CrontabFormat.SYSTEM : CrontabFormat.USER,
                    null, null);
        }
        if ((SHELL_NAME.matcher(name).matches() || DockerfileNames.is(name) || text.startsWith("#!"))
                && !EmbeddedCrontabs.find(text).isEmpty()) {
            return new CrontabSource(Type.SHELL_SCRIPT, null, null, null);
        }
        return null;
    }
}
