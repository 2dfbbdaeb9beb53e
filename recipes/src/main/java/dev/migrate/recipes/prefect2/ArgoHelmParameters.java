package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.PrefectTarget;
import java.util.ArrayList;
import java.util.List;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The {@code helm.parameters} of an Argo CD source of the agent chart ({@code - name: agent.config.workPool},
 * {@code value: k8s}): each agent chart path becomes the worker chart's ({@link HelmValuePaths#workerPath}), a value
 * the catalogue renames at its path follows ({@code worker.apiConfig: server} is {@code selfHostedServer}), and a
 * Prefect 2 {@code prefectTag} is pinned to the target release, as values files are moved.
 */
final class ArgoHelmParameters {
    static final String WORK_POOL = "worker.config.workPool";

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
