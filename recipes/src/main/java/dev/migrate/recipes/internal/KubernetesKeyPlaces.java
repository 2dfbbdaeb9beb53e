package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.k8s.KubernetesDataSections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.Cursor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Where a YAML scalar stands among the Kubernetes objects that carry environment variables: the key of a Secret's or
 * ConfigMap's data (a SealedSecret's too), or the {@code key:} of a reference into one ({@code secretKeyRef},
 * {@code configMapKeyRef}, a volume's {@code items}). Read from the tree alone, so the scanner and the rename see the
 * same things. (The analyzers' {@code sources.k8s.KubernetesObjects} is another job: it lists a manifest's objects
 * for the scan's detectors.)
 */
public final class KubernetesKeyPlaces {
    public static final String SECRET = KubernetesDataSections.SECRET;
    public static final String CONFIG_MAP = KubernetesDataSections.CONFIG_MAP;
    static final String SEALED_SECRET = KubernetesDataSections.SEALED_SECRET;

    /*
     * Which sections hold an object's keys is the scan's reading too (KubernetesDataSections), so the scan reports the
     * keys renamed here. Renaming a key of a SealedSecret's spec.encryptedData keeps its value decryptable: the
     * controller seals each value with the RSA-OAEP label namespace/name (strict scope, the default), namespace
     * (namespace-wide) or nothing (cluster-wide), never with the key, and unseals each value under the key it stands
     * at. So the keys are renamed like a Secret's, the ciphertexts untouched, and the name and namespace, which the
     * label binds, are never renamed. The deprecated spec.data seals the whole Secret, keys included, in one
     * ciphertext: there nothing can be renamed, and a key reference into it is kept with a note (KeyRefNotes).
     */

    private KubernetesKeyPlaces() {
    }

    /**
     * A Secret or ConfigMap by name; {@code namespace} null when the manifest gives none (kustomize or
     * {@code kubectl -n} sets it at apply time, so it matches any).
     */
    public record ObjectRef(String kind, String name, String namespace) {
        /** Whether both name the same object: same kind and name, and the same namespace when both give one. */
        public boolean sameAs(ObjectRef other) {
            return kind.equals(other.kind) && name.equals(other.name)
                    && (namespace == null || other.namespace == null || namespace.equals(other.namespace));
        }

        @Override
        public String toString() {
            return kind + " " + name + (namespace == null ? "" : " (namespace " + namespace + ")");
        }
    }

    /**
     * A reference to one key of a Secret or ConfigMap.
     *
     * @param object  the object read
     * @param envName the env var the key sets ({@code env[].name}), or null for a volume's item
     * @param key     the key read
     */
    public record KeyRef(ObjectRef object, String envName, String key) {
    }

    /** The scalar fields of a block mapping or of a flow mapping written as one scalar; empty for anything else. */
    static Map<String, String> fields(Yaml.Block block) {
        Map<String, String> out = new LinkedHashMap<>();
        if (block instanceof Yaml.Mapping m) {
            m.getEntries().forEach(e -> {
                if (e.getValue() instanceof Yaml.Scalar v) {
                    out.put(e.getKey().getValue(), v.getValue());
                }
            });
        } else if (block instanceof Yaml.Scalar s) {
            // {name: prefect, key: PREFECT_API_KEY}, which the parser keeps as one scalar: read as the mapping it is
            FlowMappings.entries(s.getValue()).ifPresent(entries -> entries.stream().filter(e -> e.value() != null)
                    .forEach(e -> out.put(e.key(), e.value())));
        }
        return out;
    }

    /**
     * A flow mapping scalar with its {@code key:} field set to {@code key}, the rest as written; the same scalar when
     * it has no such field.
     */
    public static Yaml.Scalar withFlowKey(Yaml.Scalar flow, String key) {
        return FlowMappings.withValue(flow.getValue(), "key", key).map(flow::withValue).orElse(flow);
    }

    /** The scalar under {@code key} of a mapping, or null. */
    static String scalar(Yaml.Mapping m, String key) {
        Yaml.Block v = value(m, key);
        return v instanceof Yaml.Scalar s ? s.getValue() : null;
    }

    static Yaml.Block value(Yaml.Mapping m, String key) {
        for (Yaml.Mapping.Entry e : m.getEntries()) {
            if (key.equals(e.getKey().getValue())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The {@code metadata.namespace} of the document's object, or null. */
    static String namespaceOf(Yaml.Document doc) {
        return doc != null && doc.getBlock() instanceof Yaml.Mapping top ? fields(value(top, "metadata")).get("namespace")
                : null;
    }

    /**
     * The Secret or ConfigMap a document defines, or empty: a Secret or ConfigMap manifest, or a SealedSecret, which
     * defines the Secret the controller makes of it, under the SealedSecret's own name and namespace (kubeseal copies
     * the sealed Secret's metadata into {@code spec.template.metadata}, whose namespace stands for a missing one).
     */
    static Optional<ObjectRef> definedBy(Yaml.Document doc) {
        if (doc == null || !(doc.getBlock() instanceof Yaml.Mapping top)) {
            return Optional.empty();
        }
        String kind = scalar(top, "kind");
        Map<String, String> meta = fields(value(top, "metadata"));
        if (SEALED_SECRET.equals(kind) && meta.get("name") != null) {
            String namespace = meta.get("namespace") != null ? meta.get("namespace")
                    : value(top, "spec") instanceof Yaml.Mapping spec && value(spec, "template") instanceof Yaml.Mapping t
                            ? fields(value(t, "metadata")).get("namespace") : null;
            return Optional.of(new ObjectRef(SECRET, meta.get("name"), namespace));
        }
        if (!(SECRET.equals(kind) || CONFIG_MAP.equals(kind)) || meta.get("name") == null) {
            return Optional.empty();
        }
        return Optional.of(new ObjectRef(kind, meta.get("name"), meta.get("namespace")));
    }

    /**
     * The sections of the document whose keys are keys of the object it defines ({@link #definedBy}): a block mapping,
     * or a flow mapping the parser kept as one scalar ({@link FlowMappings}).
     */
    static List<Yaml.Block> dataSections(Yaml.Document doc) {
        List<Yaml.Block> out = new ArrayList<>();
        if (definedBy(doc).isEmpty()) {
            return out;
        }
        Yaml.Mapping top = (Yaml.Mapping) doc.getBlock();
        for (List<String> path : KubernetesDataSections.of(scalar(top, "kind"))) {
            Yaml.Block at = top;
            for (String field : path) {
                at = at instanceof Yaml.Mapping m ? value(m, field) : null;
            }
            if (at != null) {
                out.add(at);
            }
        }
        return out;
    }

    /** The keys of a data section: its entries' keys, also those of a flow mapping written as one scalar. */
    static Set<String> keysOf(Yaml.Block section) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        if (section instanceof Yaml.Mapping data) {
            data.getEntries().forEach(e -> keys.add(e.getKey().getValue()));
        } else if (section instanceof Yaml.Scalar flow) {
            FlowMappings.entries(flow.getValue()).ifPresent(entries -> entries.forEach(e -> keys.add(e.key())));
        }
        return keys;
    }

    /**
     * True when the document is a SealedSecret sealed the deprecated way, the whole Secret in one {@code spec.data}
     * ciphertext: its keys are inside it, so none can be read or renamed here.
     */
    static boolean sealedAsOneBlob(Yaml.Document doc) {
        return doc != null && doc.getBlock() instanceof Yaml.Mapping top && SEALED_SECRET.equals(scalar(top, "kind"))
                && value(top, "spec") instanceof Yaml.Mapping spec && value(spec, "data") != null
                && value(spec, "encryptedData") == null;
    }

    /** The kind a reference field reads: {@code secretKeyRef}, {@code secretRef}, a {@code secret} volume. */
    static String kindOfReference(String field) {
        return switch (field) {
            case "secretKeyRef", "secretRef", "secret" -> SECRET;
            case "configMapKeyRef", "configMapRef", "configMap" -> CONFIG_MAP;
            default -> null;
        };
    }

    /**
     * The object whose data key the cursor's scalar is: a key of {@code data}, {@code stringData} or
     * {@code binaryData} at the top of a Secret or ConfigMap manifest, or of a SealedSecret's sections.
     */
    public static Optional<ObjectRef> dataKeyOwner(Cursor scalar) {
        Cursor entry = scalar.getParentTreeCursor();
        if (!(entry.getValue() instanceof Yaml.Mapping.Entry e) || e.getKey() != scalar.getValue()) {
            return Optional.empty();
        }
        return sectionOwner(entry.getParentTreeCursor().getValue(), scalar);
    }

    /**
     * The object whose data section the cursor's scalar is, when it is a flow mapping kept as one scalar
     * ({@code data: {PREFECT_ORION_API_PORT: "4200"}}), whose keys are then the object's keys.
     */
    public static Optional<ObjectRef> flowDataOwner(Cursor scalar) {
        Cursor entry = scalar.getParentTreeCursor();
        if (!(entry.getValue() instanceof Yaml.Mapping.Entry e) || e.getValue() != scalar.getValue()
                || !((Yaml.Scalar) scalar.getValue()).getValue().startsWith("{")) {
            return Optional.empty();
        }
        return sectionOwner(scalar.getValue(), scalar);
    }

    /**
     * True when the cursor's scalar is a value of a SealedSecret's {@code encryptedData}: a ciphertext, which no
     * rename may touch.
     */
    public static boolean sealedValue(Cursor scalar) {
        Cursor entry = scalar.getParentTreeCursor();
        if (!(entry.getValue() instanceof Yaml.Mapping.Entry e) || e.getValue() != scalar.getValue()) {
            return false;
        }
        Yaml.Document doc = scalar.firstEnclosing(Yaml.Document.class);
        return doc != null && doc.getBlock() instanceof Yaml.Mapping top && SEALED_SECRET.equals(scalar(top, "kind"))
                && value(top, "spec") instanceof Yaml.Mapping spec
                && value(spec, "encryptedData") == entry.getParentTreeCursor().getValue();
    }

    /** The object whose data section {@code section} is (by identity), within the document of {@code at}. */
    private static Optional<ObjectRef> sectionOwner(Object section, Cursor at) {
        Yaml.Document doc = at.firstEnclosing(Yaml.Document.class);
        return dataSections(doc).stream().anyMatch(s -> s == section) ? definedBy(doc) : Optional.empty();
    }

    /**
     * The reference the cursor's scalar is the {@code key:} of: {@code secretKeyRef}/{@code configMapKeyRef}
     * ({@code {name, key}}), or an item of a {@code secret}/{@code configMap} volume's {@code items}.
     */
    public static Optional<KeyRef> keyRefAt(Cursor scalar) {
        Cursor entry = scalar.getParentTreeCursor();
        if (entry.getValue() instanceof Yaml.Mapping.Entry flow && flow.getValue() == scalar.getValue()
                && flow.getKey().getValue().endsWith("KeyRef") && kindOfReference(flow.getKey().getValue()) != null) {
            Map<String, String> ref = fields(flow.getValue());
            return ref.containsKey("name") && ref.containsKey("key")
                    ? Optional.of(new KeyRef(new ObjectRef(kindOfReference(flow.getKey().getValue()), ref.get("name"),
                            namespaceOf(scalar.firstEnclosing(Yaml.Document.class))), envNameAbove(entry), ref.get("key")))
                    : Optional.empty();
        }
        if (!(entry.getValue() instanceof Yaml.Mapping.Entry e) || !"key".equals(e.getKey().getValue())
                || e.getValue() != scalar.getValue()) {
            return Optional.empty();
        }
        Cursor mapping = entry.getParentTreeCursor();
        if (!(mapping.getValue() instanceof Yaml.Mapping ref)) {
            return Optional.empty();
        }
        String namespace = namespaceOf(scalar.firstEnclosing(Yaml.Document.class));
        Cursor parent = mapping.getParentTreeCursor();
        if (parent.getValue() instanceof Yaml.Mapping.Entry field && kindOfReference(field.getKey().getValue()) != null
                && field.getKey().getValue().endsWith("KeyRef") && scalar(ref, "name") != null) {
            return Optional.of(new KeyRef(new ObjectRef(kindOfReference(field.getKey().getValue()), scalar(ref, "name"),
                    namespace), envNameAbove(parent), ((Yaml.Scalar) scalar.getValue()).getValue()));
        }
        // volumes: {secret: {secretName, items: [{key, path}]}}, {configMap: {name, items: [...]}}
        if (parent.getValue() instanceof Yaml.Sequence.Entry) {
            Cursor items = parent.getParentTreeCursor().getParentTreeCursor();
            if (items.getValue() instanceof Yaml.Mapping.Entry i && "items".equals(i.getKey().getValue())
                    && items.getParentTreeCursor().getValue() instanceof Yaml.Mapping volume
                    && items.getParentTreeCursor().getParentTreeCursor().getValue() instanceof Yaml.Mapping.Entry source) {
                String kind = kindOfReference(source.getKey().getValue());
                String name = SECRET.equals(kind) && scalar(volume, "secretName") != null ? scalar(volume, "secretName")
                        : scalar(volume, "name");
                if (kind != null && !source.getKey().getValue().endsWith("Ref") && name != null) {
                    return Optional.of(new KeyRef(new ObjectRef(kind, name, namespace), null,
                            ((Yaml.Scalar) scalar.getValue()).getValue()));
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code name:} of the env item whose {@code valueFrom} holds the reference entry {@code field}, or null. */
    private static String envNameAbove(Cursor field) {
        Cursor valueFrom = field.getParentTreeCursor().getParentTreeCursor();
        if (valueFrom.getValue() instanceof Yaml.Mapping.Entry v && "valueFrom".equals(v.getKey().getValue())
                && valueFrom.getParentTreeCursor().getValue() instanceof Yaml.Mapping item) {
            return scalar(item, "name");
        }
        return null;
    }

    /** The kinds of the External Secrets Operator whose fields name entries of an outside secret store. */
    private static final Set<String> EXTERNAL_SECRET_KINDS = Set.of("ExternalSecret", "ClusterExternalSecret", "PushSecret");

    /**
     * True when the cursor's scalar stands under an ExternalSecret's {@code remoteRef} (or {@code dataFrom}'s
     * {@code extract}/{@code find}): a name in the outside secret store, which no rename here reaches.
     */
    public static boolean inRemoteRef(Cursor scalar) {
        Yaml.Document doc = scalar.firstEnclosing(Yaml.Document.class);
        if (doc == null || !(doc.getBlock() instanceof Yaml.Mapping top) || scalar(top, "kind") == null
                || !EXTERNAL_SECRET_KINDS.contains(scalar(top, "kind"))) {
            return false;
        }
        for (Cursor c = scalar.getParentTreeCursor(); !(c.getValue() instanceof Yaml.Document); c = c.getParentTreeCursor()) {
            if (c.getValue() instanceof Yaml.Mapping.Entry e && Set.of("remoteRef", "extract", "find", "selector")
                    .contains(e.getKey().getValue())) {
                return true;
            }
        }
        return false;
    }
}
