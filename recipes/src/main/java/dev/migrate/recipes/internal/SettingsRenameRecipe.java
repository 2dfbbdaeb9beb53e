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
import org.openrewrite.ScanningRecipe;
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
 *
 * <p>In Kubernetes manifests the env var's {@code name:} is the setting and is renamed; the keys of a Secret or
 * ConfigMap are renamed too, since {@code envFrom} makes them env var names. A {@code secretKeyRef.key} (or
 * {@code configMapKeyRef.key}, a volume item's {@code key}) only names a key of its object: it follows the rename
 * when that object is defined in the repository with that key, renamed in the same run, and is kept with a manual
 * note otherwise, since a Secret made outside the repository keeps its keys and the pod would fail with "couldn't
 * find key". So the recipe first gathers every file's Secrets, ConfigMaps and their readers
 * ({@link KubernetesEnvSources}).
 */
public abstract class SettingsRenameRecipe extends ScanningRecipe<KubernetesEnvSources> {
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
    public KubernetesEnvSources getInitialValue(ExecutionContext ctx) {
        return new KubernetesEnvSources();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(KubernetesEnvSources sources) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (tree instanceof SourceFile source) {
                    sources.scan(source, ctx);
                }
                return tree;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(KubernetesEnvSources sources) {
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
                    Set<KubernetesObjects.ObjectRef> unreadNoted = new HashSet<>();
                    boolean compose = COMPOSE.matcher(docs.getSourcePath().getFileName().toString()).matches();
                    Yaml after = new YamlIsoVisitor<ExecutionContext>() {
                        @Override
                        public Yaml.Scalar visitScalar(Yaml.Scalar scalar, ExecutionContext c) {
                            Optional<KubernetesObjects.KeyRef> ref = KubernetesObjects.keyRefAt(getCursor());
                            if (ref.isPresent()) {
                                return keyRef(scalar, ref.get(), r, sources, getCursor(), c);
                            }
                            if (KubernetesObjects.inRemoteRef(getCursor())) {
                                return scalar; // the name of an entry in the outside secret store
                            }
                            r.keptReferencesInValue(scalar.getValue()).forEach(k -> kept.add(k.name()));
                            String renamed = r.applyKeepingReferences(scalar.getValue());
                            if (renamed.equals(scalar.getValue())) {
                                return scalar;
                            }
                            Optional<KubernetesObjects.ObjectRef> owner = KubernetesObjects.dataKeyOwner(getCursor());
                            if (owner.isPresent() && !sources.read(owner.get()) && unreadNoted.add(owner.get())) {
                                note(getCursor(), scalar, false, KeyRefNotes.unread(owner.get(), scalar.getValue(), renamed), c);
                            }
                            return scalar.withValue(renamed);
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

    /**
     * The {@code key:} of a reference into a Secret or ConfigMap: renamed with the object's own key when the object
     * is defined here with that key (the same run renames it there), else kept with a manual note.
     */
    private Yaml.Scalar keyRef(Yaml.Scalar scalar, KubernetesObjects.KeyRef ref, SettingsRenames r,
            KubernetesEnvSources sources, Cursor cursor, ExecutionContext ctx) {
        Optional<String> to = r.renamedName(ref.key());
        if (to.isEmpty()) {
            return scalar; // no setting's name: a key of the app's own, or a chart's template (even one defaulting to a name)
        }
        boolean flow = !scalar.getValue().equals(ref.key());
        if (sources.definesKey(ref.object(), ref.key())) {
            return flow ? KubernetesObjects.withFlowKey(scalar, to.get()) : scalar.withValue(to.get());
        }
        String envName = ref.envName() == null ? null : r.applyKeepingReferences(ref.envName());
        note(cursor, scalar, true, KeyRefNotes.kept(ref.object(), sources.defines(ref.object()),
                sources.readWithEnvFrom(ref.object()), envName, ref.key(), to.get(), oldNameOnTarget()), ctx);
        return scalar;
    }

    private void note(Cursor cursor, Yaml.Scalar at, boolean manual, String message, ExecutionContext ctx) {
        Yaml.Documents docs = cursor.firstEnclosingOrThrow(Yaml.Documents.class);
        notes.insertRow(ctx, new MigrationNotes.Row(docs.getSourcePath().toString(), YamlPositions.lineOf(cursor, at),
                getName(), manual, noteCode() + ": " + message));
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
