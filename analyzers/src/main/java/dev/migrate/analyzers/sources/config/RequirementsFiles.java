package dev.migrate.analyzers.sources.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which files are pip requirements files, by name: {@code requirements.txt} and its variants on either side
 * ({@code requirements-dev.txt}, {@code docker-requirements.txt}, {@code dev_requirements.txt}), pip-tools inputs
 * ({@code requirements.in}), constraints files, and any {@code .txt} or {@code .in} in a {@code requirements/}
 * directory. One definition for the scan's detectors and the recipes, so a file one of them reads the others do.
 */
public final class RequirementsFiles {
    private static final Pattern NAME = Pattern.compile(
            "(?:[\\w.-]*[-_.])?(?:requirements|constraints)(?:[-_.][\\w.-]*)?\\.(?:txt|in)");

    private RequirementsFiles() {
    }

    /** Whether the file at this path (any separator, relative or not) is a requirements file. */
    public static boolean isRequirements(String path) {
        // both readings below need a name ending in .txt or .in: the scan asks this of every file of a tree, and
        // nearly all are told apart here, before the lower-casing and the pattern
        if (!path.regionMatches(true, path.length() - 4, ".txt", 0, 4) && !path.regionMatches(true, path.length() - 3, ".in", 0, 3)) {
            return false;
        }
        String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        String dir = p.lastIndexOf('/') < 0 ? "" : p.substring(0, p.lastIndexOf('/'));
        return NAME.matcher(name).matches()
                || (dir.equals("requirements") || dir.endsWith("/requirements")) && (name.endsWith(".txt") || name.endsWith(".in"));
    }
}
