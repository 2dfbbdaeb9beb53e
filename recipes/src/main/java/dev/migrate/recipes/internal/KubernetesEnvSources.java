package dev.migrate.recipes.internal;

import dev.migrate.recipes.internal.KubernetesKeyPlaces.ObjectRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.text.PlainText;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The Secrets and ConfigMaps a repository defines, with their keys, and what reads them, gathered over every file
 * before a settings rename edits one. A key of a Secret is a setting's name only where {@code envFrom} turns it into
 * env vars; a {@code secretKeyRef.key} must name a key the Secret has. So a key reference may follow a rename only
 * when the Secret it reads is here and gets the same rename, and a Secret made outside the repository
 * ({@code kubectl create secret}, an operator) keeps the keys it has.
 *
 * <p>Defined here are Secret and ConfigMap manifests, kustomize's {@code secretGenerator}/{@code configMapGenerator}
 * items (keys of their {@code literals}, {@code files} and {@code envs} files), ExternalSecrets' targets (their
 * {@code data[].secretKey}) and SealedSecrets (the keys of {@code spec.encryptedData} and {@code spec.template.data}),
 * with data written as block or as flow mappings. Read here are {@code envFrom} refs, Helm values' {@code extraEnvVarsSecret} and
 * {@code extraEnvVarsCM} (the Prefect charts pass them to {@code envFrom}), key refs and volumes' items.
 * The same scan gathers compose projects' interpolation sources ({@link ComposeInterpolation}), which pose the same
 * question for a {@code ${VAR}} and the {@code .env} key it reads, and the env files scripts read in
 * ({@link SourcedEnvFiles}).
 */
public final class KubernetesEnvSources {
    private static final Pattern KUSTOMIZATION = Pattern.compile("kustomization\\.ya?ml|Kustomization");
    /** A name an env file sets: {@code NAME=value}, {@code export NAME=value}. */
    private static final Pattern ASSIGNED = Pattern.compile("(?m)^[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \\t]*=");
    private static final Set<String> EXTERNAL_SECRET_KINDS = Set.of("ExternalSecret", "ClusterExternalSecret");

    /**
     * A definition of an object: its keys, the env files whose names are keys too (kustomize's {@code envs}), and
     * whether its keys are sealed out of sight (a SealedSecret's one-blob {@code spec.data}).
     */
    private record Definition(ObjectRef object, Set<String> keys, List<Path> envFiles, boolean sealedKeys) {
        Definition(ObjectRef object, Set<String> keys, List<Path> envFiles) {
            this(object, keys, envFiles, false);
        }
    }

    private final List<Definition> definitions = new ArrayList<>();
    private final List<ObjectRef> readWithEnvFrom = new ArrayList<>();
    private final List<ObjectRef> readByKey = new ArrayList<>();
    /** The names each text file sets, for the env files of generators; only files that mention a Prefect setting. */
    private final Map<Path, Set<String>> textAssignments = new HashMap<>();

    /** The compose side of the same question: what compose reads for {@code ${VAR}} interpolation. */
    private final ComposeInterpolation compose = new ComposeInterpolation();

    /** What compose files, their {@code .env} files and the scripts that run them define and read. */
    public ComposeInterpolation compose() {
        return compose;
    }

    /** The env files scripts and Makefiles read in, whose keys their references read. */
    private final SourcedEnvFiles sourced = new SourcedEnvFiles();

    public SourcedEnvFiles sourced() {
        return sourced;
    }

    /** Gathers what one file defines and reads. */
    public synchronized void scan(SourceFile source, ExecutionContext ctx) {
        compose.scan(source, ctx);
        sourced.scan(source);
        if (source instanceof PlainText text) {
            if (text.getText().contains("PREFECT_")) {
                Set<String> names = new HashSet<>();
                Matcher m = ASSIGNED.matcher(text.getText());
                while (m.find()) {
                    names.add(m.group(1));
                }
                textAssignments.put(source.getSourcePath().normalize(), names);
            }
            return;
        }
        if (!(source instanceof Yaml.Documents docs)) {
            return;
        }
        boolean kustomization = KUSTOMIZATION.matcher(docs.getSourcePath().getFileName().toString()).matches();
        for (Yaml.Document doc : docs.getDocuments()) {
            define(doc, kustomization, docs.getSourcePath());
            readers(doc, ctx);
        }
    }

