package dev.migrate.recipes.legacy.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a crontab of the scanned tree gets onto its host. A user's table is loaded with {@code crontab -u USER FILE}
 * (cron keeps its own copy; editing the spool file does not reach it); a system crontab ({@code /etc/crontab},
 * {@code /etc/cron.d}, {@code /etc/anacrontab}) is copied into place, and cron reads it again by itself. A crontab
 * that is no host dump's (a project's {@code deploy/crontab}) is installed by whoever knows where it runs.
 */
final class HostCrontabs {
    private static final Pattern USER_TABLE = Pattern.compile("(?:^|.*/)var/spool/cron/(?:crontabs/|tabs/)?([^/]+)$");
    private static final Pattern SYSTEM_TABLE = Pattern.compile("(?:^|.*/)(etc/(?:crontab|anacrontab|cron\\.d/[^/]+))$");

    private HostCrontabs() {
    }

    /** The cutover.sh line for {@code path} (relative to the project root, which the script has in {@code $ROOT}). */
    static String install(String path) {
        String file = "\"$ROOT/" + path.replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"";
        Matcher user = USER_TABLE.matcher(path);
        if (user.matches()) {
            return "crontab -u '" + user.group(1) + "' " + file;
        }
        Matcher system = SYSTEM_TABLE.matcher(path);
        if (system.matches()) {
            return "install -m 644 " + file + " '/" + system.group(1) + "'";
        }
        return "# install " + path + " where it runs: crontab -u USER FILE for a user's table, or copy it into /etc/cron.d";
    }
}
