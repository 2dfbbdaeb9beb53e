package dev.migrate.recipes.prefect2;

import java.util.HashSet;
import java.util.Set;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The chart sources a Flux HelmRelease names with {@code spec.chartRef} (helm-controller v2) instead of a
 * {@code spec.chart} template: an {@code OCIRepository} whose {@code url} ends in the chart's name, or a
 * {@code HelmChart} whose {@code spec.chart} is it. Those of the agent chart are recorded while scanning; a release
 * whose chartRef names one is an agent release, and the source it names is moved to the worker chart. A source no
 * agent release names is left as it is: whatever installs it is not in this repository.
 */
final class FluxChartRefs {
    static final String SOURCE_API = "source.toolkit.fluxcd.io/";
    private static final String AGENT_CHART = "prefect-agent";

    /** The agent chart's sources written in the repository, as kind/namespace/name keys ({@link FluxValuesFrom#key}). */
    private final Set<String> agentSources = new HashSet<>();
    /**
     * The worker chart's sources at the versions this rewrite writes (an OCI {@code tag} or {@code semver}, a
     * HelmChart's {@code version}) or pinned by {@code digest}: what an earlier run made of agent sources, whose
     * releases still have manual items to report.
     */
    private final Set<String> migratedSources = new HashSet<>();
    /**
     * The sources HelmReleases name by chartRef (kind, its namespace or the release's, name): an agent source among
     * them makes its releases agent releases.
     */
    private final Set<String> named = new HashSet<>();

    /** Records an OCIRepository or HelmChart of the agent chart, and the chartRef of every HelmRelease. */
    void scan(Yaml.Mapping top) {
        String namespace = FluxValuesFrom.get(top, "metadata") instanceof Yaml.Mapping meta
                ? FluxValuesFrom.scalar(meta, "namespace") : null;
        if (isAgentSource(top)) {
            Yaml.Mapping meta = (Yaml.Mapping) FluxValuesFrom.get(top, "metadata");
            agentSources.add(FluxValuesFrom.key(FluxValuesFrom.scalar(top, "kind"), namespace, FluxValuesFrom.scalar(meta, "name")));
        }
        if (isMigratedSource(top)) {
            Yaml.Mapping meta = (Yaml.Mapping) FluxValuesFrom.get(top, "metadata");
            migratedSources.add(FluxValuesFrom.key(FluxValuesFrom.scalar(top, "kind"), namespace, FluxValuesFrom.scalar(meta, "name")));
        }
        String[] ref = chartRef(top);
        if (ref != null) {
            named.add(FluxValuesFrom.key(ref[0], ref[1], ref[2]));
        }
    }

    /** True when the release's {@code spec.chartRef} names a worker chart source an earlier run made of an agent one. */
    boolean namesMigratedChart(Yaml.Mapping release) {
        String[] ref = chartRef(release);
        return ref != null && migratedSources.stream().anyMatch(k -> matches(k, ref[0], ref[1], ref[2]));
    }

    /** True when {@code top} is an OCIRepository of the worker chart pinned by digest that a release names. */
    boolean isNamedDigestWorkerSource(Yaml.Mapping top) {
        if (!isMigratedSource(top) || !(FluxValuesFrom.get((Yaml.Mapping) FluxValuesFrom.get(top, "spec"), "ref")
                instanceof Yaml.Mapping ref) || FluxValuesFrom.scalar(ref, "digest") == null) {
            return false;
        }
        Yaml.Mapping meta = (Yaml.Mapping) FluxValuesFrom.get(top, "metadata");
        String kind = FluxValuesFrom.scalar(top, "kind");
        return named.stream().anyMatch(k -> matches(k, kind, FluxValuesFrom.scalar(meta, "namespace"), FluxValuesFrom.scalar(meta, "name")));
    }

    /**
     * A source of the worker chart as this rewrite leaves an agent source: an OCIRepository ending in
     * {@code /prefect-worker} at {@code tag: MINIMUM}, {@code semver: ">=MINIMUM"} or a {@code digest} (left for a
     * person), or a HelmChart of it at {@code version: ">=MINIMUM"}.
     */
    private static boolean isMigratedSource(Yaml.Mapping top) {
        String kind = FluxValuesFrom.scalar(top, "kind");
        Yaml.Mapping spec = namedSourceSpec(top);
        if (spec == null) {
            return false;
        }
        String minimum = HelmAgentValues.workerChartMinimum();
        if ("OCIRepository".equals(kind)) {
            String url = FluxValuesFrom.scalar(spec, "url");
            return url != null && url.replaceAll("/+$", "").endsWith("/" + HelmChartDependencies.WORKER_CHART)
                    && FluxValuesFrom.get(spec, "ref") instanceof Yaml.Mapping ref
                    && (minimum.equals(FluxValuesFrom.scalar(ref, "tag"))
                    || HelmAgentValues.isWrittenRange(FluxValuesFrom.scalar(ref, "semver"))
                    || FluxValuesFrom.scalar(ref, "digest") != null);
        }
        return "HelmChart".equals(kind) && HelmChartDependencies.WORKER_CHART.equals(FluxValuesFrom.scalar(spec, "chart"))
                && HelmAgentValues.isWrittenRange(FluxValuesFrom.scalar(spec, "version"));
    }

