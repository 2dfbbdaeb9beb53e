package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.RequirementsFiles;
import java.util.Set;
import org.openrewrite.ExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.marker.SearchResult;

/**
 * A recipe precondition ({@code Preconditions.check}) that holds for pip requirements files as
 * {@link RequirementsFiles} names them, the definition the scan uses too (glob patterns missed
 * {@code docker-requirements.txt} and {@code requirements.in}), and for the files a recipe's scanning pass found
 * requirements files to include ({@code -r base.txt}, {@code -c pins.txt}), which pip reads the same way whatever
 * their names.
 */
public final class IsRequirementsFile extends TreeVisitor<Tree, ExecutionContext> {
    private final Set<String> included;

    public IsRequirementsFile() {
        this(Set.of());
    }

    /** @param included paths relative to the root, '/' separators, of files that requirements files include */
    public IsRequirementsFile(Set<String> included) {
        this.included = included;
    }

    @Override
    public Tree visit(Tree tree, ExecutionContext ctx) {
        if (tree instanceof SourceFile sf) {
            String path = sf.getSourcePath().toString().replace('\\', '/');
            return RequirementsFiles.isRequirements(path) || included.contains(path) ? SearchResult.found(tree) : tree;
        }
        return tree;
    }
}
