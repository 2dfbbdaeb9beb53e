package dev.migrate.analyzers.sources.runtime;

import dev.migrate.analyzers.sources.config.RequirementsFiles;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The dependency files of a tree that list prefect ({@link PrefectRequirements}), by path relative to the root with
 * '/' separators, and what they say about the files that install a project or name a requirements file: the scan
 * and the rewrite gather them first, then decide which Python to check. A requirements file lists prefect also when
 * a file it includes with {@code -r} does ({@code requirements.txt} holding only {@code -r base.txt}), whatever that
 * file's name; {@code -c} constraints install nothing and do not count.
 */
public final class PrefectListings {
    /** pyproject.toml, setup.py, setup.cfg, Pipfile and conda files that list prefect. */
    private final Set<String> projects = new ConcurrentSkipListSet<>();
    /** Requirements files, named so or not, that list prefect on a line of their own. */
    private final Set<String> direct = new ConcurrentSkipListSet<>();
    /** What each requirements file (named so or not) includes. */
    private final Map<String, List<RequirementsIncludes.Include>> includes = new ConcurrentSkipListMap<>();
    /** What the recorded files say once the includes are followed; null until asked, and after every offer. */
    private volatile Resolved resolved;

    /**
     * @param installing the requirements files that list prefect themselves or through their {@code -r} includes
     * @param beside     the files that make their directory a project depending on prefect: the project files, the
     *                   requirements files named so among {@code installing}, and those a requirements file includes
     */
    private record Resolved(Set<String> installing, Set<String> beside) {
    }

    /** Records the file if it is a dependency file that lists prefect or includes others; safe to call from several threads. */
    public void offer(String path, String text) {
        String p = path.replace('\\', '/');
        if (RequirementsFiles.isRequirements(p) || RequirementsIncludes.mayBeIncluded(p)) {
            List<RequirementsIncludes.Include> in = RequirementsIncludes.of(p, text);
            if (!in.isEmpty()) {
                includes.put(p, in);
                resolved = null;
            }
            if (PrefectRequirements.listedInRequirements(text)) {
                direct.add(p);
                resolved = null;
            }
        } else if (PrefectRequirements.isDependencyFile(p) && PrefectRequirements.listedIn(p, text)) {
            projects.add(p);
            resolved = null;
        }
    }

    public boolean isEmpty() {
        return projects.isEmpty() && direct.isEmpty();
    }

    private Resolved resolved() {
        Resolved r = resolved;
        if (r == null) {
            Set<String> installing = new TreeSet<>(direct);
            // a file installs what the files it reaches install from (-r, also a -r inside a -c file, as pip reads it)
            for (String f : includes.keySet()) {
                if (!installing.contains(f)
                        && RequirementsIncludes.reachable(List.of(f), includes, false).stream().anyMatch(direct::contains)) {
                    installing.add(f);
                }
            }
            Set<String> included = RequirementsIncludes.reachable(
                    includes.keySet().stream().filter(RequirementsFiles::isRequirements).toList(), includes, false);
            Set<String> beside = new HashSet<>(projects);
            installing.stream().filter(f -> RequirementsFiles.isRequirements(f) || included.contains(f)).forEach(beside::add);
            r = new Resolved(Set.copyOf(installing), Set.copyOf(beside));
            resolved = r;
        }
        return r;
    }

    /**
     * Whether a requirements file named in a command ({@code -r requirements.txt}, {@code /tmp/requirements/prod.txt})
     * lists prefect: a relative name must match the end of a listing file's path, an absolute one (a path inside
     * an image) its file name.
     */
    public boolean requirementListsPrefect(String named) {
        String n = named.replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        if (n.isEmpty() || n.contains("$")) {
            return false;
        }
        String tail = n.startsWith("/") ? n.substring(n.lastIndexOf('/') + 1) : n;
        Resolved r = resolved();
        return java.util.stream.Stream.concat(r.installing().stream(), r.beside().stream())
                .anyMatch(p -> p.equals(tail) || p.endsWith("/" + tail));
    }

    /**
     * Whether a project installed from directory {@code dir} ({@code pip install .}, {@code poetry install}) may
     * depend on prefect: a listing file is in it, above it (the build context is often the repository root) or below it.
     */
    public boolean projectNear(String dir) {
        String d = dir == null ? "" : dir;
        return resolved().beside().stream().map(PrefectListings::directoryOf)
                .anyMatch(p -> d.isEmpty() || p.isEmpty() || p.equals(d) || p.startsWith(d + "/") || d.startsWith(p + "/"));
    }

    /**
     * Whether the project whose metadata or version file is at {@code path} depends on prefect: a listing file is
     * the file itself, beside it, or in a {@code requirements/} directory beside it.
     */
    public boolean listedBeside(String path) {
        String dir = directoryOf(path.replace('\\', '/'));
        String requirementsDir = dir.isEmpty() ? "requirements" : dir + "/requirements";
        return resolved().beside().stream().anyMatch(p -> directoryOf(p).equals(dir) || directoryOf(p).equals(requirementsDir));
    }

    /** The directory part of a relative path, empty at the root. */
    public static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
