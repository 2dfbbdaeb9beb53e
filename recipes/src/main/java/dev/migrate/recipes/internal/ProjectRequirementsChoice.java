package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.RequirementsFiles;
import dev.migrate.analyzers.sources.runtime.IncludedRequirements;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which one of a project's requirements files gets the requirements a migration adds, when several could
 * ({@code requirements.txt} and {@code requirements-dev.txt} both pinning Prefect 1): added to each, a package would be
 * listed twice, and in files the project never installs from. The one a Dockerfile, CI pipeline, script or the
 * project's metadata names ({@link InstallerReferences}) wins, else the file named {@code requirements.txt}, else the
 * shallowest, first by name; a pip-compile output yields to its {@code .in} input among the candidates, since the next
 * compile rewrites the output from the input. A project is the directory a requirements file serves (a
 * {@code requirements/} directory serves its parent; an included file, the directory of a file installing it).
 */
public final class ProjectRequirementsChoice {
    /**
     * The chosen file of one project.
     *
     * @param path   the file that gets the requirements
     * @param reason why it is the one, for the notes on the others ("the file Dockerfile installs")
     */
    public record Chosen(String path, String reason) {
    }

    private final Map<String, Chosen> byCandidate = new TreeMap<>();
    private final Map<String, Chosen> byProject = new TreeMap<>();
    private final IncludedRequirements includes;

    /**
     * @param candidates paths ('/' separators) of the files that could get the requirements
     * @param compiled   those among them that pip-compile (or uv) wrote from an input
     */
    public ProjectRequirementsChoice(Collection<String> candidates, Set<String> compiled, IncludedRequirements includes,
            InstallerReferences installers) {
        this.includes = includes;
        Map<String, List<String>> projects = new TreeMap<>();
        for (String c : candidates) {
            projects.computeIfAbsent(project(c, includes), p -> new ArrayList<>()).add(c);
        }
        projects.forEach((project, files) -> {
            Chosen chosen = choose(files, compiled, installers);
            byProject.put(project, chosen);
            files.forEach(f -> byCandidate.put(f, chosen));
        });
    }

    /** The file chosen in the project of any requirements file (a candidate or not), or null when none was. */
    public Chosen inProjectOf(String path) {
        return byProject.get(project(path, includes));
    }

    /** The chosen file of each project, by the project's directory ("" for the root). */
    public Map<String, Chosen> chosenByProject() {
        return Collections.unmodifiableMap(byProject);
    }

    /** The file of {@code candidate}'s project that gets the requirements, or null when it was no candidate. */
    public Chosen of(String candidate) {
        return byCandidate.get(candidate);
    }

    private static Chosen choose(List<String> files, Set<String> compiled, InstallerReferences installers) {
        Comparator<String> order = Comparator.<String>comparingInt(f -> f.endsWith("/requirements.txt")
                || f.equals("requirements.txt") ? 0 : 1).thenComparingInt(f -> f.split("/").length)
                .thenComparing(Comparator.naturalOrder());
        List<String> named = files.stream().filter(f -> installers.namer(f) != null).sorted(order).toList();
        String pick = named.isEmpty() ? files.stream().sorted(order).findFirst().orElseThrow() : named.get(0);
        String reason = named.isEmpty() ? "the project's main requirements file" : "the file " + installers.namer(pick)
                + " installs";
        String input = pick.replaceFirst("\\.txt$", ".in");
        if (compiled.contains(pick) && !input.equals(pick) && files.contains(input)) {
            return new Chosen(input, "the input pip-compile writes " + pick + " from");
        }
        return new Chosen(pick, reason);
    }

    /** The directory whose project a requirements file serves. */
    private static String project(String path, IncludedRequirements includes) {
        String owner = path;
        if (!RequirementsFiles.isRequirements(path)) {
            owner = includes.installedThrough(path).stream().findFirst().orElse(path);
        }
        String dir = owner.lastIndexOf('/') < 0 ? "" : owner.substring(0, owner.lastIndexOf('/'));
        if (dir.equals("requirements") || dir.endsWith("/requirements")) {
            dir = dir.lastIndexOf('/') < 0 ? "" : dir.substring(0, dir.lastIndexOf('/'));
        }
        return dir;
    }
}
