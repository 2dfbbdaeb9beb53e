package dev.migrate.analyzers.sources.k8s;

import dev.migrate.analyzers.sources.config.PrefectInvocation;
import dev.migrate.analyzers.sources.config.YamlDocs;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A CronJob whose container runs {@code prefect deployment run FLOW/DEPLOYMENT}: the cluster starts a Prefect deployment
 * on the CronJob's {@code schedule:} (in its {@code timeZone:}). Prefect 3 keeps such a schedule on the deployment itself,
 * so the CronJob's schedule is the deployment's to take (K8S006), and the CronJob goes once it has.
 */
final class DeploymentRuns {
    /** The CronJob job's attribute: the deployments its containers start, comma-separated, as the commands name them. */
    static final String ATTRIBUTE = "prefect.deploymentRun";
    /** The options of {@code prefect deployment run} (2.20 and 3.8.3) that take no value. */
    private static final Set<String> FLAGS = Set.of("--watch", "--no-watch", "--help", "--empty-job-variable",
            "--empty-param", "--empty-tag");

    private DeploymentRuns() {
    }

    /**
     * The deployment a {@code prefect deployment run} call starts: its {@code NAME} argument or {@code --name}, else
     * {@code id ID} for {@code --id ID}; empty for any other call, or one that names none.
     */
    static Optional<String> deployment(PrefectInvocation inv) {
        if (!inv.path().equals("deployment run")) {
            return Optional.empty();
        }
        Optional<String> named = inv.option("--name");
        if (named.isPresent()) {
            return named;
        }
        List<String> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                return Optional.of(a);
            }
            if (!a.contains("=") && !FLAGS.contains(a)) {
                i++; // the option's value
            }
        }
        return inv.option("--id").map(id -> "id " + id);
    }

    /**
     * K8S006's message for CronJob {@code cronJob} starting {@code deployment} on {@code schedule} in {@code zone}; a
     * schedule a chart's values give ({@code TEMPLATED} once the template is read without them) is named as such.
     */
    static String message(String cronJob, String deployment, String schedule, String zone) {
        boolean known = schedule != null && !schedule.contains(YamlDocs.TEMPLATED);
        String in = zone == null ? "the controller's zone (no timeZone)" : zone;
        String when = schedule == null ? "no schedule" : known ? "'" + schedule + "' in " + in
                : "the schedule its chart's values give";
        String cron = known ? " (schedules: [{cron: \"" + schedule + "\"" + (zone == null ? ""
                : ", timezone: \"" + zone + "\"") + "}])" : "";
        return "CronJob '" + cronJob + "' starts Prefect deployment '" + deployment + "' (`prefect deployment run`) on "
                + when + ": in Prefect 3 the deployment runs on a schedule of its own; give it this one" + cron
                + " and delete the CronJob, or both start it";
    }
}
