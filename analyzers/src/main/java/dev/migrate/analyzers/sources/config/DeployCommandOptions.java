package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScheduleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a deployment of one prefect.yaml entry gets from the {@code prefect deploy} options that deploy it, as Prefect
 * applies them ({@code _apply_cli_options_to_deploy_config}: 2.16+ {@code prefect/cli/deploy.py}, 3.x
 * {@code prefect/cli/deploy/_config.py}, alike in every version from 3.0.0 to 3.8.x):
 * <ul>
 * <li>{@code --cron}, {@code --interval}, {@code --rrule} are appended to the entry's {@code schedules:}, never in
 * their place: the deployment runs on the entry's schedules and on the command's;</li>
 * <li>{@code --timezone} is then set on every schedule, the entry's too; {@code --anchor-date} on every interval
 * schedule, the entry's too;</li>
 * <li>{@code --pool} replaces the entry's {@code work_pool.name}, {@code --work-queue} its {@code work_queue_name},
 * each only where given (a pool given alone keeps the entry's queue).</li>
 * </ul>
 * When one command deploys several entries (a pattern, {@code --all}), Prefect ignores all of them
 * ("These options will be ignored"): the caller does not come here.
 */
final class DeployCommandOptions {
    private DeployCommandOptions() {
    }

    /** The entry's schedules with the command's zone and anchor set on them, then the command's own. */
    static List<ScheduleSpec> schedules(Job entry, PrefectInvocation inv, Job command) {
        Optional<String> timezone = inv.option("--timezone");
        Optional<String> anchor = inv.option("--anchor-date");
        List<ScheduleSpec> out = new ArrayList<>();
        for (ScheduleSpec s : entry.schedules()) {
            out.add(withOptions(s, timezone.orElse(null), anchor.orElse(null)));
        }
        out.addAll(command.schedules()); // read with the same --timezone and --anchor-date by the command line detector
        return out;
    }

    /**
     * An entry's schedule with the command's {@code --timezone} and {@code --anchor-date}: an interval given an anchor
     * is read anew from its period ({@code R/start/period} keeps it last), as {@link CliIntervals} reads the command's
     * own; any other takes the zone alone (an anchored interval names its instant, whatever the zone).
     */
    private static ScheduleSpec withOptions(ScheduleSpec s, String timezone, String anchor) {
        String zone = timezone != null ? timezone : s.timezone();
        if (s.form() == ScheduleSpec.Form.INTERVAL && anchor != null) {
            String e = s.expression();
            String period = e.startsWith("R/") ? e.substring(e.lastIndexOf('/') + 1) : e;
            ScheduleSpec read = CliIntervals.of(period, anchor, zone, s.where());
            return s.paused() ? read.asPaused() : read;
        }
        return timezone != null ? s.withTimezone(timezone) : s;
    }

    /** The work pool: the command's where it gives one. */
    static String pool(Job entry, Job command) {
        String own = command.attributes().get("workPool");
        return own != null && !own.isEmpty() ? own : entry.attributes().get("workPool");
    }

    /**
     * The work queue: the command's where it gives one (one option to Prefect, of which typer keeps the last given).
     */
    static String queue(Job entry, Job command) {
        String own = command.attributes().get("workQueue");
        if (own != null && !own.isEmpty()) {
            return own.substring(own.lastIndexOf(',') + 1);
        }
        return entry.attributes().get("workQueue");
    }
}
