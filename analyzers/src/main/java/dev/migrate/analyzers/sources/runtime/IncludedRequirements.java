package dev.migrate.analyzers.sources.runtime;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.sources.config.RequirementsFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * The one definition of the files pip reads as requirements files, for the scan's detectors and the recipes alike:
 * the files named as requirements files ({@link RequirementsFiles}) and the files those reach through {@code -r} and
 * {@code -c} ({@link RequirementsIncludes}), whatever their names ({@code base.txt}, {@code constraints/prod.txt}).
 * A text file no requirements file includes is not one: a {@code notes.txt} with a {@code -r} line leads nowhere.
 * Whether a file is included is only known once every file was offered, so a detector holds the findings of files
 * not named as requirements and {@link #release releases} those of the included ones at the end. Safe to use from
 * several threads.
 */
public final class IncludedRequirements {
    /** {@code constraints} as a word of a file name, as {@link RequirementsFiles} reads the name. */
    private static final Pattern CONSTRAINTS_NAME =
            Pattern.compile("(?:[\\w.-]*[-_.])?constraints(?:[-_.][\\w.-]*)?\\.(?:txt|in)");
    /** What each requirements file, named so or not, includes. */
    private final Map<String, List<RequirementsIncludes.Include>> includes = new ConcurrentSkipListMap<>();
    /** Findings in files not named as requirements files, kept until it is known whether one includes them. */
    private final Map<String, List<Finding>> held = new ConcurrentSkipListMap<>();

    /** Whether the file may be a requirements file: named so, or a {@code .txt}/{@code .in} that one may include. */
    public static boolean mayBeRequirements(String path) {
        String p = path.replace('\\', '/');
        return RequirementsFiles.isRequirements(p) || RequirementsIncludes.mayBeIncluded(p);
    }

    /** Records what the file includes, when it may be a requirements file. */
    public void offer(String path, String text) {
        String p = path.replace('\\', '/');
        if (mayBeRequirements(p)) {
            List<RequirementsIncludes.Include> in = RequirementsIncludes.of(p, text);
            if (!in.isEmpty()) {
                includes.put(p, in);
            }
        }
    }

    /** What the offered files include, by including file. */
    public Map<String, List<RequirementsIncludes.Include>> edges() {
        return includes;
    }

    /** The files requirements files named so include, with {@code -r} or {@code -c}, directly or not. */
    public Set<String> included() {
        return RequirementsIncludes.reachable(named(), includes, true);
    }

    /** The files among {@link #included} that pip installs from (named with {@code -r}), not only constrains by. */
    public Set<String> installed() {
        return RequirementsIncludes.reachable(named(), includes, false);
    }

    /**
     * Whether pip reads the file only for versions, so a requirement added to it would install nothing: its name says
     * it holds constraints ({@code constraints.txt}, {@code constraints-prod.txt}, {@code dev-constraints.in}), or
     * requirements files name it with {@code -c} and its name does not say it is installed from directly; either way
     * no requirements file names it with {@code -r}. A {@code requirements.txt} that {@code requirements-dev.txt}
     * constrains by ({@code -c requirements.txt}, pip-tools layering) is still what images install, so it does not
     * count. A constraints file that nothing names is still one: CI or a Dockerfile passes it to pip with {@code -c}.
     */
    public boolean onlyConstrains(String path) {
        String p = path.replace('\\', '/');
        if (installed().contains(p)) {
            return false;
        }
        return namedAsConstraints(p) || !RequirementsFiles.isRequirements(p) && included().contains(p);
    }

    /** Whether the file's name says it holds constraints: {@code constraints} as a word of its name. */
    public static boolean namedAsConstraints(String path) {
        String p = path.replace('\\', '/');
        return CONSTRAINTS_NAME.matcher(p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)).matches();
    }

    /** The files named as requirements files from which pip installs what {@code path} lists ({@code -r} chains). */
    public Set<String> installedThrough(String path) {
        Set<String> out = new TreeSet<>();
        for (String start : named()) {
            if (RequirementsIncludes.reachable(List.of(start), includes, false).contains(path)) {
                out.add(start);
            }
        }
        return out;
    }

    private List<String> named() {
        return includes.keySet().stream().filter(RequirementsFiles::isRequirements).toList();
    }

    /**
     * Reports a finding of a file that may be a requirements file: at once when it is named as one, else once
     * {@link #release} knows a requirements file includes it.
     */
    public void report(String path, Finding finding, InventorySink sink) {
        String p = path.replace('\\', '/');
        if (RequirementsFiles.isRequirements(p)) {
            sink.finding(finding);
        } else {
            held.computeIfAbsent(p, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(finding);
        }
    }

    /** Reports the held findings of the files a requirements file includes; called once every file was offered. */
    public void release(InventorySink sink) {
        Set<String> included = included();
        held.forEach((path, findings) -> {
            if (included.contains(path)) {
                findings.forEach(sink::finding);
            }
        });
        held.clear();
    }
}
