package dev.migrate.analyzers.cutover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The commands that pause and resume a deployment's schedules on the Prefect that runs them: a 2.x CLI older than the
 * {@code deployment schedule} group only has {@code pause-schedule}, which pauses the deployment as a whole; 3.x only has
 * the group. The version boundary is data (schedule-cli.properties).
 */
final class ScheduleCommands {
    private static final int[] GROUP_SINCE = version(load().getProperty("schedule-group-since"));

    private ScheduleCommands() {
    }

    /** Whether a 2.x CLI of {@code version} (e.g. 2.14.9) has {@code deployment schedule pause}; unknown is old. */
    static boolean hasScheduleGroup(String version) {
        int[] v = version(version);
        if (v.length == 0) {
            return false; // pause-schedule exists on every 2.x, up to 2.20.25: the command that surely runs
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
        return List.of("prefect deployment pause-schedule '" + name + "'   # Prefect " + version
                + " has no `deployment schedule pause`: this pauses the deployment");
    }

    /**
     * Resuming, with the 3.x CLI once the server runs 3.x, what {@link #pause2} paused: each schedule it paused; a
     * deployment that {@code pause-schedule} paused whole stays paused, and 3.x's CLI has no command for that: the
     * server's resume_deployment route does it.
     */
    static List<String> resume3(String name, String version) {
        List<String> lines = new java.util.ArrayList<>(List.of("prefect deployment schedule ls '" + name + "'",
                "prefect deployment schedule resume '" + name + "' SCHEDULE_ID   # each id the pause step paused (not those paused before)"));
        if (!hasScheduleGroup(version)) {
            lines.add("prefect deployment inspect '" + name + "'   # still paused: true? resume the deployment itself:");
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
