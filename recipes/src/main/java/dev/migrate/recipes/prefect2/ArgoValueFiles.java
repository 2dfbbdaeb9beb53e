package dev.migrate.recipes.prefect2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The {@code helm.valueFiles} of an Argo CD source of the agent chart. Argo CD reads a plain path from inside the chart
 * it installs and a URL from the web; a path that starts with {@code $REF/} reads the repository of the Application's
 * source that has {@code ref: REF} (several sources, Argo CD 2.6+), from its root. Such a path that names a file of
 * this repository is a values file of the agent release, moved as values files are; any other is made outside it.
 * Filled while scanning, read while editing.
 */
final class ArgoValueFiles {
    /** Files of the repository (paths from its root) that agent sources read with {@code $REF/path}. */
    final Set<String> inRepository = new HashSet<>();
    /** Every YAML file of the run, and those of them whose top-level {@code agent:} holds agent chart values. */
    final Set<String> files = new HashSet<>();
    final Set<String> withAgentValues = new HashSet<>();
    /** The {@code $REF/path} files named, whether in the repository or not. */
    private final Set<String> named = new HashSet<>();

    /** Records a YAML document: its file, its agent values, and the value files an Application's agent sources read. */
    void scan(Yaml.Document doc, Path file) {
        String path = file.toString().replace('\\', '/');
        files.add(path);
        if (!(doc.getBlock() instanceof Yaml.Mapping top)) {
            return;
        }
        if (HelmAgentValues.isAgentValues(FluxValuesFrom.get(top, "agent"))) {
            withAgentValues.add(path);
        }
        for (Yaml.Mapping source : agentSources(top)) {
            for (Yaml.Sequence.Entry item : valueFiles(source)) {
                String inRepo = item.getBlock() instanceof Yaml.Scalar s ? fromRef(s.getValue(), top) : null;
                if (inRepo != null) {
                    named.add(inRepo);
                }
            }
        }
    }

    /** {@link #valuesFiles}, worked out once the scan is over. */
    private Set<String> valuesFiles;

    /** The files named with {@code $REF/path} that the run holds. */
    synchronized Set<String> valuesFiles() {
        if (valuesFiles == null) {
            valuesFiles = new HashSet<>(named);
            valuesFiles.retainAll(files);
        }
        return valuesFiles;
    }

    /**
     * The repository path a value file names through a {@code ref:} source of the same Application ({@code
     * $values/envs/prod/agent.yaml} is {@code envs/prod/agent.yaml}); null for a path inside the chart, a URL, or a
     * reference no source of the Application has.
     */
    static String fromRef(String valueFile, Yaml.Mapping application) {
        if (!valueFile.startsWith("$") || valueFile.indexOf('/') < 0) {
            return null;
        }
        String ref = valueFile.substring(1, valueFile.indexOf('/'));
        boolean declared = sources(application).stream().anyMatch(s -> ref.equals(FluxValuesFrom.scalar(s, "ref")));
        if (!declared) {
            return null;
        }
        String rest = valueFile.substring(valueFile.indexOf('/') + 1);
        Path normal = Path.of(rest).normalize();
        return rest.isEmpty() || normal.isAbsolute() || normal.startsWith("..") ? null : normal.toString().replace('\\', '/');
    }

    /** The sources of an Argo CD Application ({@code spec.source} and {@code spec.sources} items) of the agent chart. */
    static List<Yaml.Mapping> agentSources(Yaml.Mapping top) {
        return sources(top).stream().filter(s -> "prefect-agent".equals(FluxValuesFrom.scalar(s, "chart"))).toList();
    }

    /** The {@code helm.valueFiles} items of a source, or none. */
    static List<Yaml.Sequence.Entry> valueFiles(Yaml.Mapping source) {
        return FluxValuesFrom.get(source, "helm") instanceof Yaml.Mapping helm
                && FluxValuesFrom.get(helm, "valueFiles") instanceof Yaml.Sequence files ? files.getEntries() : List.of();
    }

    private static List<Yaml.Mapping> sources(Yaml.Mapping top) {
        String apiVersion = FluxValuesFrom.scalar(top, "apiVersion");
        List<Yaml.Mapping> out = new ArrayList<>();
        if (!"Application".equals(FluxValuesFrom.scalar(top, "kind")) || apiVersion == null
                || !apiVersion.startsWith("argoproj.io/") || !(FluxValuesFrom.get(top, "spec") instanceof Yaml.Mapping spec)) {
            return out;
        }
        if (FluxValuesFrom.get(spec, "source") instanceof Yaml.Mapping single) {
            out.add(single);
        }
        if (FluxValuesFrom.get(spec, "sources") instanceof Yaml.Sequence many) {
            many.getEntries().stream().filter(e -> e.getBlock() instanceof Yaml.Mapping).forEach(e -> out.add((Yaml.Mapping) e.getBlock()));
        }
        return out;
    }
}
