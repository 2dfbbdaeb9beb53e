package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;

class ReplaceSystemBlocksWithVariablesTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceSystemBlocksWithVariables());
    }

    // deploy scripts read job variables from a JSON block and setup scripts saved configuration in one: on
    // Prefect 3.8 the import alone fails (the blocks were removed in 3.5)
    @DocumentExample
    @Test
    void loadedValuesAndSavedBlocksBecomeVariables() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).hasSize(3)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("PF219"))),
            python(
            """
            from prefect.blocks.system import JSON, String

            DEFAULTS = JSON.load("default-job-variables").value
            BUCKET = String.load(name="bucket").value


            def setup(config):
                JSON(value=config).save("pipeline-config", overwrite=True)
            """,
            """
            from prefect.variables import Variable

            DEFAULTS = Variable.get("default-job-variables")
            BUCKET = Variable.get("bucket")


            def setup(config):
                Variable.set("pipeline-config", config, overwrite=True)
            """));
    }

    @Test
    void otherUsesOfTheBlocksAndDateTimeStay() {
        rewriteRun(python(
            """
            from prefect.blocks.system import JSON, DateTime

            block = JSON.load("cfg")
            start = DateTime.load("start").value
            JSON(value={"a": 1}).save("cfg", overwrite=True, client=None)
            """));
    }

    @Test
    void beforePrefect35TheDeprecatedBlocksStay() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse("3.4").putInto(ctx);
        rewriteRun(spec -> spec.executionContext(ctx),
            python("from prefect.blocks.system import JSON\ncfg = JSON.load(\"cfg\").value\n"));
    }

    @Test
    void withoutUnsafeFixesItIsANote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .singleElement().satisfies(r -> assertThat(r.message()).startsWith("unsafe fix not applied")
                        .contains("Variable.get(\"cfg\")"))),
            python("from prefect.blocks.system import JSON\ncfg = JSON.load(\"cfg\").value\n"));
    }
}
