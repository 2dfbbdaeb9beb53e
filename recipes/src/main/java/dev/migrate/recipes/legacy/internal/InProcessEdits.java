package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.JobKind;
import dev.migrate.rewriters.python.PythonParser;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The legacy side of in-process schedulers. Every phase starts from the script as it was (our markers undone):
 * dual-run leaves it so, cutover comments each migrated registration out under a marker (keeping the date of a
 * marker already there), and cleanup deletes scheduler scripts and services whose every job was cut over. A
 * registration that shares its lines with other code, or whose removal would break the script, stays and gets
 * a manual note.
 */
final class InProcessEdits {
    private final Map<String, String> texts;
    private final Map<String, String> originals;
    private final Map<String, InProcessJobs.Resolved> resolved;
    private final Set<String> migrated;
    private final String outputDir;
    /** Per job id: why its registration could not be commented out. */
    private final Map<String, String> manual = new TreeMap<>();
    /** Per script: the ids whose registrations the edited text has disabled. */
    private final Map<String, Set<String>> disabled = new TreeMap<>();

    InProcessEdits(Map<String, String> texts, Map<String, String> originals, Map<String, InProcessJobs.Resolved> resolved,
                   Set<String> migrated, String outputDir) {
        this.outputDir = outputDir;
        this.texts = texts;
        this.originals = originals;
        this.resolved = resolved;
        this.migrated = migrated;
    }

    /** Writes the new script texts into {@code files} and their marker lines into {@code markers}. */
    void apply(Phase phase, LocalDate asOf, Map<String, String> files, Map<String, List<Integer>> markers) {
        Map<String, List<InProcessJobs.Resolved>> byFile = new TreeMap<>();
        resolved.values().stream().filter(r -> migrated.contains(r.job().id()) && r.registration() != null)
                .forEach(r -> byFile.computeIfAbsent(r.job().source().path(), k -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<InProcessJobs.Resolved>> e : byFile.entrySet()) {
            String path = e.getKey();
            String current = texts.get(path);
            String text = originals.get(path);
            if (phase.atLeast(Phase.CUTOVER)) {
                List<InProcessJobs.Resolved> bottomUp = e.getValue().stream()
                        .sorted(Comparator.comparing((InProcessJobs.Resolved r) -> r.registration().firstLine()).reversed()).toList();
                for (InProcessJobs.Resolved r : bottomUp) {
                    String id = r.job().id();
                    if (!r.registration().whole()) {
                        manual.put(id, "its registration at " + path + ":" + r.registration().firstLine()
                                + " shares its lines with other code: comment it out by hand at the cutover");
                        continue;
                    }
                    LocalDate date = RegistrationMarkers.markerDate(current, id);
                    String next = RegistrationMarkers.disable(text, r.registration(), id, date == null ? asOf : date);
                    if (PythonParser.parse(Path.of(path), next).hasSyntaxErrors()) {
                        manual.put(id, "commenting out its registration at " + path + ":" + r.registration().firstLine()
                                + " would leave an empty block: remove it by hand at the cutover");
                        continue;
                    }
                    text = next;
                    disabled.computeIfAbsent(path, k -> new TreeSet<>()).add(id);
                }
            }
            if (!text.equals(current)) {
                files.put(path, text);
            }
            List<Integer> lines = LegacyEstate.markerLines(text);
            if (!lines.isEmpty()) {
                markers.put(path, lines);
            }
        }
    }

    Map<String, String> manualNotes() {
        return manual;
    }

    /**
     * Cleanup: scheduler scripts whose every job is cut over (and that no other module imports), and the services
     * that ran them; for Celery, only the beat service (the app module is the workers' too).
     */
    Set<String> deletions() {
        TreeSet<String> out = new TreeSet<>();
        Map<String, List<InProcessJobs.Resolved>> byFile = byFile();
        for (Map.Entry<String, List<InProcessJobs.Resolved>> e : byFile.entrySet()) {
            String path = e.getKey();
            if (!cutOver(path, e.getValue())) {
                continue;
            }
            boolean celery = e.getValue().stream().anyMatch(r -> r.job().kind() == JobKind.CELERY_BEAT);
            if (!celery && !importedElsewhere(path)) {
                out.add(path);
            }
            e.getValue().stream().map(r -> r.job().attributes().get(InProcessJobs.SERVICE))
                    .filter(s -> s != null && texts.containsKey(s)).forEach(out::add);
        }
        return out;
    }

    /**
     * The scheduler scripts whose every registration this phase commented out: the process running one runs nothing
     * of theirs any more, and can be switched off ({@link KeptRunning}).
     */
    Set<String> cutOverScripts() {
        TreeSet<String> out = new TreeSet<>();
        byFile().forEach((path, jobs) -> {
            if (cutOver(path, jobs)) {
                out.add(path);
            }
        });
        return out;
    }

    private Map<String, List<InProcessJobs.Resolved>> byFile() {
        Map<String, List<InProcessJobs.Resolved>> byFile = new TreeMap<>();
        resolved.values().forEach(r -> byFile.computeIfAbsent(r.job().source().path(), k -> new ArrayList<>()).add(r));
        return byFile;
    }

    private boolean cutOver(String path, List<InProcessJobs.Resolved> jobs) {
        Set<String> off = disabled.getOrDefault(path, Set.of());
        return jobs.stream().allMatch(r -> off.contains(r.job().id()));
    }

    /** Whether another Python file of the project imports the script as a module. */
    private boolean importedElsewhere(String path) {
        String stem = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.py$", "");
        Pattern imports = Pattern.compile("(?m)^\\s*(from\\s+(\\S+\\.)?" + Pattern.quote(stem) + "\\s+import\\b|import\\s+(\\S+\\.)?"
                + Pattern.quote(stem) + "\\b)");
        return texts.entrySet().stream().anyMatch(t -> !t.getKey().equals(path) && t.getKey().endsWith(".py")
                && !t.getKey().startsWith(outputDir + "/")
                && imports.matcher(t.getValue()).find());
    }
}