    /** True when the release's {@code spec.chartRef} names a source of the agent chart written in the repository. */
    boolean namesAgentChart(Yaml.Mapping release) {
        String[] ref = chartRef(release);
        return ref != null && agentSources.stream().anyMatch(k -> matches(k, ref[0], ref[1], ref[2]));
    }

    /** True when {@code top} is a source of the agent chart that an agent release names. */
    boolean isNamedAgentSource(Yaml.Mapping top) {
        if (!isAgentSource(top)) {
            return false;
        }
        Yaml.Mapping meta = (Yaml.Mapping) FluxValuesFrom.get(top, "metadata");
        String kind = FluxValuesFrom.scalar(top, "kind");
        String namespace = FluxValuesFrom.scalar(meta, "namespace");
        String name = FluxValuesFrom.scalar(meta, "name");
        return named.stream().anyMatch(k -> matches(k, kind, namespace, name));
    }

    /**
     * A HelmRelease's chartRef as kind, namespace (the release's when unset; null when neither says) and name; null
     * when it has none or names another kind.
     */
    static String[] chartRef(Yaml.Mapping top) {
        String apiVersion = FluxValuesFrom.scalar(top, "apiVersion");
        if (!"HelmRelease".equals(FluxValuesFrom.scalar(top, "kind")) || apiVersion == null
                || !apiVersion.startsWith("helm.toolkit.fluxcd.io/")
                || !(FluxValuesFrom.get(top, "spec") instanceof Yaml.Mapping spec)
                || !(FluxValuesFrom.get(spec, "chartRef") instanceof Yaml.Mapping ref)) {
            return null;
        }
        String kind = FluxValuesFrom.scalar(ref, "kind");
        String name = FluxValuesFrom.scalar(ref, "name");
        if (name == null || !"OCIRepository".equals(kind) && !"HelmChart".equals(kind)) {
            return null;
        }
        String namespace = FluxValuesFrom.scalar(ref, "namespace");
        if (namespace == null && FluxValuesFrom.get(top, "metadata") instanceof Yaml.Mapping meta) {
            namespace = FluxValuesFrom.scalar(meta, "namespace");
        }
        return new String[] {kind, namespace, name};
    }

    /** The {@code spec} of a Flux source object ({@code source.toolkit.fluxcd.io}) that has a name, else null. */
    private static Yaml.Mapping namedSourceSpec(Yaml.Mapping top) {
        String apiVersion = FluxValuesFrom.scalar(top, "apiVersion");
        return apiVersion != null && apiVersion.startsWith(SOURCE_API)
                && FluxValuesFrom.get(top, "metadata") instanceof Yaml.Mapping meta && FluxValuesFrom.scalar(meta, "name") != null
                && FluxValuesFrom.get(top, "spec") instanceof Yaml.Mapping spec ? spec : null;
    }

    /** An OCIRepository ({@code oci://.../prefect-agent}) or a HelmChart of the agent chart, with a name. */
    static boolean isAgentSource(Yaml.Mapping top) {
        String kind = FluxValuesFrom.scalar(top, "kind");
        Yaml.Mapping spec = namedSourceSpec(top);
        if (spec == null) {
            return false;
        }
        if ("OCIRepository".equals(kind)) {
            String url = FluxValuesFrom.scalar(spec, "url");
            return url != null && url.replaceAll("/+$", "").endsWith("/" + AGENT_CHART);
        }
        return "HelmChart".equals(kind) && AGENT_CHART.equals(FluxValuesFrom.scalar(spec, "chart"));
    }

    /** The OCI url of the agent chart as the worker chart's, from the same registry and path. */
    static String workerUrl(String url) {
        String trimmed = url.replaceAll("/+$", "");
        return trimmed.substring(0, trimmed.length() - AGENT_CHART.length()) + HelmChartDependencies.WORKER_CHART
                + url.substring(trimmed.length());
    }

    /** A key's kind and name are these, and its namespace is this one or either is unknown. */
    private static boolean matches(String key, String kind, String namespace, String name) {
        String[] parts = key.split("/", 3);
        return parts[0].equals(kind) && parts[2].equals(name)
                && (parts[1].isEmpty() || namespace == null || parts[1].equals(namespace));
    }
}
