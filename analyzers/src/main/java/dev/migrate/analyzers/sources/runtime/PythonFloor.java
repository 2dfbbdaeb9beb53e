package dev.migrate.analyzers.sources.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The oldest Python a Prefect 3 release runs on ({@code prefect-3-releases.yaml}, the table `migrate rewrite` reads
 * for its --target), and comparisons of Python
 * versions by their minor release ({@code 3.9}, {@code 3.9.18} and {@code 3.9-slim} are all 3.9).
 */
public final class PythonFloor {
    /** A Python version at the start of a text: {@code 3.9}, {@code 3.10.14}, {@code 2.7}; group 1 is {@code major.minor}. */
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+)(?:\\.\\d+)?");
    private static final Map<String, String> MINIMUM = new TreeMap<>();
    private static final String DEFAULT_TARGET = load();

    private PythonFloor() {
    }

    /** The Prefect 3 minor release the scan checks against ({@code 3.8}). */
    public static String defaultTarget() {
        return DEFAULT_TARGET;
    }

    /** The oldest Python of the default target ({@code 3.10} for Prefect 3.8). */
    public static String defaultMinimum() {
        return MINIMUM.get(DEFAULT_TARGET);
    }

    /** The oldest Python of a Prefect 3 minor release ({@code 3.2} gives {@code 3.9}), or null for one not recorded. */
    public static String minimumFor(String prefectMinor) {
        return MINIMUM.get(prefectMinor);
    }

    /** The {@code major.minor} a version text starts with ({@code 3.9.18-slim} gives {@code 3.9}), or null. */
    public static String minorOf(String version) {
        Matcher m = VERSION.matcher(version == null ? "" : version.strip());
        return m.lookingAt() ? m.group(1) : null;
    }

    /** Whether Python {@code version} (any text {@link #minorOf} reads) is older than minor release {@code floor}. */
    public static boolean below(String version, String floor) {
        String minor = minorOf(version);
        return minor != null && compare(minor, floor) < 0;
    }

    /** Compares two {@code major.minor} versions numerically ({@code 3.9} before {@code 3.10}). */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    @SuppressWarnings("unchecked")
    private static String load() {
        try (InputStream in = PythonFloor.class.getResourceAsStream("/dev/migrate/analyzers/prefect-api/prefect-3-releases.yaml")) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            ((Map<String, Map<String, Object>>) root.get("releases"))
                    .forEach((minor, r) -> MINIMUM.put(minor, String.valueOf(r.get("python_min"))));
            return String.valueOf(root.get("default"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
