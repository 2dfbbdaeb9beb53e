package dev.migrate.recipes.internal;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openrewrite.Cursor;
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

    /** Compose files, whose {@code environment:} entries without a value pass on the host's variable. */
    private static final Pattern COMPOSE = Pattern.compile("(docker-)?compose[^/]*\\.ya?ml");
    private static final Set<String> NO_VALUE = Set.of("", "~", "null");

    /**
     * True when the cursor's entry is an item of a compose service's {@code environment:} (list or map). Passed on
     * without a value, the name is the host's variable too: renamed alone, compose would pass a variable the host
     * does not set, so the entry becomes {@code NEW=${OLD}}, the setting renamed and the host's variable kept.
     */
    private static boolean inEnvironment(Cursor entry) {
        Cursor parent = entry.getParentTreeCursor();
        if (!(parent.getValue() instanceof Yaml.Sequence || parent.getValue() instanceof Yaml.Mapping)) {
            return false;
        }
        return parent.getParentTreeCursor().getValue() instanceof Yaml.Mapping.Entry e
                && "environment".equals(e.getKey().getValue());
    }

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
                    Set<String> kept = new HashSet<>();
                    boolean compose = COMPOSE.matcher(docs.getSourcePath().getFileName().toString()).matches();
                    Yaml after = new YamlIsoVisitor<ExecutionContext>() {
                        @Override
                        public Yaml.Scalar visitScalar(Yaml.Scalar scalar, ExecutionContext c) {
                            r.keptReferencesInValue(scalar.getValue()).forEach(k -> kept.add(k.name()));
                            String renamed = r.applyKeepingReferences(scalar.getValue());
                            return renamed.equals(scalar.getValue()) ? scalar : scalar.withValue(renamed);
                        }

                        /** {@code - PREFECT_ORION_X} in a compose list passes the host's variable of that name on. */
                        @Override
                        public Yaml.Sequence.Entry visitSequenceEntry(Yaml.Sequence.Entry entry, ExecutionContext c) {
                            if (compose && entry.getBlock() instanceof Yaml.Scalar s && inEnvironment(getCursor())) {
                                Optional<String> to = r.renamedName(s.getValue());
                                if (to.isPresent()) {
                                    kept.add(s.getValue());
                                    return entry.withBlock(s.withValue(to.get() + "=${" + s.getValue() + "}"));
                                }
                            }
                            return super.visitSequenceEntry(entry, c);
                        }

                        /** {@code PREFECT_ORION_X:} without a value in a compose map does the same. */
                        @Override
                        public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext c) {
                            if (compose && entry.getKey() instanceof Yaml.Scalar key && entry.getValue() instanceof Yaml.Scalar v
                                    && NO_VALUE.contains(v.getValue()) && inEnvironment(getCursor())) {
                                Optional<String> to = r.renamedName(key.getValue());
                                if (to.isPresent()) {
                                    kept.add(key.getValue());
                                    return entry.withKey(key.withValue(to.get()))
                                            .withValue(v.withValue("${" + key.getValue() + "}").withPrefix(" "));
                                }
                            }
                            return super.visitMappingEntry(entry, c);
                        }
                    }.visitNonNull(docs, ctx);
                    if (!kept.isEmpty()) {
                        // the scalars hold no positions: the note goes to the first reference to the name in the file
                        String printed = ((SourceFile) after).printAll();
                        noteKept(r.keptReferencesInValue(printed).stream().filter(k -> kept.contains(k.name())).toList(),
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
            String written = text.charAt(k.offset() - 1) == '{' ? "${" + k.name() + "}"
                    : text.charAt(k.offset() - 1) == '$' ? "$" + k.name()
                    : text.substring(text.lastIndexOf(' ', k.offset()) + 1, k.offset()) + k.name(); // secrets.NAME
            notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(),
                    TextPositions.lineOf(text, k.offset()), getName(), false, noteCode() + ": " + written
                    + " is kept as written: it reads " + k.name() + " from outside this file (the host, the shell, a "
                    + ".env file, CI settings), which this rename leaves as it is; where " + k.name() + " is defined "
                    + "for Prefect itself, rename it there to " + k.renamed() + " (" + oldNameOnTarget() + ")"));
        }
    }
}