    private void define(Yaml.Document doc, boolean kustomization, Path path) {
        if (!(doc.getBlock() instanceof Yaml.Mapping top)) {
            return;
        }
        KubernetesKeyPlaces.definedBy(doc).ifPresent(object -> {
            Set<String> keys = new HashSet<>();
            KubernetesKeyPlaces.dataSections(doc).forEach(section -> keys.addAll(KubernetesKeyPlaces.keysOf(section)));
            definitions.add(new Definition(object, keys, List.of(), KubernetesKeyPlaces.sealedAsOneBlob(doc)));
        });
        String kind = KubernetesKeyPlaces.scalar(top, "kind");
        Map<String, String> meta = KubernetesKeyPlaces.fields(KubernetesKeyPlaces.value(top, "metadata"));
        if (kind != null && EXTERNAL_SECRET_KINDS.contains(kind) && KubernetesKeyPlaces.value(top, "spec") instanceof Yaml.Mapping spec) {
            String target = KubernetesKeyPlaces.fields(KubernetesKeyPlaces.value(spec, "target")).get("name");
            String name = target != null ? target : meta.get("name");
            Set<String> keys = new HashSet<>();
            if (KubernetesKeyPlaces.value(spec, "data") instanceof Yaml.Sequence data) {
                for (Yaml.Sequence.Entry item : data.getEntries()) {
                    String key = KubernetesKeyPlaces.fields(item.getBlock()).get("secretKey");
                    if (key != null) {
                        keys.add(key);
                    }
                }
            }
            if (name != null) {
                definitions.add(new Definition(new ObjectRef(KubernetesKeyPlaces.SECRET, name, meta.get("namespace")), keys,
                        List.of()));
            }
        }
        if (kustomization || "Kustomization".equals(kind)) {
            generators(top, path);
        }
    }

    /** kustomize's generators: each item defines an object named {@code name} (the hash suffix kustomize adds follows). */
    private void generators(Yaml.Mapping kustomization, Path path) {
        String namespace = KubernetesKeyPlaces.scalar(kustomization, "namespace");
        Path dir = path.getParent() == null ? Path.of("") : path.getParent();
        for (String generator : List.of("secretGenerator", "configMapGenerator")) {
            if (!(KubernetesKeyPlaces.value(kustomization, generator) instanceof Yaml.Sequence items)) {
                continue;
            }
            String kind = generator.startsWith("secret") ? KubernetesKeyPlaces.SECRET : KubernetesKeyPlaces.CONFIG_MAP;
            for (Yaml.Sequence.Entry item : items.getEntries()) {
                if (!(item.getBlock() instanceof Yaml.Mapping m) || KubernetesKeyPlaces.scalar(m, "name") == null) {
                    continue;
                }
                Set<String> keys = new HashSet<>();
                List<Path> envFiles = new ArrayList<>();
                for (String source : scalars(m, "literals")) {
                    keys.add(source.contains("=") ? source.substring(0, source.indexOf('=')) : source);
                }
                for (String source : scalars(m, "files")) {
                    keys.add(source.contains("=") ? source.substring(0, source.indexOf('='))
                            : Path.of(source).getFileName().toString());
                }
                List<String> envs = new ArrayList<>(scalars(m, "envs"));
                if (KubernetesKeyPlaces.scalar(m, "env") != null) {
                    envs.add(KubernetesKeyPlaces.scalar(m, "env"));
                }
                envs.forEach(env -> envFiles.add(dir.resolve(env).normalize()));
                String own = KubernetesKeyPlaces.scalar(m, "namespace");
                definitions.add(new Definition(new ObjectRef(kind, KubernetesKeyPlaces.scalar(m, "name"),
                        own != null ? own : namespace), keys, envFiles));
            }
        }
    }

