package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.PrefectProjectFiles;
import org.openrewrite.Cursor;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.marker.SearchResult;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Which files are prefect.yaml files (Prefect project files), by the scan's own rule ({@link PrefectProjectFiles}), and
 * how to tell their top-level keys and deployment entries apart.
 */
final class PrefectYamlFiles {
    private PrefectYamlFiles() {
    }

    /** An edit of one mapping entry of a prefect.yaml file (the entry itself when nothing changes). */
    @FunctionalInterface
    interface EntryEdit {
        Yaml.Mapping.Entry edit(Yaml.Mapping.Entry entry, Cursor cursor, ExecutionContext ctx);
    }

    /**
     * A precondition that finds a Prefect project file: one of Prefect's names, one of the names beside it with a
     * project file's shape, or a YAML file of that shape that a {@code --prefect-file} of the run names (asked only of
     * such a file: most runs have none). The scan reports the same files ({@link PrefectProjectFiles}).
     */
    static TreeVisitor<?, ExecutionContext> projectFiles(NamedPrefectFiles named) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                return tree instanceof Yaml.Documents docs && isProjectFile(docs, named) ? SearchResult.found(tree) : tree;
            }
        };
    }

    /** Whether {@code docs} is a Prefect project file of the run ({@link #projectFiles}). */
    static boolean isProjectFile(Yaml.Documents docs, NamedPrefectFiles named) {
        String path = docs.getSourcePath().normalize().toString().replace('\\', '/');
        if (PrefectProjectFiles.isDefaultName(docs.getSourcePath().getFileName().toString())) {
            return true;
        }
        if (PrefectProjectFiles.mayBeByName(path)) {
            // printed only for a file of such a name, whose shape tells a project file from a manifest or values file
            return PrefectProjectFiles.isProjectFile(path, docs.printAll()) || NamedPrefectFiles.mayBeDeploymentFile(docs)
                    && named.isNamed(docs.getSourcePath());
        }
        return NamedPrefectFiles.mayBeDeploymentFile(docs) && named.isNamed(docs.getSourcePath());
    }

    /** A visitor of prefect.yaml files that hands every mapping entry, after its children, to {@code edit}. */
    static TreeVisitor<?, ExecutionContext> entries(NamedPrefectFiles named, EntryEdit edit) {
        return Preconditions.check(projectFiles(named), new YamlIsoVisitor<>() {
            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext ctx) {
                return edit.edit(super.visitMappingEntry(entry, ctx), getCursor(), ctx);
            }
        });
    }

    /** The directory of a project file, as a relative path ({@code ""} for the project root). */
    static java.nio.file.Path directoryOf(java.nio.file.Path file) {
        return file.getParent() == null ? java.nio.file.Path.of("") : file.getParent();
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

    /**
     * The {@code name:} of a deployment entry, or null when it has none: no key, or a YAML null ({@code null},
     * {@code ~}, nothing) or blank, which Prefect does not take for a name (the scan's PF232).
     */
    static String deploymentName(Yaml.Mapping deployment) {
        for (Yaml.Mapping.Entry e : deployment.getEntries()) {
            if ("name".equals(e.getKey().getValue()) && e.getValue() instanceof Yaml.Scalar s) {
                boolean yamlNull = s.getStyle() == Yaml.Scalar.Style.PLAIN
                        && s.getValue().matches("null|Null|NULL|~|");
                return yamlNull || s.getValue().isBlank() ? null : s.getValue();
            }
        }
        return null;
    }
}
