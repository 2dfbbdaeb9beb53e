package dev.migrate.recipes.internal;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
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
 * <p>A compose file's {@code ${PREFECT_ORION_X}} reads a compose variable, most often a key of the project's
 * {@code .env}, which an env file's rename would change alone. So the pair moves together
 * ({@link ComposeInterpolation}): when the run holds the definition compose reads (the directory's {@code .env}, a
 * script there that sets the name and runs compose, or its {@code --env-file}), the key is renamed there and the
 * references follow, with a note for a value the shell may still set under the old name; renaming both keeps the
 * {@code .env} right for the services that also load it with {@code env_file:} (container environment, which Prefect
 * reads). When only a template ({@code .env.example}) is in the repository, the real {@code .env} keeps its keys: the
 * template's keys the compose file reads and the references are kept, with a note.
 *
 * <p>In Kubernetes manifests the env var's {@code name:} is the setting and is renamed; the keys of a Secret or
 * ConfigMap are renamed too, since {@code envFrom} makes them env var names. A {@code secretKeyRef.key} (or
 * {@code configMapKeyRef.key}, a volume item's {@code key}) only names a key of its object: it follows the rename
 * when that object is defined in the repository with that key, renamed in the same run, and is kept with a manual
 * note otherwise, since a Secret made outside the repository keeps its keys and the pod would fail with "couldn't
 * find key". So the recipe first gathers every file's Secrets, ConfigMaps and their readers
 * ({@link KubernetesEnvSources}). A SealedSecret defines the Secret its controller makes: its {@code encryptedData}
 * keys are renamed like a Secret's and its ciphertexts never touched ({@link KubernetesKeyPlaces} says why that keeps
 * them decryptable). Data written as a flow mapping ({@code data: {KEY: value}}), which the parser keeps as one
 * scalar, is edited key by key through {@link FlowMappings}, so its keys are the ones the key references were
 * checked against.
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
    private static final Pattern COMPOSE = ComposeInterpolation.COMPOSE;
    /** Makefiles, whose {@code $(NAME)} and {@code $$NAME} read make's variables, the environment's included. */
    private static final Pattern MAKEFILE = Pattern.compile("Makefile|GNUmakefile|makefile|.*\\.mk");
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
                    Predicate<String> keep = name -> sources.compose().keepsKey(text.getSourcePath(), name);
                    // `. ./.env` then `$PREFECT_ORION_X`: the reference reads the sourced file's key, renamed there
                    Predicate<String> follows = name -> sources.sourced().defines(text.getSourcePath(), name);
                    boolean makefile = MAKEFILE.matcher(text.getSourcePath().getFileName().toString()).matches();
                    noteKept(makefile ? r.keptReferencesInMakefile(text.getText(), follows)
                            : r.keptReferences(text.getText(), follows), text.getText(), text, ctx);
                    noteTemplateKeys(r, keep, text, sources.compose(), ctx);
                    noteWithoutSuccessor(r, text.getText(), text, ctx);
                    String after = makefile ? r.applyToMakefile(text.getText(), follows)
                            : r.apply(text.getText(), follows, keep);
                    return after.equals(text.getText()) ? text : text.withText(after);
                }
                if (tree instanceof Yaml.Documents docs) {
                    Set<String> kept = new HashSet<>();
                    Set<String> followed = new HashSet<>();
                    Set<KubernetesKeyPlaces.ObjectRef> unreadNoted = new HashSet<>();
                    boolean compose = COMPOSE.matcher(docs.getSourcePath().getFileName().toString()).matches()
                            || ComposeFiles.isCompose(docs.getSourcePath(), ctx); // named: `docker compose -f stack.yml`
                    // a compose variable follows the rename of its definition in the project's .env (same run)
                    Predicate<String> follows = compose ? name -> sources.compose().follows(docs.getSourcePath(), name)
                            : name -> false;
                    Yaml after = new YamlIsoVisitor<ExecutionContext>() {
                        @Override
                        public Yaml.Scalar visitScalar(Yaml.Scalar scalar, ExecutionContext c) {
                            Optional<KubernetesKeyPlaces.KeyRef> ref = KubernetesKeyPlaces.keyRefAt(getCursor());
                            if (ref.isPresent()) {
                                return keyRef(scalar, ref.get(), r, sources, getCursor(), c);
                            }
                            if (KubernetesKeyPlaces.inRemoteRef(getCursor())) {
                                return scalar; // the name of an entry in the outside secret store
                            }
                            if (KubernetesKeyPlaces.sealedValue(getCursor())) {
                                return scalar; // a SealedSecret's ciphertext
                            }
                            Optional<KubernetesKeyPlaces.ObjectRef> flowOwner = KubernetesKeyPlaces.flowDataOwner(getCursor());
                            if (flowOwner.isPresent()) {
                                return flowData(scalar, flowOwner.get(), getCursor(), c);
                            }
                            r.keptReferencesInValue(scalar.getValue()).forEach(k -> (follows.test(k.name()) ? followed : kept)
                                    .add(k.name()));
                            String renamed = r.applyKeepingReferences(scalar.getValue(), follows);
                            if (renamed.equals(scalar.getValue())) {
                                return scalar;
                            }
                            Optional<KubernetesKeyPlaces.ObjectRef> owner = KubernetesKeyPlaces.dataKeyOwner(getCursor());
                            if (owner.isPresent()) {
                                noteUnread(owner.get(), scalar.getValue(), renamed, getCursor(), scalar, c);
                            }
                            return scalar.withValue(renamed);
                        }

                        /**
                         * A Secret's or ConfigMap's data written as a flow mapping, which the parser keeps as one
                         * scalar: its keys and values are renamed one by one, as a block mapping's are, with every
                         * other character kept ({@link FlowMappings}); left as it is when it does not parse.
                         */
                        private Yaml.Scalar flowData(Yaml.Scalar scalar, KubernetesKeyPlaces.ObjectRef owner, Cursor at,
                                ExecutionContext c) {
                            Optional<String> edited = FlowMappings.edit(scalar.getValue(), key -> {
                                String renamed = r.applyKeepingReferences(key, follows);
                                if (!renamed.equals(key)) {
                                    noteUnread(owner, key, renamed, at, scalar, c);
                                }
                                return renamed;
                            }, value -> r.applyKeepingReferences(value, follows));
                            if (edited.isEmpty()) {
                                // a template's {{ }} or broken YAML: its keys are unknown to the key references too,
                                // so renaming them as text could break those; a person renames both
                                if (!r.applyKeepingReferences(scalar.getValue(), follows).equals(scalar.getValue())) {
                                    note(at, scalar, true, KeyRefNotes.unreadableFlow(owner), c);
                                }
                                return scalar;
                            }
                            r.keptReferencesInValue(scalar.getValue()).forEach(k -> (follows.test(k.name()) ? followed : kept)
                                    .add(k.name()));
                            return edited.get().equals(scalar.getValue()) ? scalar : scalar.withValue(edited.get());
                        }

                        /** The first renamed key of an object nothing here reads gets a note: a reader elsewhere must follow. */
                        private void noteUnread(KubernetesKeyPlaces.ObjectRef owner, String key, String renamed, Cursor at,
                                Yaml.Scalar scalar, ExecutionContext c) {
                            if (!sources.read(owner) && unreadNoted.add(owner)) {
                                note(at, scalar, false, KeyRefNotes.unread(owner, key, renamed), c);
                            }
                        }

                        /** {@code - PREFECT_ORION_X} in a compose list passes the host's variable of that name on. */
                        @Override
                        public Yaml.Sequence.Entry visitSequenceEntry(Yaml.Sequence.Entry entry, ExecutionContext c) {
                            if (compose && entry.getBlock() instanceof Yaml.Scalar s && inEnvironment(getCursor())) {
                                Optional<String> to = r.renamedName(s.getValue());
                                if (to.isPresent() && follows.test(s.getValue())) {
                                    followed.add(s.getValue()); // the .env renames the variable it passes on too
                                    return entry.withBlock(s.withValue(to.get()));
                                }
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
                                if (to.isPresent() && follows.test(key.getValue())) {
                                    followed.add(key.getValue());
                                    return entry.withKey(key.withValue(to.get()));
                                }
                                if (to.isPresent()) {
                                    kept.add(key.getValue());
                                    return entry.withKey(key.withValue(to.get()))
                                            .withValue(v.withValue("${" + key.getValue() + "}").withPrefix(" "));
                                }
                            }
                            return super.visitMappingEntry(entry, c);
                        }
                    }.visitNonNull(docs, ctx);
                    if (r.keepsAnyWithoutSuccessor()) {
                        noteWithoutSuccessor(r, docs.printAll(), docs, ctx);
                    }
                    if (!kept.isEmpty() || !followed.isEmpty()) {
                        // the scalars hold no positions: the note goes to the first reference to the name in the file
                        String printed = ((SourceFile) after).printAll();
                        noteKept(r.keptReferencesInValue(printed).stream().filter(k -> kept.contains(k.name())).toList(),
                                printed, docs, ctx);
                        noteFollowed(followed, r, sources.compose(), printed, docs, ctx);
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
    private Yaml.Scalar keyRef(Yaml.Scalar scalar, KubernetesKeyPlaces.KeyRef ref, SettingsRenames r,
            KubernetesEnvSources sources, Cursor cursor, ExecutionContext ctx) {
        Optional<String> to = r.renamedName(ref.key());
        if (to.isEmpty()) {
            return scalar; // no setting's name: a key of the app's own, or a chart's template (even one defaulting to a name)
        }
        boolean flow = !scalar.getValue().equals(ref.key());
        if (sources.definesKey(ref.object(), ref.key())) {
            return flow ? KubernetesKeyPlaces.withFlowKey(scalar, to.get()) : scalar.withValue(to.get());
        }
        String envName = ref.envName() == null ? null : r.applyKeepingReferences(ref.envName());
        KeyRefNotes.Defined defined = !sources.defines(ref.object()) ? KeyRefNotes.Defined.NOT_HERE
                : sources.sealsKeys(ref.object()) ? KeyRefNotes.Defined.SEALED_AS_ONE_BLOB : KeyRefNotes.Defined.WITHOUT_KEY;
        note(cursor, scalar, true, KeyRefNotes.kept(ref.object(), defined,
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
                    : text.charAt(k.offset() - 1) == '(' ? "$(" + k.name() + ")"
                    : text.charAt(k.offset() - 1) == '$' ? "$" + k.name()
                    : text.substring(text.lastIndexOf(' ', k.offset()) + 1, k.offset()) + k.name(); // secrets.NAME
            notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(),
                    TextPositions.lineOf(text, k.offset()), getName(), false, noteCode() + ": " + written
                    + " is kept as written: it reads " + k.name() + " from outside this file (the host, the shell, a "
                    + ".env file, CI settings), which this rename leaves as it is; where " + k.name() + " is defined "
                    + "for Prefect itself, rename it there to " + k.renamed() + " (" + oldNameOnTarget() + ")"));
        }
    }

    /**
     * A manual note at the first occurrence of each old name the target reads no successor of: it stays as written,
     * ignored after the upgrade, and what it configured needs a person.
     */
    private void noteWithoutSuccessor(SettingsRenames r, String text, SourceFile file, ExecutionContext ctx) {
        PrefectTarget target = PrefectTarget.from(ctx);
        for (SettingsRenames.WithoutSuccessor w : r.withoutSuccessor(text)) {
            notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(),
                    TextPositions.lineOf(text, w.offset()), getName(), true, noteCode() + ": " + w.name()
                    + " is kept as written: it was renamed " + w.successor() + ", which Prefect "
                    + target.minorVersion() + " does not read, and no setting succeeds it there; it is ignored after "
                    + "the upgrade: remove it, or replace what it configured by hand"));
        }
    }

    /**
     * One note for each compose variable renamed with its definition: the repository's files agree, but a value the
     * shell running {@code docker compose} sets under the old name (CI, a deploy script elsewhere) is no longer read.
     */
    private void noteFollowed(Set<String> followed, SettingsRenames r, ComposeInterpolation compose, String printed,
            SourceFile file, ExecutionContext ctx) {
        Path dir = file.getSourcePath().getParent() == null ? Path.of("") : file.getSourcePath().getParent();
        for (String old : new TreeSet<>(followed)) {
            String to = r.renamedName(old).orElseThrow();
            int at = firstReference(printed, to);
            String where = String.join(", ", compose.definitions(file.getSourcePath(), old).stream()
                    .map(p -> dir.relativize(p.normalize()).toString()).toList());
            notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(),
                    TextPositions.lineOf(printed, at), getName(), false, noteCode() + ": ${" + old + "} is renamed to ${"
                    + to + "} with its definition in " + where + ", which compose reads for interpolation and this run "
                    + "renames too; where the shell that runs docker compose sets " + old + " (CI settings, a deploy "
                    + "script outside the repository), rename it there to " + to + " (" + oldNameOnTarget() + ")"));
        }
    }

    /** The first reference to {@code name} ({@code ${NAME}}, {@code $NAME}), else its first occurrence. */
    private static int firstReference(String text, String name) {
        int first = -1;
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            if (SettingsRenames.isReference(text, at)) {
                return at;
            }
            first = first < 0 ? at : first;
        }
        return Math.max(first, 0);
    }

    /**
     * One note for each key of a {@code .env} template kept because compose reads it as a variable from a {@code .env}
     * outside the repository (which keeps its keys); the setting itself is renamed where compose passes it on.
     */
    private void noteTemplateKeys(SettingsRenames r, Predicate<String> keep, PlainText file, ComposeInterpolation compose,
            ExecutionContext ctx) {
        String text = file.getText();
        boolean loaded = compose.dotEnvLoadedNextTo(file.getSourcePath());
        Set<String> noted = new HashSet<>();
        Matcher m = SETTING_NAME.matcher(text);
        while (m.find()) {
            Optional<String> to = r.renamedName(m.group());
            if (to.isPresent() && !SettingsRenames.isReference(text, m.start()) && keep.test(m.group())
                    && noted.add(m.group())) {
                notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(),
                        TextPositions.lineOf(text, m.start()), getName(), loaded, noteCode() + ": " + m.group()
                        + " is kept: the compose file next to this template reads it as ${" + m.group() + "} from the "
                        + "project's .env, which is not in the repository and keeps its keys; the setting is renamed to "
                        + to.get() + " where compose passes it to the container, so the value still reaches it. To "
                        + "rename the variable too, rename it in .env, here and in the compose file's references together"
                        + (loaded ? ". A service also loads .env with env_file: as its environment, where " + oldNameOnTarget()
                                + ": set " + to.get() + " there too, or rename the variable everywhere" : "")));
            }
        }
    }

    private static final Pattern SETTING_NAME = Pattern.compile("(?<![A-Za-z0-9_/])PREFECT_[A-Z0-9_]+(?![A-Za-z0-9_])");
}
