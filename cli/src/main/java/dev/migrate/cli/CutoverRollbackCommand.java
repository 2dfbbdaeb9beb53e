package dev.migrate.cli;

import dev.migrate.analyzers.cutover.CutoverEstate;
import dev.migrate.analyzers.cutover.CutoverJob;
import dev.migrate.analyzers.cutover.DisableMarker;
import dev.migrate.analyzers.cutover.MarkerSchedule;
import dev.migrate.analyzers.cutover.MissedWindows;
import dev.migrate.analyzers.cutover.RetiredJobs;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.schedule.ScheduleOrigin;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code migrate cutover rollback}: restore lines disabled by migrate and list the windows to backfill. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Restore the legacy lines migrate disabled, and list the fire times to backfill.",
        description = {
            "Lists, for each selected job, the legacy lines behind a migrate marker and the legacy fire times "
                    + "missed since the marker's date (from the job's schedule). With --apply the lines are restored "
                    + "byte for byte. Pause the new deployment first (see the plan's rollback section).",
            "",
            "Examples:",
            "  migrate cutover rollback samples/legacy-host --job nightly-load",
            "  migrate cutover rollback . --job nightly-load --apply",
            ""
        })
public final class CutoverRollbackCommand extends EstateCommand implements Callable<Integer> {
    @Mixin
    AtOption at;

    @Option(names = "--apply", description = "Restore the disabled lines (default: only list them).")
    boolean apply;

    @Override
    public Integer call() {
        requireJobs("roll back");
        CutoverEstate e = load(at.now());
        Instant now = at.now();
        PrintWriter out = spec.commandLine().getOut();
        for (CutoverJob j : selected(e)) {
            List<DisableMarker> markers = e.assessor().markersOf(j);
            if (markers.isEmpty()) {
                out.println(j.key() + ": no line disabled by migrate; re-enable it with the plan's rollback command");
                continue;
            }
            missed(e, j, markers.get(0), now, out);
            if (apply) {
                LegacyLineSwitch.restore(e, j).forEach(s -> out.println(j.key() + ": " + s));
            } else {
                markers.forEach(m -> out.println(j.key() + ": would restore " + m.where() + ": " + oneLine(m.original())));
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /**
     * The legacy line's own schedule, read back from the marker, in the zone the crontab set for it; for a registration
     * in a scheduler script (APScheduler, schedule, Celery beat), which is code rather than a crontab line, the
     * schedule the scan read for the job (from the legacy recipe's manifest once the registration is commented out).
     */
    private static void missed(CutoverEstate e, CutoverJob j, DisableMarker m, Instant now, PrintWriter out) {
        Instant from = m.disabledAt();
        if (from == null) {
            out.println(j.key() + ": marker time '" + m.date() + "' is not an ISO-8601 instant; cannot list missed windows");
            return;
        }
        ScheduleSpec schedule = MarkerSchedule.of(e.root(), m, e.inventory().hostZone())
                .or(() -> scannedSchedule(e, j)).orElse(null);
        if (schedule == null) {
            out.println(j.key() + ": schedule of '" + oneLine(m.original()) + "' not read; backfill by hand since " + m.date());
            return;
        }
        // counted as the legacy side's scheduler counted them (a Prefect 1 clock's interval steps the wall clock)
        MissedWindows.Result r = MissedWindows.between(schedule, j.legacy() == null ? ScheduleOrigin.LEGACY_JOB
                : ScheduleOrigin.of(j.legacy().kind()), from, now, java.time.ZoneId.of(e.inventory().hostZone().zone()));
        if (r.total() < 0) {
            out.println(j.key() + ": '" + schedule.expression() + "' is not clock-based; backfill by hand since " + m.date());
            return;
        }
        if (!r.exact()) {
            // the schedule read without its unknown start or in an assumed zone: estimates, which the legacy run history must confirm
            out.println(j.key() + ": about " + r.total() + " legacy run(s) missed between " + from + " and " + now
                    + " reading '" + schedule.expression() + "' as " + r.schedule() + "; not proven: " + r.unproven()
                    + "; so these are estimates, not the legacy runs' times: take the windows from the legacy "
                    + "scheduler's run history");
            r.times().forEach(t -> out.println("  estimated, not proven: near " + t));
            if (r.total() > r.times().size()) {
                out.println("  ... and " + (r.total() - r.times().size()) + " more");
            }
            return;
        }
        out.println(j.key() + ": " + r.total() + " legacy run(s) missed between " + from + " and " + now + " (" + r.schedule() + ")");
        r.times().forEach(t -> out.println("  backfill " + t));
        if (r.total() > r.times().size()) {
            out.println("  ... and " + (r.total() - r.times().size()) + " more");
        }
    }

    /** The job's schedule as the scan read it: from the inventory, else from the legacy recipe's manifest. */
    private static java.util.Optional<ScheduleSpec> scannedSchedule(CutoverEstate e, CutoverJob j) {
        java.util.stream.Stream<Job> known = java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(j.legacy()),
                RetiredJobs.inProcess(e.root(), e.inventory()).stream().filter(r -> CutoverJob.keyOf(r.name()).equals(j.key())));
        return known.flatMap(x -> x.schedules().stream()).findFirst();
    }

    /** A registration that spans lines, on the one line of the listing. */
    private static String oneLine(String text) {
        return text.contains("\n") ? text.strip().replaceAll("\\s*\\R\\s*", " ") : text;
    }
}
