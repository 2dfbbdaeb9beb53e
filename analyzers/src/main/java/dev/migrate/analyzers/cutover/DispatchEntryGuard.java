package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.RunPartsDirectories;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Why {@code migrate cutover disable} never comments out a run-parts dispatch entry (an anacrontab's
 * {@code cron.daily run-parts /etc/cron.daily}, a crontab's {@code run-parts /etc/cron.daily} line): the entry is no
 * job of its own, and switching it off stops every script still in the directory, anacron's own {@code 0anacron} and
 * what a package adds there later too. Its scripts are switched off one by one instead, each by its own job, which
 * removes the script's execute bit so that run-parts skips it. The refusal holds for a dry run as for {@code --apply},
 * and for an entry an earlier version already switched off, whose rollback it then names.
 */
public final class DispatchEntryGuard {
    private DispatchEntryGuard() {
    }

    /**
     * The refusal for disabling {@code job}, or empty when it is no dispatch entry.
     *
     * @param root the estate as the user named it, for the commands the message suggests
     */
    public static Optional<String> refusal(CutoverEstate estate, CutoverJob job, String root) {
        Job entry = job.legacy();
        // an entry behind a marker is no longer in the scan: the marker keeps its line
        List<DisableMarker> markers = estate.assessor().markersOf(job);
        String command = entry != null ? entry.command() : markers.isEmpty() ? null : markers.get(0).original();
        boolean dispatches = entry != null ? RunPartsDirectories.dispatches(entry) : RunPartsDirectories.period(command) != null;
        if (!dispatches) {
            return Optional.empty();
        }
        String directory = RunPartsDirectories.directory(command);
        List<Job> scripts = RunPartsDirectories.scripts(estate.inventory().jobs(), RunPartsDirectories.period(command));
        // what run-parts runs from the directory as the scan sees it: names it skips never run, 0anacron does
        List<String> runs = scripts.stream().filter(s -> !"true".equals(s.attributes().get(RunPartsDirectories.SKIPPED)))
                .map(s -> s.source().path() + ("true".equals(s.attributes().get(RunPartsDirectories.ANACRON_OWN))
                        ? " (anacron's own)" : ""))
                .sorted().toList();
        // the scripts that move, each a job of its own (as ReadinessAssessor.dispatched finds them)
        Set<String> ids = new HashSet<>();
        scripts.stream().filter(RunPartsDirectories::runsAsJob).forEach(s -> ids.add(s.id()));
        List<String> own = estate.jobs().stream().filter(c -> c.legacy() != null && ids.contains(c.legacy().id()))
                .map(CutoverJob::key).toList();
        String instead = own.isEmpty()
                ? "the scan found no script of " + directory + " to move: check the directory on the host, and switch off "
                        + "each script there that a deployment replaces with chmod -x, which run-parts skips"
                : "switch off the scripts' own jobs instead, as their plans say (each removes its script's execute bit, so "
                        + "run-parts skips it): migrate cutover plan " + Step.shellWord(root) + " "
                        + String.join(" ", own.stream().map(k -> "--job " + Step.shellWord(k)).toList());
        // switched off by an earlier disable: what stops the directory is the marker, which rollback takes back
        String undo = markers.isEmpty() ? "" : " It is switched off now, behind the marker at " + markers.get(0).where()
                + ": migrate cutover rollback " + Step.shellWord(root) + " --job " + Step.shellWord(job.key())
                + " --apply restores it.";
        String at = entry != null ? ReadinessAssessor.at(entry) : markers.get(0).where();
        return Optional.of("job " + job.key() + " is a run-parts dispatch entry (" + at + " runs " + directory
                + "), not a job of its own: commenting it out would stop every script run-parts still runs from " + directory
                + (runs.isEmpty() ? " (the scan found none there) and" : ": " + String.join(", ", runs) + ", and")
                + " any a package adds there later. Keep the entry; " + instead + "." + undo);
    }
}
