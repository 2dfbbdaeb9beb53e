package dev.migrate.recipes.prefect2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The values an Argo CD source gives Helm itself, which Argo CD merges over every value file it reads: its
 * {@code helm.valuesObject} (a block or flow mapping), its {@code helm.values} string (in any style; a literal block
 * {@code |} most often) and its {@code helm.parameters}. Read for the work pool they name, which a value file then
 * need not name.
 */
final class InlineHelmValues {
    /** An umbrella chart's parameter naming its agent subchart's pool: {@code prefect-agent.agent.config.workPool}. */
    private static final Pattern SUBCHART_POOL_PARAMETER = Pattern.compile("(.+)\\.agent\\.config\\.workPool");

    private InlineHelmValues() {
    }

    /** True when plain values (maps, lists, strings) name a non-blank {@code agent.config.workPool}. */
    static boolean namesPool(Object values) {
        return FlowMappingText.at(values, List.of("agent", "config", "workPool")) instanceof String pool && !pool.isBlank();
    }

    /**
     * True when the source's own values name the pool of the chart it installs, the agent chart or the worker chart an
     * earlier run made of it ({@code agent.config.workPool}, {@code worker.config.workPool}), or a parameter sets it.
     */
    static boolean namesChartPool(Yaml.Mapping source) {
        Yaml.Mapping helm = FluxValuesFrom.get(source, "helm") instanceof Yaml.Mapping h ? h : null;
        if (helm == null) {
            return false;
        }
        if (FluxValuesFrom.get(helm, "parameters") instanceof Yaml.Sequence parameters && ArgoHelmParameters.setsWorkPool(parameters)) {
            return true;
        }
        return values(helm).stream().anyMatch(v -> namesPool(v)
                || FlowMappingText.at(v, List.of("worker", "config", "workPool")) instanceof String pool && !pool.isBlank());
    }

    /**
     * The top-level keys under which the source's own values name {@code agent.config.workPool}: for an umbrella chart,
     * the subchart keys ({@code prefect-agent}, an alias) whose pool is set.
     */
    static Set<String> poolKeys(Yaml.Mapping source) {
        Set<String> out = new HashSet<>();
        if (!(FluxValuesFrom.get(source, "helm") instanceof Yaml.Mapping helm)) {
            return out;
        }
        for (Object v : values(helm)) {
            if (v instanceof Map<?, ?> top) {
                top.forEach((key, sub) -> {
                    if (namesPool(sub)) {
                        out.add(String.valueOf(key));
                    }
                });
            }
        }
        if (FluxValuesFrom.get(helm, "parameters") instanceof Yaml.Sequence parameters) {
            for (Yaml.Sequence.Entry item : parameters.getEntries()) {
                String name = item.getBlock() instanceof Yaml.Mapping p ? FluxValuesFrom.scalar(p, "name") : null;
                String value = item.getBlock() instanceof Yaml.Mapping p ? FluxValuesFrom.scalar(p, "value") : null;
                Matcher m = name == null ? null : SUBCHART_POOL_PARAMETER.matcher(name);
                if (m != null && m.matches() && value != null && !value.isBlank()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** {@code valuesObject} and {@code values}, each as the plain structure it reads as (none when it does not parse). */
    private static List<Object> values(Yaml.Mapping helm) {
        List<Object> out = new ArrayList<>();
        Yaml.Block object = FluxValuesFrom.get(helm, "valuesObject");
        if (object != null) {
            out.add(FlowMappingText.plain(object));
        }
        Yaml.Block values = FluxValuesFrom.get(helm, "values");
        if (values instanceof Yaml.Scalar s && !FlowMappingText.isFlowText(s)) {
            // a block string's value starts with the rest of its header line ("", "-", "+")
            boolean block = s.getStyle() == Yaml.Scalar.Style.LITERAL || s.getStyle() == Yaml.Scalar.Style.FOLDED;
            Map<String, Object> parsed = FlowMappingText.parse(block ? s.getValue().substring(s.getValue().indexOf('\n') + 1)
                    : s.getValue());
            if (parsed != null) {
                out.add(parsed);
            }
        } else if (values != null) {
            out.add(FlowMappingText.plain(values));
        }
        return out;
    }
}
