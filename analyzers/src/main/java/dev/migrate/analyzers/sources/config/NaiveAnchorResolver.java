package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.scan.JobResolver;
import dev.migrate.analyzers.schedule.NaiveAnchors;
import dev.migrate.analyzers.schedule.NaiveAnchors.Reading;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads each Prefect interval's naive anchor ({@link NaiveAnchors}) the way the Prefect version that runs it does, once
 * every file is scanned: a Prefect 2 deployment's as UTC, as Prefect 2 did (the instant the rewrite writes with
 * {@code +00:00}); a Prefect 3 deployment's by the version its prefect.yaml names ({@code prefect-version:}) or the
 * project pins (an exact {@code prefect==} in a requirements file, pyproject, setup file or Dockerfile, a
 * {@code prefecthq/prefect:} image) in its directory or above. When no version, or pins on both sides of 3.5.0, tell,
 * the schedule keeps its mark: its proof says the reading is ambiguous instead of picking one.
 */
public final class NaiveAnchorResolver implements JobResolver {
    /** {@code prefect==3.4.1}, {@code prefect[aws]===2.19.0}, Poetry's {@code prefect = "3.4.1"}. */
    private static final Pattern PIN = Pattern.compile("(?<![\\w.-])[Pp]refect(?:\\[[^\\]]*])?\\s*"
            + "(?:===?\\s*|=\\s*\"=*)v?(\\d+(?:\\.\\d+){0,2})(?![\\w.*])");
    /** {@code prefecthq/prefect:3.4.1-python3.12}, {@code prefecthq/prefect:2-python3.10}. */
    private static final Pattern IMAGE = Pattern.compile("prefecthq/prefect:(\\d+(?:\\.\\d+){0,2})(?![\\d.])");
    private static final Pattern OTHER_FILES = Pattern.compile("pyproject\\.toml|setup\\.(?:py|cfg)|Pipfile"
            + "|(?:[\\w.-]+\\.)?[Dd]ockerfile(?:\\.[\\w.-]+)?|(?:docker-)?compose(?:[\\w.-]*)\\.ya?ml");

    @Override
    public boolean wants(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return RequirementsFiles.isRequirements(path) || OTHER_FILES.matcher(name).matches();
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            if (j.schedules().stream().noneMatch(NaiveAnchors::pending)) {
                continue;
            }
            Optional<Reading> reading = reading(j, files);
            if (reading.isEmpty()) {
                continue; // the mark stays: the proof says which readings there are
            }
            List<ScheduleSpec> read = j.schedules().stream().map(s -> NaiveAnchors.resolve(s, reading.get())).toList();
            Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
            attributes.put(NaiveAnchors.ATTRIBUTE, reading.get().note());
            jobs.set(i, new Job(j.id(), j.kind(), j.name(), j.source(), read, j.command(), j.user(), j.env(),
                    j.workingDir(), j.overlap(), j.dependsOn(), attributes));
        }
    }

    /** How the Prefect that runs the job reads a naive anchor; empty when nothing tells one version. */
    private static Optional<Reading> reading(Job j, List<ScanFile> files) {
        if (j.kind() == JobKind.PREFECT2_DEPLOYMENT) {
            return Optional.of(Reading.PREFECT2);
        }
        Optional<Reading> named = NaiveAnchors.forVersion(j.attributes().get("prefectVersion"));
        if (named.isPresent()) {
            return named;
        }
        String dir = dir(j.source().path());
        Set<Reading> pinned = EnumSet.noneOf(Reading.class);
        for (ScanFile f : files) {
            String fileDir = dir(f.path());
            if (fileDir.isEmpty() || dir.equals(fileDir) || dir.startsWith(fileDir + "/")) {
                pins(f.text(), pinned);
            }
        }
        return pinned.size() == 1 ? Optional.of(pinned.iterator().next()) : Optional.empty();
    }

    /** Adds the reading of each exact prefect version the text pins; a bare {@code 3} (any 3.x) tells none. */
    private static void pins(String text, Set<Reading> out) {
        for (Pattern p : List.of(PIN, IMAGE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String v = m.group(1);
                if (!v.startsWith("3") || v.contains(".")) {
                    NaiveAnchors.forVersion(v).ifPresent(out::add);
                }
            }
        }
    }

    private static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
