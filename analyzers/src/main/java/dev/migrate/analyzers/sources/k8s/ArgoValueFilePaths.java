package dev.migrate.analyzers.sources.k8s;

import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Which file of the repository an Argo CD source's {@code helm.valueFiles} item reads, shared by the scan and the
 * rewrite so both follow the same files. A path that starts with {@code $REF/} reads, from its root, the repository of
 * the Application's source that has {@code ref: REF} (several sources, Argo CD 2.6+). A plain path of a source with a
 * git {@code path:} and no {@code chart:} is relative to that chart directory ({@code ../../envs/prod/values.yaml}).
 * A URL, or a path that leaves the repository, names no file of it: null.
 */
public final class ArgoValueFilePaths {
    private ArgoValueFilePaths() {
    }

    /** The repository directory of a source's {@code path:} ("" for the root), or null when blank or outside it. */
    public static String chartDirectory(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        return inRepository(Path.of(path.strip()).normalize());
    }

    /**
     * The repository path of a plain value file of a path source ({@code ../../envs/prod/values.yaml} from
     * {@code charts/platform} is {@code envs/prod/values.yaml}); null for a URL, a {@code $REF/} path, or one that
     * leaves the repository.
     */
    public static String fromChart(String valueFile, String chartDirectory) {
        if (valueFile == null || chartDirectory == null || valueFile.isBlank() || valueFile.startsWith("$")
                || valueFile.contains("://")) {
            return null;
        }
        String path = inRepository(Path.of(chartDirectory).resolve(valueFile.strip()).normalize());
        return path == null || path.isEmpty() ? null : path;
    }

    /**
     * The repository path a value file names through a {@code ref:} source of the same Application ({@code
     * $values/envs/prod/agent.yaml} is {@code envs/prod/agent.yaml}); null for a path inside the chart, a URL, or a
     * reference for which {@code declared} is false (no source of the Application has it).
     */
    public static String fromRef(String valueFile, Predicate<String> declared) {
        if (valueFile == null || !valueFile.startsWith("$") || valueFile.indexOf('/') < 0) {
            return null;
        }
        String ref = valueFile.substring(1, valueFile.indexOf('/'));
        String rest = valueFile.substring(valueFile.indexOf('/') + 1);
        if (!declared.test(ref) || rest.isEmpty()) {
            return null;
        }
        return inRepository(Path.of(rest).normalize());
    }

    private static String inRepository(Path normal) {
        return normal.isAbsolute() || normal.startsWith("..") ? null : normal.toString().replace('\\', '/');
    }
}
