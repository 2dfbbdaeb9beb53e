package dev.migrate.recipes.prefect2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The dependencies of a Helm chart on the removed {@code prefect-agent} chart: {@code dependencies:} items of its
 * {@code Chart.yaml}, or of the {@code requirements.yaml} of a Helm 2 style (apiVersion v1) chart, which has the
 * same shape; and the key the umbrella chart's values give the subchart (its name, or the dependency's alias).
 */
final class HelmChartDependencies {
    static final String AGENT_CHART = "prefect-agent";
    static final String WORKER_CHART = "prefect-worker";

    private HelmChartDependencies() {
    }

    static boolean isDependencyFile(Path path) {
        String name = path.getFileName().toString();
        return name.equals("Chart.yaml") || name.equals("requirements.yaml");
    }

    /** The lock file Helm writes beside a dependency file: Chart.lock for Chart.yaml, requirements.lock for the other. */
    static String lockFileOf(Path dependencyFile) {
        return dependencyFile.getFileName().toString().equals("Chart.yaml") ? "Chart.lock" : "requirements.lock";
    }

    static boolean isLockFile(Path path) {
        String name = path.getFileName().toString();
        return name.equals("Chart.lock") || name.equals("requirements.lock");
    }

    /** The top-level {@code dependencies:} items of a dependency file's document, or none. */
    static List<Yaml.Mapping> dependencies(Yaml.Document doc) {
        List<Yaml.Mapping> out = new ArrayList<>();
        if (doc.getBlock() instanceof Yaml.Mapping top) {
            for (Yaml.Mapping.Entry e : top.getEntries()) {
                if ("dependencies".equals(e.getKey().getValue()) && e.getValue() instanceof Yaml.Sequence s) {
                    s.getEntries().stream().filter(i -> i.getBlock() instanceof Yaml.Mapping)
                            .forEach(i -> out.add((Yaml.Mapping) i.getBlock()));
                }
            }
        }
        return out;
    }

    static String scalar(Yaml.Mapping m, String key) {
        return m.getEntries().stream().filter(e -> key.equals(e.getKey().getValue()) && e.getValue() instanceof Yaml.Scalar)
                .map(e -> ((Yaml.Scalar) e.getValue()).getValue()).findFirst().orElse(null);
    }

    /** A dependency on the published prefect-agent chart (not a local copy, which its owner maintains). */
    static boolean isAgentDependency(Yaml.Mapping dependency) {
        String repository = scalar(dependency, "repository");
        return AGENT_CHART.equals(scalar(dependency, "name")) && (repository == null || !repository.startsWith("file://"));
    }

    /** A dependency on the published prefect-worker chart: an agent dependency a run before this one replaced, maybe. */
    static boolean isWorkerDependency(Yaml.Mapping dependency) {
        String repository = scalar(dependency, "repository");
        return WORKER_CHART.equals(scalar(dependency, "name")) && (repository == null || !repository.startsWith("file://"));
    }

    /**
     * The subchart's values key and the key it gets: {@code prefect-agent} becomes {@code prefect-worker}; an alias
     * stays, as templates and other values files name it.
     */
    static Map.Entry<String, String> valuesKey(Yaml.Mapping agentDependency) {
        String alias = scalar(agentDependency, "alias");
        return alias == null ? Map.entry(AGENT_CHART, WORKER_CHART) : Map.entry(alias, alias);
    }

    /** The values keys of every agent dependency in a dependency file, old key to new key. */
    static Map<String, String> valuesKeys(Yaml.Documents file) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Yaml.Document doc : file.getDocuments()) {
            for (Yaml.Mapping dependency : dependencies(doc)) {
                if (isAgentDependency(dependency)) {
                    Map.Entry<String, String> k = valuesKey(dependency);
                    keys.put(k.getKey(), k.getValue());
                }
            }
        }
        return keys;
    }

    /** The directory of a project file, "" for the root, with "/" separators. */
    static String directoryOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? "" : parent.toString().replace('\\', '/');
    }

    /**
     * The nearest of {@code chartDirs} that holds {@code file} (the chart the file belongs to: a vendored subchart's
     * own directory before its parent's), or null when none does.
     */
    static String nearestChart(Path file, java.util.Set<String> chartDirs) {
        String dir = directoryOf(file);
        while (true) {
            if (chartDirs.contains(dir)) {
                return dir;
            }
            if (dir.isEmpty()) {
                return null;
            }
            int slash = dir.lastIndexOf('/');
            dir = slash < 0 ? "" : dir.substring(0, slash);
        }
    }

    /** {@code file}'s path inside {@code chartDir} ("templates/x.yaml"). */
    static String inChart(Path file, String chartDir) {
        String p = file.toString().replace('\\', '/');
        return chartDir.isEmpty() ? p : p.substring(chartDir.length() + 1);
    }
}
