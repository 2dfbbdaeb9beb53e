package dev.migrate.analyzers.model;

/**
 * The one name a home-made sleep loop goes by once it is moved: the systemd unit that keeps it running when there is
 * one ({@code iceberg-offload-scheduler} for {@code iceberg-offload-scheduler.service}), else its script without
 * {@code .py} ({@code scheduler} for {@code docker/offload/scheduler.py}). The legacy recipe names the flow and the
 * deployment it writes for the loop by it, and cutover keys the loop's job by it, so that the two meet: before they
 * each named it their own way, and a loop without a unit was {@code scheduler-py} to cutover and {@code scheduler} to
 * the recipe, so cutover never found the deployment the recipe made.
 */
public final class SleepLoopNames {
    private SleepLoopNames() {
    }

    /**
     * @param scriptPath the loop's script, as the scan names its file
     * @param unitPath   the path of the unit that keeps it running, or null
     */
    public static String of(String scriptPath, String unitPath) {
        if (unitPath != null) {
            return fileName(unitPath).replaceAll("\\.service$", "");
        }
        return fileName(scriptPath).replaceAll("\\.py$", "");
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
