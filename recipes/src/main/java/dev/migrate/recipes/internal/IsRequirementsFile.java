package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.RequirementsFiles;
import org.openrewrite.ExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.marker.SearchResult;

/**
 * A recipe precondition ({@code Preconditions.check}) that holds for pip requirements files as
 * {@link RequirementsFiles} names them, the definition the scan uses too (glob patterns missed
 * {@code docker-requirements.txt} and {@code requirements.in}).
 */
public final class IsRequirementsFile extends TreeVisitor<Tree, ExecutionContext> {
    @Override
    public Tree visit(Tree tree, ExecutionContext ctx) {
        return tree instanceof SourceFile sf && RequirementsFiles.isRequirements(sf.getSourcePath().toString())
                ? SearchResult.found(tree) : tree;
    }
}
