package dev.migrate.recipes.internal;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Base of the recipes that rename {@code PREFECT_*} settings wherever they are written: env files, systemd
 * {@code Environment=} lines, shell scripts and Dockerfiles (as text), and compose or Kubernetes YAML
 * (keys and values, so both {@code environment:} maps and {@code KEY=value} lists are covered).
 *
 * <p>References to variables ({@code ${PREFECT_ORION_API_URL}}) are kept as {@link SettingsRenames} explains; each
 * old name a file keeps that way gets one note (a decision to review, not a manual step: the value still reaches
 * the renamed setting), since the variable it reads may be the old setting itself.
 */
public abstract class SettingsRenameRecipe extends Recipe {
    /** The notes of the recipe, kept-reference notes and those a subclass adds. */
    protected final transient MigrationNotes notes = new MigrationNotes(this);

    protected abstract SettingsRenames renames(PrefectTarget target);

    /** The finding code of the kept-reference notes. */
    protected abstract String noteCode();

    /** What the old name still does on the target, for the kept-reference note ("Prefect 3 does not read it"). */
    protected abstract String oldNameOnTarget();

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor() {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                SettingsRenames r = renames(PrefectTarget.from(ctx));
                if (tree instanceof PlainText text) {
                    noteKept(r.keptReferences(text.getText()), text.getText(), text, ctx);
                    String after = r.apply(text.getText());
                    return after.equals(text.getText()) ? text : text.withText(after);
                }
                if (tree instanceof Yaml.Documents docs) {
                    Map<String, SettingsRenames.KeptReference> kept = new LinkedHashMap<>();
                    Yaml after = new YamlIsoVisitor<ExecutionContext>() {
                        @Override
                        public Yaml.Scalar visitScalar(Yaml.Scalar scalar, ExecutionContext c) {
                            r.keptReferencesInValue(scalar.getValue()).forEach(k -> kept.putIfAbsent(k.name(), k));
                            String renamed = r.applyKeepingReferences(scalar.getValue());
                            return renamed.equals(scalar.getValue()) ? scalar : scalar.withValue(renamed);
                        }
                    }.visitNonNull(docs, ctx);
                    if (!kept.isEmpty()) {
                        // the scalars hold no positions: the note goes to the first reference to the name in the file
                        String printed = docs.printAll();
                        noteKept(r.keptReferencesInValue(printed).stream().filter(k -> kept.containsKey(k.name())).toList(),
                                printed, docs, ctx);
                    }
                    return after;
                }
                return tree;
            }
        };
    }

    private void noteKept(List<SettingsRenames.KeptReference> kept, String text, SourceFile file,
            ExecutionContext ctx) {
        Map<String, SettingsRenames.KeptReference> first = new LinkedHashMap<>();
        kept.forEach(k -> first.putIfAbsent(k.name(), k));
        for (SettingsRenames.KeptReference k : first.values()) {
            String written = text.charAt(k.offset() - 1) == '{' ? "${" + k.name() + "}" : "$" + k.name();
            notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(),
                    TextPositions.lineOf(text, k.offset()), getName(), false, noteCode() + ": " + written
                    + " is kept as written: it reads " + k.name() + " from the host, the shell or a .env file, which "
                    + "this rename leaves as they are; where " + k.name() + " is defined for Prefect itself, rename it "
                    + "there to " + k.renamed() + " (" + oldNameOnTarget() + ")"));
        }
    }
}
