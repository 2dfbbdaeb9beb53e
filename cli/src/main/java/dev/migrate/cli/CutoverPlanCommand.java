package dev.migrate.cli;

import dev.migrate.analyzers.cutover.CutoverEstate;
import dev.migrate.analyzers.cutover.CutoverPlan;
import dev.migrate.analyzers.cutover.PlanOptions;
import dev.migrate.analyzers.schedule.TimeSpans;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code migrate cutover plan}: the per-job checklist as Markdown task lists. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Write the cutover checklist (Markdown task lists), one section per job.",
        description = {
            "Platform pre-steps (Prefect 2 server upgrade, work pools, workers, canary), then per job: dual run "
                    + "with an offset schedule, cutover with the exact commands that switch each legacy kind off, "
                    + "post-steps (monitoring, legacy code, runbooks, image dependencies) and rollback (re-enable, "
                    + "pause the new deployment, backfill the missed windows). Each step says why and links its source.",
            "",
            "Examples:",
            "  migrate cutover plan samples/k2-platform --output CUTOVER.md",
            "  migrate cutover plan . --job nightly-load --green-runs 5 --monitor 24h",
            ""
        })
public final class CutoverPlanCommand extends EstateCommand implements Callable<Integer> {
    @Mixin
    AtOption at;

    @Option(names = "--monitor", paramLabel = "SPAN", defaultValue = "48h",
            description = "How long to watch the new deployment after cutover, e.g. 24h, 2d (default: ${DEFAULT-VALUE}).")
    String monitor;

    @Mixin
    OutputMixin output;

    @Override
    public Integer call() throws IOException {
        Duration window;
        try {
            window = TimeSpans.parse(monitor);
        } catch (RuntimeException e) {
            throw CliException.invalidInput("--monitor " + monitor + ": expected a time span such as 24h, 2d or 90min");
        }
        if (window.isZero() || window.isNegative()) {
            // a window of nothing would tick "monitor for 0 min": the step exists to watch real runs
            throw CliException.invalidInput("--monitor " + monitor + ": the window must be longer than zero, e.g. 24h");
        }
        // the deployments migrate rewrite's legacy recipe will write: the plan names them before the rewrite ran
        PlanOptions options = new PlanOptions(estate.greenRuns, window, at.now(), path.toString(),
                estate.validateConfigLabel(path), LegacyRecipeDeployments.of(path,
                        java.time.ZoneId.of(System.getProperty(HostZoneOption.PROPERTY, "UTC")), at.now()));
        CutoverEstate e = load(at.now());
        var readiness = e.readiness(selected(e));
        output.write(spec.commandLine().getOut(), w -> CutoverPlan.write(e, readiness, options, w));
        return ExitCode.OK.code();
    }
}
