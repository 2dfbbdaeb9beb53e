package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.internal.FilesByPath;
import org.openrewrite.Cursor;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/** Where prefect.yaml files are and how to tell their top-level keys and deployment entries apart. */
final class PrefectYamlFiles {
    /** {@code prefect deploy --prefect-file} allows other names; these are the ones seen in practice. */
    static final String PATTERN = "**/prefect.yaml;**/prefect.yml;**/prefect-*.yaml;**/prefect-*.yml;**/prefect_*.yaml";

    private PrefectYamlFiles() {
    }

    /** An edit of one mapping entry of a prefect.yaml file (the entry itself when nothing changes). */
    @FunctionalInterface
    interface EntryEdit {
        Yaml.Mapping.Entry edit(Yaml.Mapping.Entry entry, Cursor cursor, ExecutionContext ctx);
    }

    /** A visitor of prefect.yaml files that hands every mapping entry, after its children, to {@code edit}. */
    static TreeVisitor<?, ExecutionContext> entries(EntryEdit edit) {
        return Preconditions.check(FilesByPath.matching(PATTERN), new YamlIsoVisitor<>() {
            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext ctx) {
                return edit.edit(super.visitMappingEntry(entry, ctx), getCursor(), ctx);
            }
        });
    }

    /** True when the cursor's mapping entry sits directly in the document's root mapping. */
    /** The directory of a project file, as a relative path ({@code ""} for the project root). */
    static java.nio.file.Path directoryOf(java.nio.file.Path file) {
        return file.getParent() == null ? java.nio.file.Path.of("") : file.getParent();
    }

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
