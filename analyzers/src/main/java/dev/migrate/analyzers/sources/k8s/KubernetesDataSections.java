package dev.migrate.analyzers.sources.k8s;

import java.util.List;
import java.util.Map;

/**
 * Where a Kubernetes object keeps the keys of the Secret or ConfigMap it defines: the one reading of "which keys does
 * this manifest give its Secret" that the scan ({@link SettingKeysDetector}) and the settings rename (the recipes'
 * {@code KubernetesKeyPlaces}) share, so a key the rewrite renames is a key the scan reports, and no other.
 *
 * <p>A Secret's {@code data}, {@code stringData} and {@code binaryData}, and a ConfigMap's, are its keys. A Bitnami
 * SealedSecret defines the Secret the sealed-secrets controller makes of it: the keys of {@code spec.encryptedData}
 * (each value sealed on its own) and of {@code spec.template.data} (values templated from the unsealed ones). Its
 * deprecated {@code spec.data} seals the whole Secret, keys included, in one ciphertext, so no key can be read there.
 */
public final class KubernetesDataSections {
    public static final String SECRET = "Secret";
    public static final String CONFIG_MAP = "ConfigMap";
    /** Bitnami's SealedSecret, which the sealed-secrets controller unseals into a Secret of its own name and namespace. */
    public static final String SEALED_SECRET = "SealedSecret";

    private static final List<List<String>> PLAIN = List.of(List.of("data"), List.of("stringData"), List.of("binaryData"));
    private static final Map<String, List<List<String>>> BY_KIND = Map.of(SECRET, PLAIN, CONFIG_MAP, PLAIN,
            SEALED_SECRET, List.of(List.of("spec", "encryptedData"), List.of("spec", "template", "data")));

    private KubernetesDataSections() {
    }

    /**
     * The paths, from the object's root, of the mappings whose keys are keys of the Secret or ConfigMap an object of
     * {@code kind} defines; none for another kind (or null).
     */
    public static List<List<String>> of(String kind) {
        return kind == null ? List.of() : BY_KIND.getOrDefault(kind, List.of());
    }
}
