package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.runtime.PrefectListings;
import dev.migrate.analyzers.sources.runtime.PrefectRequirements;
import dev.migrate.analyzers.sources.runtime.RequirementsIncludes;
import dev.migrate.rewriters.python.PythonFile;
import org.openrewrite.ExecutionContext;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;

/**
 * The Python floor recipes' scanning pass: records the dependency files that list prefect, so a Dockerfile's
 * {@code -r requirements.txt}, a workflow's {@code pip install .} and a project's metadata can be told to install it.
 * Every {@code .txt} and {@code .in} file is offered too: a requirements file may list prefect only through a file
 * it includes ({@code -r base.txt}), whatever that file is called.
 */
abstract class PrefectListingRecipe extends ScanningRecipe<PrefectListings> {
    @Override
    public PrefectListings getInitialValue(ExecutionContext ctx) {
        return new PrefectListings();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(PrefectListings listings) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (tree instanceof SourceFile file) {
                    String path = file.getSourcePath().toString().replace('\\', '/');
                    if (PrefectRequirements.isDependencyFile(path) || RequirementsIncludes.mayBeIncluded(path)) {
                        String text = file instanceof PlainText p ? p.getText()
                                : file instanceof PythonFile py ? py.text() : file.printAll();
                        listings.offer(path, text);
                    }
                }
                return tree;
            }
        };
    }
}
