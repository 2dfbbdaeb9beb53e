package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.PrefectTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The {@code helm.parameters} of an Argo CD source of the agent chart ({@code - name: agent.config.workPool},
 * {@code value: k8s}): each agent chart path becomes the worker chart's ({@link HelmValuePaths#workerPath}), a value
 * the catalogue renames at its path follows ({@code worker.apiConfig: server} is {@code selfHostedServer}), and a
 * Prefect 2 {@code prefectTag} is pinned to the target release, as values files are moved.
 */
final class ArgoHelmParameters {
    static final String WORK_POOL = "worker.config.workPool";
    private static final Pattern INLINE_NAME = Pattern.compile("\\bname\\s*:\\s*[\"']?(agent[\\w.\\[\\]-]*)");

    private ArgoHelmParameters() {
    }

    static Yaml.Sequence toWorker(Yaml.Sequence parameters, PrefectTarget target) {
        List<Yaml.Sequence.Entry> out = new ArrayList<>();
        boolean changed = false;
        for (Yaml.Sequence.Entry item : parameters.getEntries()) {
            if (item.getBlock() instanceof Yaml.Mapping p) {
                Yaml.Mapping moved = toWorker(p, target);
                if (moved != p) {
                    item = item.withBlock(moved);
                    changed = true;
                }
            }
            out.add(item);
        }
        return changed ? parameters.withEntries(out) : parameters;
    }

    /**
     * The items written as flow mappings ({@code - {name: agent.x, value: y}}), which rewrite-yaml reads as one opaque
     * string, that name an agent chart path: each with that path and the worker chart's.
     */
    static List<Map.Entry<Yaml.Sequence.Entry, String[]>> inlineAgentItems(Yaml.Sequence parameters) {
        List<Map.Entry<Yaml.Sequence.Entry, String[]>> out = new ArrayList<>();
        for (Yaml.Sequence.Entry item : parameters.getEntries()) {
            if (item.getBlock() instanceof Yaml.Scalar s && s.getValue().startsWith("{")) {
                Matcher m = INLINE_NAME.matcher(s.getValue());
                String path = m.find() ? HelmValuePaths.workerPath(m.group(1)) : null;
                if (path != null) {
                    out.add(Map.entry(item, new String[] {m.group(1), path}));
                }
            }
        }
        return out;
    }

    /** True when some parameter sets the worker chart's required work pool. */
    static boolean setsWorkPool(Yaml.Sequence parameters) {
        return parameters.getEntries().stream().anyMatch(i -> i.getBlock() instanceof Yaml.Mapping p
                && (WORK_POOL.equals(FluxValuesFrom.scalar(p, "name")) || "agent.config.workPool".equals(FluxValuesFrom.scalar(p, "name"))));
    }

    private static Yaml.Mapping toWorker(Yaml.Mapping parameter, PrefectTarget target) {
        String name = FluxValuesFrom.scalar(parameter, "name");
        String path = name == null ? null : HelmValuePaths.workerPath(name);
        if (path == null) {
            return parameter;
        }
        List<Yaml.Mapping.Entry> out = new ArrayList<>();
        for (Yaml.Mapping.Entry e : parameter.getEntries()) {
            if (e.getValue() instanceof Yaml.Scalar s) {
                if ("name".equals(e.getKey().getValue())) {
                    e = e.withValue(s.withValue(path));
                } else if ("value".equals(e.getKey().getValue())) {
                    String value = path.equals("worker.image.prefectTag") ? HelmAgentValues.prefect3Tag(s.getValue(), target)
                            : HelmValuePaths.workerValue(path, s.getValue());
                    if (value != null) {
                        e = e.withValue(s.withValue(value));
                    }
                }
            }
            out.add(e);
        }
        return parameter.withEntries(out);
    }
}
