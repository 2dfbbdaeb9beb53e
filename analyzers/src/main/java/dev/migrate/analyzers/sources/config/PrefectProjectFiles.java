package dev.migrate.analyzers.sources.config;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which files are Prefect project files (what {@code prefect deploy} reads as prefect.yaml): the one rule the scan and
 * every prefect.yaml recipe go by, so that the rewrite never edits a file the scan did not report, nor the other way.
 * <ul>
 *   <li>{@code prefect.yaml} and {@code prefect.yml}, wherever they are: Prefect's own names.</li>
 *   <li>A file of a name teams give their other project files ({@code prefect-prod.yaml}, {@code prefect_dev.yml},
 *   {@code prefect.staging.yaml}, {@code etl.prefect.yaml}) whose text has a project file's shape
 *   ({@link #hasProjectShape}): such names are also given to Kubernetes manifests, Helm values and compose files
 *   ({@code prefect-agent.yaml}), which are not.</li>
 *   <li>Any YAML file of that shape that a {@code prefect deploy --prefect-file} of the project names: which ones only a
 *   reading of the whole tree tells ({@link PrefectFileReferences} in the scan, the recipes' run index in the
 *   rewrite), so it is not decided here.</li>
 * </ul>
 * A CI pipeline is never one by a name of the second kind ({@code .github/workflows/prefect-deploy.yml}).
 */
public final class PrefectProjectFiles {
    /** Names beside prefect.yaml: {@code prefect-x.yaml}, {@code prefect_x.yml}, {@code prefect.x.yaml}, {@code x.prefect.yaml}. */
    private static final Pattern PROJECT_NAME = Pattern.compile("(?i)prefect[-_.][^/]+\\.ya?ml|[^/]+[-_.]prefect\\.ya?ml");
    /** A project file's own top-level keys (at the start of a line: a key of the root mapping). */
    private static final Pattern PROJECT_KEY = Pattern.compile("(?m)^(?:deployments|prefect-version)[ \\t]*:");
    /** A top-level step section, which other YAML files also have ({@code build:} of a CI file, of a tool's config). */
    private static final Pattern STEP_SECTION = Pattern.compile("(?m)^(?:build|push|pull)[ \\t]*:");
    /** A deployment step: {@code - prefect.deployments.steps.git_clone:}, {@code - prefect_docker.deployments.steps...}. */
    private static final Pattern STEP = Pattern.compile("(?m)^[ \\t]*-[ \\t]+[\"']?prefect[a-z0-9_]*\\.(?:deployments|projects)\\.steps\\.");
    /** The top-level keys a project file's shape is told by ({@link #hasProjectShape}): a cheap test on a parsed tree. */
    public static final Set<String> SHAPE_KEYS = Set.of("deployments", "prefect-version", "build", "push", "pull");

    private PrefectProjectFiles() {
    }

    /** Whether the file at {@code path} with {@code text} is a Prefect project file by its own name and text. */
    public static boolean isProjectFile(String path, String text) {
        String n = fileName(path);
        return isDefaultName(n) || hasProjectName(n) && !PrefectCliLineDetector.isCiYaml(path) && hasProjectShape(text);
    }

    /** Whether a file of this name may be a project file by its name alone, before its text is read. */
    public static boolean mayBeByName(String path) {
        String n = fileName(path);
        return isDefaultName(n) || hasProjectName(n) && !PrefectCliLineDetector.isCiYaml(path);
    }

    /** {@code prefect.yaml}, {@code prefect.yml}: what {@code prefect deploy} reads without {@code --prefect-file}. */
    public static boolean isDefaultName(String fileName) {
        return fileName.equals("prefect.yaml") || fileName.equals("prefect.yml");
    }

    /** A name teams give their other project files ({@code prefect-prod.yaml}, {@code prod.prefect.yaml}). */
    public static boolean hasProjectName(String fileName) {
        // the pattern's .yml/.yaml end first: the prefilter asks this of every file name of a tree
        boolean yaml = fileName.regionMatches(true, fileName.length() - 4, ".yml", 0, 4)
                || fileName.regionMatches(true, fileName.length() - 5, ".yaml", 0, 5);
        return yaml && !isDefaultName(fileName) && PROJECT_NAME.matcher(fileName).matches();
    }

    /**
     * Whether a YAML text has a project file's shape: a top-level {@code deployments:} or {@code prefect-version:}, or
     * a top-level {@code build:}, {@code push:} or {@code pull:} of Prefect's (or an integration's) deployment steps.
     */
    public static boolean hasProjectShape(String text) {
        return PROJECT_KEY.matcher(text).find() || STEP_SECTION.matcher(text).find() && STEP.matcher(text).find();
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
