package dev.migrate.recipes.internal;

import dev.migrate.recipes.internal.KubernetesKeyPlaces.ObjectRef;

/** The messages of the notes a settings rename leaves at Kubernetes key references and Secret keys. */
final class KeyRefNotes {
    private KeyRefNotes() {
    }

    /** How the repository defines the object a kept key reference reads. */
    enum Defined { NOT_HERE, WITHOUT_KEY, SEALED_AS_ONE_BLOB }

    /**
     * A key reference kept as written: its object is not defined here (or not with that key), so its keys stay as
     * they are. Says which key the object must gain (when {@code envFrom} also reads it, its keys are settings'
     * names) or that the key can stay (it only names a key; the env var's name is the setting).
     *
     * @param defined   whether and how the repository defines the object (without this key, or sealed out of sight)
     * @param envFrom   whether an {@code envFrom} here reads the same object
     * @param envName   the env var the reference sets, as renamed; null for a volume's item
     * @param oldOnTarget what the old name still does on the target ("Prefect 3 does not read the old name")
     */
    static String kept(ObjectRef object, Defined defined, boolean envFrom, String envName, String key, String renamed,
            String oldOnTarget) {
        String field = envName == null ? "the volume item's key" : (KubernetesKeyPlaces.SECRET.equals(object.kind())
                ? "secretKeyRef" : "configMapKeyRef") + ".key of env " + envName;
        String where = switch (defined) {
            case WITHOUT_KEY -> object + " is defined in this repository without the key " + key + " (it is added elsewhere)";
            case SEALED_AS_ONE_BLOB -> object + " is a SealedSecret's deprecated spec.data here, which seals its keys "
                    + "inside one ciphertext that no rename can reach (reseal it with kubeseal to rename a key)";
            case NOT_HERE -> object + " is not defined in this repository (kubectl create, an operator, another repository)";
        };
        String then = envFrom
                ? object.kind() + " " + object.name() + " is also read with envFrom here, which makes each of its keys an "
                        + "env var's name: add the key " + renamed + " to it (" + oldOnTarget + ") and then rename this key"
                        + " to " + renamed + " too"
                : "the key can stay " + key + (envName == null ? "" : ": only the env var's name (" + envName
                        + ") is a setting")
                        + "; if the key in " + object.kind() + " " + object.name() + " is renamed to " + renamed
                        + ", rename this key with it";
        return field + " is kept as " + key + ": " + where + ", and the key must name one it has. " + capitalized(then);
    }

    /**
     * A key of a Secret or ConfigMap that nothing here reads, renamed as the setting's name that {@code envFrom}
     * makes it; a key reference elsewhere must follow.
     */
    static String unread(ObjectRef object, String key, String renamed) {
        return object + " is read by nothing in this repository: its key " + key + " is renamed to " + renamed
                + ", the setting's name when envFrom (or a chart's extraEnvVarsSecret/extraEnvVarsCM) reads it; "
                + "a secretKeyRef or configMapKeyRef elsewhere that reads " + key + " must read " + renamed + " now";
    }

    /**
     * The data of a Secret or ConfigMap written as a flow mapping that does not read as YAML on its own (a template in
     * it): left as written, since the key references into it cannot be checked against its keys.
     */
    static String unreadableFlow(ObjectRef object) {
        return "the data of " + object + " is a flow mapping ({...}) that does not read as YAML on its own (a template "
                + "in it?), so its keys are left as written: rename the Prefect settings among them by hand, with every "
                + "secretKeyRef, configMapKeyRef or volume item that reads them";
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
