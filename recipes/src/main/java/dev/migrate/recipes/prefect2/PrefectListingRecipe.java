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
    /**
     * The file decided last, with its path when it is offered (null when not): OpenRewrite hands one file to the four
     * listing recipes in turn, so its path is built and its name read once, by the tree's identity, not once per recipe.
     * Kept across runs and threads alike: a tree's path never changes.
     */
    private record Decision(SourceFile file, String offeredPath) {
    }

    private static volatile Decision last;

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
                    String path = offeredPath(file);
                    if (path != null) {
                        String text = file instanceof PlainText p ? p.getText()
                                : file instanceof PythonFile py ? py.text() : file.printAll();
                        listings.offer(path, text);
                    }
                }
                return tree;
            }
        };
    }

    /** The file's path when it is a dependency file or one a requirements file may include; else null. */
    private static String offeredPath(SourceFile file) {
        Decision d = last;
        if (d == null || d.file() != file) {
            String path = file.getSourcePath().toString().replace('\\', '/');
            d = new Decision(file, PrefectRequirements.isDependencyFile(path) || RequirementsIncludes.mayBeIncluded(path)
                    ? path : null);
            last = d;
        }
        return d.offeredPath();
    }
}