    private static List<String> scalars(Yaml.Mapping m, String key) {
        List<String> out = new ArrayList<>();
        if (KubernetesKeyPlaces.value(m, key) instanceof Yaml.Sequence s) {
            s.getEntries().forEach(e -> {
                if (e.getBlock() instanceof Yaml.Scalar v) {
                    out.add(v.getValue());
                }
            });
        }
        return out;
    }

    /** The envFrom refs, Helm values that become envFrom, key refs and volume items of a document. */
    private void readers(Yaml.Document doc, ExecutionContext ctx) {
        String namespace = KubernetesKeyPlaces.namespaceOf(doc);
        new YamlIsoVisitor<ExecutionContext>() {
            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext c) {
                String field = entry.getKey().getValue();
                if ("envFrom".equals(field) && entry.getValue() instanceof Yaml.Sequence sources) {
                    for (Yaml.Sequence.Entry source : sources.getEntries()) {
                        if (source.getBlock() instanceof Yaml.Mapping m) {
                            for (String ref : List.of("secretRef", "configMapRef")) {
                                String name = KubernetesKeyPlaces.fields(KubernetesKeyPlaces.value(m, ref)).get("name");
                                if (name != null) {
                                    readWithEnvFrom.add(new ObjectRef(KubernetesKeyPlaces.kindOfReference(ref), name, namespace));
                                }
                            }
                        }
                    }
                } else if (("extraEnvVarsSecret".equals(field) || "extraEnvVarsCM".equals(field))
                        && entry.getValue() instanceof Yaml.Scalar name && !name.getValue().isEmpty()) {
                    readWithEnvFrom.add(new ObjectRef(field.endsWith("Secret") ? KubernetesKeyPlaces.SECRET
                            : KubernetesKeyPlaces.CONFIG_MAP, name.getValue(), null));
                } else if (field.endsWith("KeyRef") && KubernetesKeyPlaces.kindOfReference(field) != null
                        && KubernetesKeyPlaces.fields(entry.getValue()).get("name") != null) {
                    readByKey.add(new ObjectRef(KubernetesKeyPlaces.kindOfReference(field),
                            KubernetesKeyPlaces.fields(entry.getValue()).get("name"), namespace));
                } else if (("secret".equals(field) || "configMap".equals(field)) && entry.getValue() instanceof Yaml.Mapping v
                        && KubernetesKeyPlaces.value(v, "items") instanceof Yaml.Sequence) {
                    String name = KubernetesKeyPlaces.scalar(v, "secretName") != null ? KubernetesKeyPlaces.scalar(v, "secretName")
                            : KubernetesKeyPlaces.scalar(v, "name");
                    if (name != null) {
                        readByKey.add(new ObjectRef(KubernetesKeyPlaces.kindOfReference(field), name, namespace));
                    }
                }
                return super.visitMappingEntry(entry, c);
            }
        }.visit(doc, ctx);
    }

    /** Whether the repository defines the object (a manifest, a generator, an ExternalSecret's target). */
    public synchronized boolean defines(ObjectRef object) {
        return definitions.stream().anyMatch(d -> d.object().sameAs(object));
    }

    /** Whether every definition of the object here seals its keys in one ciphertext, where no key can be renamed. */
    public synchronized boolean sealsKeys(ObjectRef object) {
        return definitions.stream().anyMatch(d -> d.object().sameAs(object))
                && definitions.stream().filter(d -> d.object().sameAs(object)).allMatch(Definition::sealedKeys);
    }

    /** Whether some definition of the object here holds {@code key}, which then gets the same rename as the reference. */
    public synchronized boolean definesKey(ObjectRef object, String key) {
        for (Definition d : definitions) {
            if (d.object().sameAs(object) && (d.keys().contains(key)
                    || d.envFiles().stream().anyMatch(f -> textAssignments.getOrDefault(f, Set.of()).contains(key)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether something here reads the object's keys as env var names ({@code envFrom}). */
    public synchronized boolean readWithEnvFrom(ObjectRef object) {
        return readWithEnvFrom.stream().anyMatch(r -> r.sameAs(object));
    }

    /** Whether anything here reads the object at all. */
    public synchronized boolean read(ObjectRef object) {
        return readWithEnvFrom(object) || readByKey.stream().anyMatch(r -> r.sameAs(object));
    }
}
