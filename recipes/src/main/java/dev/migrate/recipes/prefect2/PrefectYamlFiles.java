package dev.migrate.recipes.prefect2;

import org.openrewrite.Cursor;
import org.openrewrite.yaml.tree.Yaml;

/** Where prefect.yaml files are and how to tell their top-level keys and deployment entries apart. */
final class PrefectYamlFiles {
    /** {@code prefect deploy --prefect-file} allows other names; these are the ones seen in practice. */
    static final String PATTERN = "**/prefect.yaml;**/prefect.yml;**/prefect-*.yaml;**/prefect-*.yml;**/prefect_*.yaml";

    private PrefectYamlFiles() {
    }

    /** True when the cursor's mapping entry sits directly in the document's root mapping. */
    static boolean isTopLevel(Cursor entryCursor) {
        Cursor mapping = entryCursor.getParentTreeCursor();
        return mapping.getValue() instanceof Yaml.Mapping && mapping.getParentTreeCursor().getValue() instanceof Yaml.Document;
    }

    /** True when the cursor's mapping is one item of the top-level {@code deployments:} sequence. */
    static boolean isDeploymentEntry(Cursor mappingCursor) {
        Cursor seqEntry = mappingCursor.getParentTreeCursor();
        if (!(seqEntry.getValue() instanceof Yaml.Sequence.Entry)) {
            return false;
        }
        Cursor entry = seqEntry.getParentTreeCursor().getParentTreeCursor();
        return entry.getValue() instanceof Yaml.Mapping.Entry e && "deployments".equals(e.getKey().getValue())
                && isTopLevel(entry);
    }
}
