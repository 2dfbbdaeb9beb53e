package dev.migrate.cli;

import dev.migrate.analyzers.cutover.CutoverEstate;
import dev.migrate.analyzers.cutover.CutoverException;
import dev.migrate.analyzers.cutover.CutoverJob;
import dev.migrate.analyzers.cutover.DisableMarker;
import dev.migrate.analyzers.cutover.DispatchEntryGuard;
import dev.migrate.analyzers.cutover.LegacySwitch;
import dev.migrate.analyzers.cutover.LegacyToggle;
import dev.migrate.analyzers.model.Job;
import dev.migrate.rewriters.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file edits behind the plan's disable and rollback steps for line-based legacy jobs (those whose
 * switch is {@code applied} in switches.yaml). Written atomically with the rewrite engine's
 * {@link AtomicFiles}, which keeps the file mode, so a crash never leaves half a crontab.
 */
final class LegacyLineSwitch {
    private LegacyLineSwitch() {
    }

    /** Comments out the job's legacy line behind a marker stamped {@code date}; returns what it did. */
    static List<String> disable(CutoverEstate estate, CutoverJob job, String date) {
        Job legacy = job.legacy();
        // whoever calls: commenting a run-parts entry out stops every script of its directory (also when already done)
        DispatchEntryGuard.refusal(estate, job, estate.root().toString()).ifPresent(why -> {
            throw new CutoverException(why);
        });
        if (!estate.assessor().markersOf(job).isEmpty()) {
            // also when the scan still lists the line (the legacy recipe's form keeps it as a commented-out entry)
            return List.of("already disabled at " + estate.assessor().markersOf(job).get(0).where());
        }
        if (legacy == null) {
            throw new CutoverException("job " + job.key() + ": the scan finds no legacy definition to disable");
        }
        String byMigrate = legacy.attributes().get(dev.migrate.analyzers.sources.cron.CrontabDetector.DISABLED_BY_MIGRATE);
        if (byMigrate != null && legacy.kind() == dev.migrate.analyzers.model.JobKind.SYSTEMD_TIMER) {
            // a timer the legacy recipe's cutover.sh switches off on the host: its unit file stays, with no marker
            throw new CutoverException("job " + job.key() + ": " + byMigrate + " switches it off on the host; once that "
                    + "ran, record it: migrate cutover record " + job.key() + " legacy-disabled --by NAME");
        }
        if ("true".equals(legacy.attributes().get("disabled"))) {
            throw new CutoverException("job " + job.key() + ": " + legacy.source().path() + ":" + legacy.source().line()
                    + " is already commented out, without a migrate marker; record it: migrate cutover record "
                    + job.key() + " legacy-disabled --by NAME");
        }
        LegacySwitch sw = LegacySwitch.forJob(legacy).orElse(null);
        if (sw == null || !sw.applied()) {
            throw new CutoverException("job " + job.key() + " is a " + (sw == null ? legacy.kind().slug() : sw.label())
                    + " job, switched off outside "
                    + "its files; run the plan's command, then: migrate cutover record " + job.key()
                    + " legacy-disabled --by NAME");
        }
        // a job of several crontab lines (one command, several schedules) has each of them switched, from the bottom up
        List<Integer> lines = legacy.schedules().stream().filter(s -> s.where().path().equals(legacy.source().path()))
                .map(s -> s.where().line()).distinct().sorted(java.util.Comparator.reverseOrder()).toList();
        if (lines.isEmpty()) {
            lines = List.of(legacy.source().line());
        }
        String where = legacy.source().path() + ":" + String.join(",", lines.stream().sorted().map(String::valueOf).toList());
        Path file = estate.root().resolve(legacy.source().path());
        String before = LegacyToggle.read(file);
        String after = before;
        for (int line : lines) {
            after = LegacyToggle.disable(after, legacy.source().path(), line, job.key(), date);
        }
        if (after.equals(before)) {
            return List.of("already disabled " + where);
        }
        write(file, after);
        return List.of("disabled " + where);
    }

    /** Restores every line a marker for the job switched off. */
    static List<String> restore(CutoverEstate estate, CutoverJob job) {
        List<String> edits = new ArrayList<>();
        List<DisableMarker> markers = estate.assessor().markersOf(job);
        for (String file : markers.stream().map(DisableMarker::file).distinct().toList()) {
            Path path = estate.root().resolve(file);
            // read the markers again: restoring another job's marker in this file may have moved the lines
            var keys = estate.legacyKeys();
            write(path, LegacyToggle.restoreWhere(LegacyToggle.read(path),
                    written -> keys.getOrDefault(written, written).equals(job.key())));
            markers.stream().filter(m -> m.file().equals(file)).forEach(m -> edits.add("restored " + m.where()));
        }
        return edits;
    }

    private static void write(Path file, String text) {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
