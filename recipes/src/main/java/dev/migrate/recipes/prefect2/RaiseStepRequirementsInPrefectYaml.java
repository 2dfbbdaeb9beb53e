package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.rules.PrefectIntegrations;
import dev.migrate.recipes.internal.PrefectPins;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * A step's {@code requires:} in prefect.yaml ({@code requires: prefect-docker>=0.3.0}) is installed only when
 * what is installed does not satisfy it: an image that still holds a Prefect 2 era prefect-docker satisfies
 * {@code >=0.3.0}, and the step then runs the old integration against Prefect 3. The lower bound moves up to the
 * integration's first Prefect 3 release. Requirements without a version, and bounds already there, stay.
 */
public class RaiseStepRequirementsInPrefectYaml extends Recipe {
    private static final Map<String, String> FIRST_PREFECT3 = PrefectIntegrations.firstPrefect3Releases();
    /** One requirement of a {@code requires} value: name, optional extras, {@code >=} or {@code ==} version. */
    private static final Pattern REQUIREMENT = Pattern.compile(
            "(?<![\\w.-])(?<name>prefect-[a-z0-9]+)(?<extras>\\[[^\\]]*])?(?<op>>=|==|~=)(?<version>\\d+(?:\\.\\d+){0,2})(?![\\w.])");

    @Override
    public String getDisplayName() {
        return "Raise integration requirements of prefect.yaml steps to their Prefect 3 releases";
    }

    @Override
    public String getDescription() {
        return "Moves the version in a step's `requires:` (such as `prefect-docker>=0.3.0`) up to the integration's "
                + "first Prefect 3 release, which the step would otherwise not install over an older one.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor() {
        return PrefectYamlFiles.entries((e, cursor, ctx) -> {
            if (e.getKey().getValue().equals("requires") && e.getValue() instanceof Yaml.Scalar value) {
                String raised = raise(value.getValue());
                return raised.equals(value.getValue()) ? e : e.withValue(value.withValue(raised));
            }
            return e;
        });
    }

    static String raise(String requires) {
        Matcher m = REQUIREMENT.matcher(requires);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String first = FIRST_PREFECT3.get(m.group("name"));
            String replacement = m.group();
            if (first != null && PrefectPins.below(m.group("version"), first)) {
                replacement = m.group("name") + (m.group("extras") == null ? "" : m.group("extras")) + ">=" + first;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
