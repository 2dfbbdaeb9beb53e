package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;

class UnwrapVariableGetValueTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new UnwrapVariableGetValue());
    }

    @DocumentExample
    @Test
    void valueAttributeIsDropped() {
        rewriteRun(python(
            """
            from prefect.variables import Variable

            bucket = Variable.get("bucket").value
            size = int(Variable.get("batch_size", default="10").value)
            """,
            """
            from prefect.variables import Variable

            bucket = Variable.get("bucket")
            size = int(Variable.get("batch_size", default="10"))
            """));
    }

    @Test
    void withoutUnsafeFixesItBecomesANote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class,
                rows -> assertThat(rows).singleElement().matches(MigrationNotes.Row::manual)),
            python(
            """
            from prefect.variables import Variable
            bucket = Variable.get("bucket").value
            """));
    }

    @Test
    void otherValueAttributesAreLeftAlone() {
        rewriteRun(python(
            """
            from prefect.variables import Variable
            from prefect.blocks.system import Secret

            token = Secret.load("token").get()
            v = Variable.get("x")
            other = config.get("x").value
            """));
    }

    // an async flow kept the awaited Variable in a name and read `.value` twice; the scan reported BHV003 with this
    // recipe as the fix, which changed nothing
    @Test
    void awaitedGetsAndNamesBoundToThemLoseValue() {
        rewriteRun(python(
            """
            from prefect import flow
            from prefect.variables import Variable


            @flow
            async def load():
                data_path = await Variable.get("data_path")
                files = f"{data_path.value}/bronze"
                limit = (await Variable.get("limit")).value
                return files, data_path.value, limit


            def other(data_path):
                return data_path.value
            """,
            """
            from prefect import flow
            from prefect.variables import Variable


            @flow
            async def load():
                data_path = await Variable.get("data_path")
                files = f"{data_path}/bronze"
                limit = (await Variable.get("limit"))
                return files, data_path, limit


            def other(data_path):
                return data_path.value
            """));
    }

    @Test
    void aNameAlsoBoundToSomethingElseKeepsValue() {
        rewriteRun(python(
            """
            from prefect.variables import Variable

            path = Variable.get("data_path")
            if not path:
                path = Config.load()
            print(path.value)
            """));
    }
}
