package dev.migrate.recipes.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;

/** A full heap is the environment's problem, not a recipe's bug: the engine lets it through to the CLI. */
class OutOfMemoryTest {
    @TempDir
    Path project;

    static final class FillsTheHeap extends Recipe {
        @Override
        public String getDisplayName() {
            return "Fill the heap";
        }

        @Override
        public String getDescription() {
            return "Test recipe that runs out of memory.";
        }

        @Override
        public TreeVisitor<?, ExecutionContext> getVisitor() {
            return new PythonVisitor<>() {
                @Override
                public Tree visitPythonFile(PythonFile file, ExecutionContext ctx) {
                    throw new OutOfMemoryError("Java heap space (test)");
                }
            };
        }
    }

    @Test
    void runningOutOfHeapInARecipeIsNotReportedAsThatRecipesFailure() throws Exception {
        Files.writeString(project.resolve("job.py"), "x = 1\n");
        RewriteEngine engine = new RewriteEngine(new FillsTheHeap(), PrefectTarget.defaultTarget(), true);
        assertThatThrownBy(() -> engine.run(project)).isInstanceOf(OutOfMemoryError.class)
                .hasMessageContaining("(test)");
    }
}
