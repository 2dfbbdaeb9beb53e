package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file edits behind the cutover and rollback steps of line-based legacy jobs (those whose switch is
 * {@code applied} in switches.yaml): one function used by {@code migrate cutover disable/rollback --apply}
 * and by the tests that replay a plan on a copy of an estate.
 */
public final class LegacySwitchFiles {
    private LegacySwitchFiles() {
    }

    /** What an apply did, one line per edit, for the user to see. */
    public record Applied(List<String> edits) {
    }

    /** Comments out the job's legacy line behind a marker dated {@code date}. */
    public static Applied disable(CutoverEstate estate, CutoverJob job, String date) {
        Job legacy = job.legacy();
        if (legacy == null) {
            if (!estate.assessor().markersOf(job).isEmpty()) {
                return new Applied(List.of("already disabled at " + estate.assessor().markersOf(job).get(0).where()));
            }
            throw new CutoverException("job " + job.key() + ": the scan finds no legacy definition to disable");
        }
        LegacySwitch sw = LegacySwitch.of(legacy.kind().slug()).orElse(null);
        if (sw == null || !sw.applied()) {
            throw new CutoverException("job " + job.key() + " is a " + legacy.kind().slug() + " job, switched off outside "
                    + "its files; run the plan's command, then: migrate cutover record " + job.key()
                    + " legacy-disabled --by NAME");
        }
        Path file = estate.root().resolve(legacy.source().path());
        boolean changed = LegacyToggle.disable(file, legacy.source().line(), job.key(), date);
        return new Applied(List.of((changed ? "disabled " : "already disabled ") + legacy.source().path() + ":"
                + legacy.source().line()));
    }

    /** Restores every line a marker for the job switched off. */
    public static Applied restore(CutoverEstate estate, CutoverJob job) {
        List<String> edits = new ArrayList<>();
        List<DisableMarker> markers = estate.assessor().markersOf(job);
        for (String file : markers.stream().map(DisableMarker::file).distinct().toList()) {
            int n = LegacyToggle.restore(estate.root().resolve(file), job.key());
            markers.stream().filter(m -> m.file().equals(file)).limit(n)
                    .forEach(m -> edits.add("restored " + m.where()));
        }
        return new Applied(edits);
    }
}
