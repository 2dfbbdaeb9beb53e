package dev.migrate.recipes.prefect2;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.yaml.YamlParser;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The templates of an umbrella chart that read the values of its {@code prefect-agent} subchart: once
 * {@link MigrateHelmAgentSubchartToWorker} moves those values to {@code prefect-worker:} (and {@code agent:} to
 * {@code worker:}), {@code index .Values "prefect-agent" "agent" "config" "workPool"} would read nothing. The paths
 * such templates name ({@link HelmTemplateValuePaths}) are renamed the same way, in {@code templates/*.yaml},
 * {@code *.tpl} helpers and {@code NOTES.txt}. Templates are edited as text, whether or not they also read as YAML,
 * so that every byte but the renamed segments stays.
 */
public class RenameHelmAgentSubchartValuesInTemplates extends ScanningRecipe<RenameHelmAgentSubchartValuesInTemplates.Charts> {
    /** Chart directories, and by chart the agent subchart's values keys with the keys they get. */
    public static class Charts {
        final Set<String> dirs = new HashSet<>();
        final Map<String, Map<String, String>> valuesKeys = new HashMap<>();
    }

    @Override
    public String getDisplayName() {
        return "Rename a prefect-agent subchart's values in its umbrella chart's templates";
    }

    @Override
    public String getDescription() {
        return "Renames the values an umbrella chart's templates read from its `prefect-agent` subchart "
                + "(`index .Values \"prefect-agent\" \"agent\" ...`) to the `prefect-worker` subchart's "
                + "(`index .Values \"prefect-worker\" \"worker\" ...`), as the subchart's values files are moved.";
    }

    @Override
    public Charts getInitialValue(ExecutionContext ctx) {
        return new Charts();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(Charts acc) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (tree instanceof SourceFile source && source.getSourcePath().getFileName().toString().equals("Chart.yaml")) {
                    acc.dirs.add(HelmChartDependencies.directoryOf(source.getSourcePath()));
                }
                if (tree instanceof Yaml.Documents docs && HelmChartDependencies.isDependencyFile(docs.getSourcePath())) {
                    Map<String, String> keys = HelmChartDependencies.valuesKeys(docs);
                    if (!keys.isEmpty()) {
                        acc.valuesKeys.computeIfAbsent(HelmChartDependencies.directoryOf(docs.getSourcePath()),
                                d -> new LinkedHashMap<>()).putAll(keys);
                    }
                }
                return tree;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(Charts acc) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (!(tree instanceof SourceFile source)) {
                    return tree;
                }
                Map<String, String> keys = keysOf(source.getSourcePath(), acc);
                if (keys == null) {
                    return tree;
                }
                if (tree instanceof PlainText text) {
                    String after = HelmTemplateValuePaths.rename(text.getText(), keys);
                    return after.equals(text.getText()) ? tree : text.withText(after);
                }
                if (tree instanceof Yaml.Documents docs) {
                    return renamedYaml(docs, keys);
                }
                return tree;
            }
        };
    }

    /** The agent subchart keys of the chart whose {@code templates/} holds {@code path}; null for any other file. */
    private static Map<String, String> keysOf(Path path, Charts acc) {
        String chart = HelmChartDependencies.nearestChart(path, acc.dirs);
        if (chart == null || !HelmChartDependencies.inChart(path, chart).startsWith("templates/")) {
            return null;
        }
        return acc.valuesKeys.get(chart);
    }

    /**
     * A template that also reads as YAML, edited as text and read again; unchanged when the edited text would not read
     * back as one YAML file printing the same text (the engine refuses such a result anyway).
     */
    private static Yaml.Documents renamedYaml(Yaml.Documents docs, Map<String, String> keys) {
        String before = docs.printAll();
        String after = HelmTemplateValuePaths.rename(before, keys);
        if (after.equals(before)) {
            return docs;
        }
        List<SourceFile> parsed = YamlParser.builder().build()
                .parse(new InMemoryExecutionContext(t -> { }), after).toList();
        if (parsed.size() != 1 || !(parsed.get(0) instanceof Yaml.Documents again) || !again.printAll().equals(after)) {
            return docs;
        }
        return docs.withDocuments(again.getDocuments());
    }
}
