package dev.migrate.rewriters.python.test;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/** The OpenRewrite integration end to end: a recipe run over PythonFiles, its diff, and a stable second cycle. */
class ReplaceImportedCallTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceImportedCall("prefect.Flow", "prefect", "flow"));
    }

    @Test
    void replacesCallAndFixesImports() {
        rewriteRun(
                python(
                        """
                        from prefect import Flow, task

                        with Flow("etl") as f:  # the flow
                            task(1)
                        """,
                        """
                        from prefect import flow, task

                        with flow("etl") as f:  # the flow
                            task(1)
                        """));
    }

    @Test
    void resolvesModuleAliasesAndDropsTheAliasItMadeUnused() {
        rewriteRun(
                python(
                        """
                        import prefect as p
                        p.Flow('x')
                        """,
                        """
                        from prefect import flow
                        flow('x')
                        """));
    }

    @Test
    void leavesOtherFlowsAlone() {
        rewriteRun(
                python(
                        """
                        from mylib import Flow
                        Flow("not prefect")
                        """));
    }

    @Test
    void keepsFilesWithSyntaxErrorsIntact() {
        rewriteRun(
                python(
                        """
                        print "python 2"
                        """));
    }
}
