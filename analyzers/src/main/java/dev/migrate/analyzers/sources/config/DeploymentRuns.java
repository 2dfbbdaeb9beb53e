package dev.migrate.analyzers.sources.config;

import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A scheduler whose job runs {@code prefect deployment run FLOW/DEPLOYMENT}: a Kubernetes CronJob (K8S006), a crontab
 * line (CRN011) or a systemd timer's service (SYD012) starts a Prefect deployment on its own schedule. Prefect 3 keeps
 * such a schedule on the deployment itself, so the trigger's schedule is the deployment's to take, and the trigger goes
 * once it has.
 */
public final class DeploymentRuns {
    /** The job's attribute: the deployments its commands start, comma-separated, as the commands name them. */
    public static final String ATTRIBUTE = "prefect.deploymentRun";
    /** Commands that print or ignore their words: {@code echo prefect deployment run x} starts nothing. */
    private static final Set<String> NOT_RUNNING = Set.of("echo", "printf", ":", "true", "false", "logger");
    /** The options of {@code prefect deployment run} (2.20 and 3.8.3) that take no value. */
    private static final Set<String> FLAGS = Set.of("--watch", "--no-watch", "--help", "--empty-job-variable",
            "--empty-param", "--empty-tag");

    private DeploymentRuns() {
    }

    /**
     * The deployment a {@code prefect deployment run} call starts: its {@code NAME} argument or {@code --name}, else
     * {@code id ID} for {@code --id ID}; empty for any other call, or one that names none.
     */
    public static Optional<String> deployment(PrefectInvocation inv) {
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
     * The deployments a (logical) shell line starts, in order and once each: every {@code prefect deployment run} call
     * of its commands ({@code cd DIR && /opt/venv/bin/prefect deployment run etl/nightly}, inside {@code sh -c '...'})
     * but those that are words of a command printing them ({@code echo}) or of a comment.
     */
    public static List<String> started(String line) {
        List<String> names = new ArrayList<>();
        if (!line.contains("prefect")) {
            return names;
        }
        for (SimpleCommand command : ShellLine.parse(line).commands()) {
            List<String> argv = command.argv();
            if (argv.isEmpty() || NOT_RUNNING.contains(argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1))) {
                continue;
            }
            Optional<String> script = shellScript(argv);
            if (script.isPresent()) {
                // sh -c '...': the script's own commands, so that `sh -c 'echo prefect ...'` starts nothing either
                started(script.get()).stream().filter(d -> !names.contains(d)).forEach(names::add);
                continue;
            }
            for (PrefectInvocation inv : PrefectInvocation.find(line.substring(command.start(), command.end()))) {
                deployment(inv).filter(d -> !names.contains(d)).ifPresent(names::add);
            }
        }
        return names;
    }

    /** The script of {@code sh -c SCRIPT} (bash, dash, zsh, runuser, su; flags such as {@code -lc}), after any wrapper. */
    private static Optional<String> shellScript(List<String> argv) {
        for (int s = 0; s < argv.size(); s++) {
            if (argv.get(s).matches("(.*/)?((ba|da|z)?sh|runuser|su)")) {
                for (int i = s + 1; i + 1 < argv.size(); i++) {
                    if (argv.get(i).matches("-[a-z]*c")) {
                        return Optional.of(argv.get(i + 1));
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * K8S006's message for CronJob {@code cronJob} starting {@code deployment} on {@code schedule} in {@code zone}; a
     * schedule a chart's values give ({@code TEMPLATED} once the template is read without them) is named as such.
     */
    public static String message(String cronJob, String deployment, String schedule, String zone) {
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

    /**
     * CRN011's and SYD012's message: {@code trigger} (a cron job, a timer) starts {@code deployment} {@code when};
     * {@code schedule}, when known, is the schedule the deployment takes, as prefect.yaml writes it; {@code removal}
     * says how the trigger goes at cutover.
     */
    public static String hostMessage(String trigger, String deployment, String when, String schedule, String removal) {
        return trigger + " starts Prefect deployment '" + deployment + "' (`prefect deployment run`) " + when
                + ": in Prefect 3 the deployment runs on a schedule of its own; give it this one"
                + (schedule == null ? "" : " (" + schedule + ")") + " and " + removal + ", or both start it";
    }
}
