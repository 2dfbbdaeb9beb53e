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
import java.util.regex.Pattern;

/**
 * Reads each Prefect interval's naive anchor ({@link NaiveAnchors}) the way the Prefect version that runs it does, once
 * every file is scanned, where that version proves the reading: a Prefect 2 deployment's as UTC, as Prefect 2 did (the
 * instant the rewrite writes with {@code +00:00}); a Prefect 3 deployment's as UTC when the version its prefect.yaml
 * names ({@code prefect-version:}) or every version the project pins in its directory or above
 * ({@link NaiveAnchorVersions}: a requirement in a requirements file, pyproject, setup file or Dockerfile, exact or a
 * range, a {@code prefecthq/prefect:} image, and the versions handed to those by a Dockerfile ARG, an inline default or
 * a compose build argument) is below 3.3.0. A pin that admits 3.3.0 or later, or no version at all, leaves the mark:
 * from 3.3 the Python versions of the client and the server decide, and the proof gives both readings instead of
 * picking one.
 */
public final class NaiveAnchorResolver implements JobResolver {
    private static final Pattern OTHER_FILES = Pattern.compile("pyproject\\.toml|setup\\.(?:py|cfg)|Pipfile"
            + "|(?:docker-)?compose(?:[\\w.-]*)\\.ya?ml");

    @Override
    public boolean wants(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return RequirementsFiles.isRequirements(path) || DockerfileNames.is(name)
                || mayBeOtherFile(name) && OTHER_FILES.matcher(name).matches();
    }

    /** What every name {@link #OTHER_FILES} takes holds: the scan asks for every file of a tree, the pattern runs on few. */
    private static boolean mayBeOtherFile(String name) {
        return name.contains("compose") || name.startsWith("setup.")
                || name.equals("pyproject.toml") || name.equals("Pipfile");
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            if (j.schedules().stream().noneMatch(NaiveAnchors::pending)) {
                continue;
            }
            Optional<Reading> reading = reading(j, files).filter(Reading::proven);
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

    /**
     * How the Prefect that runs the job reads a naive anchor; empty when nothing tells a version. Pins that all read it
     * as UTC (2.x beside 3.2) give the later one's; any pin that admits 3.3.0 or later gives {@link Reading#BY_PYTHON}.
     */
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
                pinned.addAll(NaiveAnchorVersions.in(f.path(), f.text()));
            }
        }
        if (pinned.contains(Reading.BY_PYTHON)) {
            return Optional.of(Reading.BY_PYTHON);
        }
        return pinned.stream().reduce((a, b) -> b); // an EnumSet iterates in order: PREFECT3_UTC after PREFECT2
    }

    private static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
