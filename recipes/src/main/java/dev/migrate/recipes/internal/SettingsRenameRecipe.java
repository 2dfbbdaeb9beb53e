package dev.migrate.recipes.internal;

import dev.migrate.recipes.PrefectTarget;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Base of the recipes that rename {@code PREFECT_*} settings wherever they are written: env files, systemd
 * {@code Environment=} lines, shell scripts and Dockerfiles (as text), and compose or Kubernetes YAML
 * (keys and values, so both {@code environment:} maps and {@code KEY=value} lists are covered).
 */
public abstract class SettingsRenameRecipe extends Recipe {
    protected abstract SettingsRenames renames(PrefectTarget target);

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor() {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                SettingsRenames r = renames(PrefectTarget.from(ctx));
                if (tree instanceof PlainText text) {
                    String after = r.apply(text.getText());
                    return after.equals(text.getText()) ? text : text.withText(after);
                }
                if (tree instanceof Yaml.Documents docs) {
                    return new YamlIsoVisitor<ExecutionContext>() {
                        @Override
                        public Yaml.Scalar visitScalar(Yaml.Scalar scalar, ExecutionContext c) {
                            String after = r.apply(scalar.getValue());
                            return after.equals(scalar.getValue()) ? scalar : scalar.withValue(after);
                        }
                    }.visitNonNull(docs, ctx);
                }
                return tree;
            }
        };
    }
}
