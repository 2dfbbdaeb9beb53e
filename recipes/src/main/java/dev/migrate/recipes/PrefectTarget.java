package dev.migrate.recipes;

import dev.migrate.analyzers.sources.runtime.PythonFloor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.openrewrite.ExecutionContext;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Prefect 3 minor release a rewrite targets ({@code --target 3.8}). Recipes read it from the
 * execution context, so one run of the composite recipe uses one target everywhere. Some APIs arrived
 * within 3.x, so recipes ask {@link #atLeast(int)} before using them.
 *
 * @param minor     the 3.x minor number
 * @param pin       the exact version pinned in requirements, images and prefect.yaml
 * @param pythonMin the oldest Python the release supports, as "3.N"
 * @param pydantic  the pydantic requirement of the pinned release ({@code >=2.7}), or null where not recorded
 */
public record PrefectTarget(int minor, String pin, String pythonMin, String pythonMax, String pydantic) {
    private static final String CONTEXT_KEY = "dev.migrate.recipes.target";
    private static final Map<String, PrefectTarget> RELEASES = new TreeMap<>();
    private static final String DEFAULT_MINOR;

    static {
        DEFAULT_MINOR = load();
    }

    public static PrefectTarget defaultTarget() {
        return RELEASES.get(DEFAULT_MINOR);
    }

    /**
     * Parses {@code 3.8} (or {@code 3.8.3}, whose patch is ignored).
     *
     * @throws IllegalArgumentException with the accepted values when the text names no known 3.x release
     */
    public static PrefectTarget parse(String text) {
        String t = text == null ? "" : text.trim();
        String minor = t.chars().filter(c -> c == '.').count() >= 2 ? t.substring(0, t.lastIndexOf('.')) : t;
        PrefectTarget target = RELEASES.get(minor);
        if (target == null) {
            throw new IllegalArgumentException("unknown Prefect target '" + text + "'; use one of "
                    + String.join(", ", RELEASES.keySet()));
        }
        return target;
    }

    public static PrefectTarget from(ExecutionContext ctx) {
        PrefectTarget t = ctx.getMessage(CONTEXT_KEY);
        return t != null ? t : defaultTarget();
    }

    public void putInto(ExecutionContext ctx) {
        ctx.putMessage(CONTEXT_KEY, this);
    }

    public boolean atLeast(int otherMinor) {
        return minor >= otherMinor;
    }

    /** "3.8" */
    public String minorVersion() {
        return "3." + minor;
    }

    /** The lowest pydantic the pinned release accepts: the {@code >=} bound of its requirement, else 2 (every 3.x). */
    public String pydanticMin() {
        if (pydantic != null) {
            for (String clause : pydantic.split(",")) {
                if (clause.strip().startsWith(">=")) {
                    return clause.strip().substring(2).strip();
                }
            }
        }
        return "2";
    }

    /** Compares "3.N" Python versions numerically. */
    public static int comparePython(String a, String b) {
        return PythonFloor.compare(a, b);
    }

    @SuppressWarnings("unchecked")
    private static String load() {
        try (InputStream in = PrefectTarget.class.getResourceAsStream("/dev/migrate/analyzers/prefect-api/prefect-3-releases.yaml")) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Map<String, Object>> releases = (Map<String, Map<String, Object>>) root.get("releases");
            releases.forEach((minor, r) -> RELEASES.put(minor, new PrefectTarget(
                    Integer.parseInt(minor.substring(2)), String.valueOf(r.get("pin")),
                    String.valueOf(r.get("python_min")), String.valueOf(r.get("python_max")),
                    (String) r.get("pydantic"))));
            return String.valueOf(root.get("default"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
