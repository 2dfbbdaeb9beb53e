package dev.migrate.analyzers.sources.runtime;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python a version file selects: pyenv's and uv's {@code .python-version} ({@code 3.9} or {@code 3.9.18}, one
 * version a line, the first the one {@code python} runs; {@code system}, {@code pypy3.9-7.3.16} and comments are not
 * read) and Heroku's {@code runtime.txt} ({@code python-3.9.18}).
 *
 * @param name     the file's name
 * @param start    where the version's text starts in the file (after {@code python-} in runtime.txt)
 * @param end      where it ends
 * @param version  the version as written ({@code 3.9.18})
 * @param versions how many versions the file lists (pyenv makes them all available)
 */
public record PythonVersionFile(String name, int start, int end, String version, int versions) {
    private static final Pattern RUNTIME_TXT = Pattern.compile("^[ \\t]*python-(\\d+\\.\\d+(?:\\.\\d+)?)[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern VERSION_FILE = Pattern.compile("^[ \\t]*(\\d+\\.\\d+(?:\\.\\d+)?)[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern ENTRY = Pattern.compile("^[ \\t]*[^#\\s]", Pattern.MULTILINE);

    /** Whether {@code path} names a version file this record reads. */
    public static boolean isVersionFile(String path) {
        String n = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
        return n.equals(".python-version") || n.equals("runtime.txt");
    }

    /** The first version the file at {@code path} selects, if it is a version file and names one. */
    public static Optional<PythonVersionFile> in(String path, String text) {
        if (!isVersionFile(path)) {
            return Optional.empty();
        }
        String n = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
        Matcher m = (n.equals("runtime.txt") ? RUNTIME_TXT : VERSION_FILE).matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int versions = (int) ENTRY.matcher(text).results().count();
        return Optional.of(new PythonVersionFile(n, m.start(1), m.end(1), m.group(1), versions));
    }

    /** Whether a version is written with its patch release ({@code 3.9.18}), which a raised one must keep. */
    public boolean exact() {
        return version.chars().filter(c -> c == '.').count() == 2;
    }
}
