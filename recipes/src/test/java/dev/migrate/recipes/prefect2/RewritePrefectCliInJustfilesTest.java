package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RewritePrefectCliInJustfilesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInJustfiles());
    }

    // a justfile names its block in a just variable ({{infra}}), an exported one ($STORAGE) or the .env that
    // dotenv-load reads ($INFRA): each chooses the pool, and `{{ infra }}` keeps its spelling
    @DocumentExample
    @Test
    void justVariablesExportsAndTheDotenvFileNameTheBlocks() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> {
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains(
                        "`docker-container/etl`, the value of {{ infra }} set above"));
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains(
                        "`kubernetes-job/prod`, the value of $INFRA set in .env:2"));
            }),
            text("# cluster\nINFRA=kubernetes-job/prod\n", spec -> spec.path(".env")),
            text(
            """
            set dotenv-load

            infra := "docker-container/etl"
            export STORAGE := 's3/flows'

            # build the deployments
            deploy:
                prefect deployment build flows/etl.py:etl -n etl -ib {{ infra }} -a
                @prefect deployment build flows/etl.py:etl -n etl2 -ib $INFRA -a
            """,
            """
            set dotenv-load

            infra := "docker-container/etl"
            export STORAGE := 's3/flows'

            # build the deployments
            deploy:
                prefect --no-prompt deploy --pool etl flows/etl.py:etl --name etl
                @prefect --no-prompt deploy --pool prod flows/etl.py:etl --name etl2
            """,
            spec -> spec.path("justfile")));
    }

    // a recipe's parameter is what its lines read, not the variable of the same name; without `set export` (or
    // `export`) a just variable is no shell variable; just leaves `$` to the shell (no make `$(I)` reading)
    @Test
    void aParameterOrAnUnexportedVariableDoesNotNameTheBlock() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows ->
                assertThat(rows).noneSatisfy(r -> assertThat(r.message()).contains("make's"))),
            text(
            """
            infra := "docker-container/etl"

            deploy infra="process/x":
                prefect deployment build flows/etl.py:etl -n etl -ib {{infra}} -a
            other:
                prefect deployment build flows/etl.py:etl -n etl2 -ib $infra -a
            """,
            """
            infra := "docker-container/etl"

            deploy infra="process/x":
                prefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name etl
            other:
                prefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name etl2
            """,
            spec -> spec.path("justfile")));
    }

    // `set export` puts every just variable in the recipe lines' environment
    @Test
    void setExportMakesJustVariablesTheShells() {
        rewriteRun(text(
            "set export\ninfra := \"kubernetes-job/prod\"\ndeploy:\n\tprefect deployment build a.py:a -n a -ib $infra -a\n",
            "set export\ninfra := \"kubernetes-job/prod\"\ndeploy:\n\tprefect --no-prompt deploy --pool prod a.py:a --name a\n",
            spec -> spec.path("justfile")));
    }

    // an interpolation whose expression keeps a space cannot be read as shell words: left, with the form to write
    @Test
    void anInterpolationHoldingAQuotedSpaceIsLeftWithANote() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).anySatisfy(r -> {
                assertThat(r.manual()).isTrue();
                assertThat(r.message()).contains("holds a space inside its braces");
            })),
            text("deploy:\n    prefect deployment build a.py:a -n {{ \"etl \" + env }} -a\n",
                spec -> spec.path("justfile")));
    }

    // a word the translation keeps keeps the user's spelling of the interpolation
    @Test
    void aKeptInterpolationKeepsItsSpaces() {
        rewriteRun(text(
            "agent queue=\"default\":\n    prefect agent start -q {{ queue }}\n",
            "agent queue=\"default\":\n    prefect worker start --work-queue {{ queue }} --pool process-pool --type process\n",
            spec -> spec.path("justfile")));
    }

    @Test
    void aJustfileWithoutPrefect2CommandsIsNotChanged() {
        rewriteRun(text("set dotenv-load\ninfra := \"x\"\nwork:\n    prefect worker start --pool {{ infra }}\n",
                spec -> spec.path("justfile")));
    }
}
