package dev.migrate.analyzers.cutover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The commands that pause and resume a deployment's schedules on the Prefect that runs them: the {@code deployment
 * schedule} group, which the data shows only from 2.20.25 on among 2.x releases, and else {@code pause-schedule}, which
 * pauses the schedule of a deployment named by NAME alone (2.20.25's help; deprecated there, gone in 3.x). The version
 * boundary and how the plan names it are data (schedule-cli.properties).
 */
final class ScheduleCommands {
    private static final Properties DATA = load();
    private static final int[] GROUP_SINCE = version(DATA.getProperty("schedule-group-since"));
    /** How the plan names the 2.x releases that have the group. */
    static final String GROUP_SAID = DATA.getProperty("schedule-group-said");
    /** The first 3.x whose {@code deployment schedule pause} takes {@code --all}. */
    static final String ALL_SINCE = DATA.getProperty("schedule-all-since");

    private ScheduleCommands() {
    }

    /** Whether a 2.x CLI of {@code version} (e.g. 2.14.9) has {@code deployment schedule pause}; unknown is old. */
    static boolean hasScheduleGroup(String version) {
        int[] v = version(version);
        if (v.length == 0) {
            return false; // pause-schedule: on 2.20.25 still, and mapped from every 2.x by the change catalogue
        }
        for (int i = 0; i < Math.max(v.length, GROUP_SINCE.length); i++) {
            int a = i < v.length ? v[i] : 0;
            int b = i < GROUP_SINCE.length ? GROUP_SINCE[i] : 0;
            if (a != b) {
                return a > b;
            }
        }
        return true;
    }

    /** Pausing a deployment with the 2.x CLI of {@code version}, before the server upgrade. */
    static List<String> pause2(String name, String version) {
        if (hasScheduleGroup(version)) {
            return List.of("prefect deployment schedule ls '" + name + "'",
                    "prefect deployment schedule pause '" + name + "' SCHEDULE_ID   # each active id listed above");
        }
        return List.of("prefect deployment pause-schedule '" + name + "'   # Prefect " + version + ": `deployment schedule "
                + "pause` is known only on " + GROUP_SAID + "; pause-schedule pauses the deployment's schedule");
    }

    /**
     * Resuming, with the 3.x CLI once the server runs 3.x, what {@link #pause2} paused: each schedule it paused. What
     * {@code pause-schedule} set on the 2.x server is not in the CLI data (its help says the schedule); should the
     * deployment itself show {@code paused: true} after the upgrade, 3.x's CLI has no command to resume it, and the
     * server's resume_deployment route does it: the step checks for that.
     */
    static List<String> resume3(String name, String version) {
        List<String> lines = new java.util.ArrayList<>(List.of("prefect deployment schedule ls '" + name + "'",
                "prefect deployment schedule resume '" + name + "' SCHEDULE_ID   # each id the pause step paused (not those paused before)"));
        if (!hasScheduleGroup(version)) {
            lines.add("prefect deployment inspect '" + name + "'   # paused: true? then the 2.x pause-schedule paused the "
                    + "deployment itself: resume it");
            lines.add("curl -fsS -X POST \"$PREFECT_API_URL/deployments/DEPLOYMENT_ID/resume_deployment\"   # DEPLOYMENT_ID: "
                    + "the id inspect shows");
        }
        return lines;
    }

    private static int[] version(String text) {
        if (text == null || !text.matches("\\d+(\\.\\d+)*")) {
            return new int[0];
        }
        return java.util.Arrays.stream(text.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ScheduleCommands.class.getResourceAsStream("schedule-cli.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
