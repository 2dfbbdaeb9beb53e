package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RewritePrefectCliInMakefilesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInMakefiles());
    }

    @DocumentExample
    @Test
    void recipeLinesAreRewrittenAndTargetsKept() {
        rewriteRun(text(
            "deploy: ## apply the deployment\n"
                + "\t@prefect deployment apply pipeline-deployment.yaml\n"
                + "agent:\n"
                + "\tprefect agent start -q default\n",
            "deploy: ## apply the deployment\n"
                + "\t@prefect --no-prompt deploy --all\n"
                + "agent:\n"
                + "\tprefect worker start --work-queue default --pool process-pool --type process\n",
            spec -> spec.path("Makefile")));
    }

    @Test
    void variableLinesMentioningPrefectAreNotCommands() {
        rewriteRun(text("AGENT_CMD = prefect agent start -q default\nrun:\n\techo $(AGENT_CMD)\n",
            spec -> spec.path("Makefile")));
    }

    // a start target running `$(START_AGENT)`: scan reported the agent in the variable, the rewrite left it silently
    @Test
    void variablesThatRecipesRunAreCommands() {
        rewriteRun(text(
            "START_AGENT = $(ENV)/bin/prefect agent start -q etl >> logs/agent.log 2>&1 &\n"
                + "start:\n"
                + "\t@$(START_AGENT)\n",
            "START_AGENT = $(ENV)/bin/prefect worker start --work-queue etl --pool process-pool --type process >> logs/agent.log 2>&1 &\n"
                + "start:\n"
                + "\t@$(START_AGENT)\n",
            spec -> spec.path("Makefile")));
    }

    @Test
    void continuedRecipeLineKeepsItsLines() {
        rewriteRun(text(
            "deploy:\n"
                + "\tprefect deployment build flows/etl.py:etl \\\n"
                + "\t\t-n nightly \\\n"
                + "\t\t-a\n"
                + "\techo done\n",
            "deploy:\n"
                + "\tprefect --no-prompt deploy --pool process-pool flows/etl.py:etl \\\n"
                + "\t\t--name nightly\n"
                + "\techo done\n",
            spec -> spec.path("Makefile")));
    }

    @Test
    void continuedPrefect3RecipeLineIsLeftAlone() {
        rewriteRun(text("deploy:\n\tprefect deploy flows/etl.py:etl \\\n\t\t--name nightly\n",
            spec -> spec.path("Makefile")));
    }

    // make expands $(INFRA) from the assignment below the recipe: the deployment goes to a docker pool named after it
    @Test
    void aBlockInAMakeVariableChoosesThePool() {
        rewriteRun(text(
            """
            deploy:
            \tprefect deployment build flows/etl.py:etl -n etl -ib $(INFRA) -a

            INFRA ?= docker-container/etl-image
            """,
            """
            deploy:
            \tprefect --no-prompt deploy --pool etl-image flows/etl.py:etl --name etl

            INFRA ?= docker-container/etl-image
            """,
            spec -> spec.path("Makefile")));
    }

    // `$$INFRA` is the recipe shell's variable, set by the file the same line reads first: the build went to the
    // stand-in process pool where its block was a Kubernetes job. Another line's shell never read that file.
    @Test
    void aRecipeLinesShellVariableFromAFileItSourcesChoosesThePool() {
        rewriteRun(
            text("INFRA=kubernetes-job/prod\n", spec -> spec.path("scripts/env.sh")),
            text(
            """
            deploy:
            \t. scripts/env.sh && prefect deployment build flows/etl.py:etl -n etl -ib $$INFRA -a
            again:
            \tprefect deployment build flows/etl.py:etl -n etl2 -ib $$INFRA -a
            """,
            """
            deploy:
            \t. scripts/env.sh && prefect --no-prompt deploy --pool prod flows/etl.py:etl --name etl
            again:
            \tprefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name etl2
            """,
            spec -> spec.path("Makefile")));
    }

    // make puts an exported variable in every recipe's environment; one it does not export stays make's own
    @Test
    void anExportedMakeVariableIsTheRecipeShellsToo() {
        rewriteRun(text(
            """
            export INFRA := docker-container/etl-image
            POOLED := kubernetes-job/prod
            deploy:
            \tprefect deployment build flows/etl.py:etl -n etl -ib $${INFRA} -a
            \tprefect deployment build flows/etl.py:etl -n etl2 -ib $$POOLED -a
            """,
            """
            export INFRA := docker-container/etl-image
            POOLED := kubernetes-job/prod
            deploy:
            \tprefect --no-prompt deploy --pool etl-image flows/etl.py:etl --name etl
            \tprefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name etl2
            """,
            spec -> spec.path("Makefile")));
    }

    // make reads the env file it includes as its own variables, and the bare `export` hands them to the recipes'
    // shells: both spellings name the image's block, which the env file sets
    @Test
    void blocksNamedInAnIncludedEnvFileChooseThePool() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> {
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains(
                        "`docker-container/etl`, the value of $(INFRA) set in .env:2"));
                assertThat(rows).anySatisfy(r -> assertThat(r.message()).contains(
                        "`docker-container/etl`, the value of $INFRA set in .env:2"));
            }),
            text("# settings\nINFRA=docker-container/etl\n", spec -> spec.path(".env")),
            text(
            """
            -include .env
            export
            deploy:
            \tprefect deployment build flows/etl.py:etl -n etl -ib $(INFRA) -a
            \tprefect deployment build flows/etl.py:etl -n etl2 -ib $$INFRA -a
            """,
            """
            -include .env
            export
            deploy:
            \tprefect --no-prompt deploy --pool etl flows/etl.py:etl --name etl
            \tprefect --no-prompt deploy --pool etl flows/etl.py:etl --name etl2
            """,
            spec -> spec.path("Makefile")));
    }

    // `INFRA=x; cmd $$INFRA` sets the line's shell variable first; `INFRA=x cmd $$INFRA` only the command's
    // environment, after the shell expanded $INFRA (empty here): the build went to the stand-in pool
    @Test
    void aRecipeLinesAssignmentStatementChoosesThePoolAndAPrefixDoesNot() {
        rewriteRun(
            text(
            """
            deploy:
            \t@INFRA=kubernetes-job/prod; prefect deployment build flows/etl.py:etl -n etl -ib $$INFRA -a
            \tINFRA=kubernetes-job/prod prefect deployment build flows/etl.py:etl -n etl2 -ib $$INFRA -a
            """,
            """
            deploy:
            \t@INFRA=kubernetes-job/prod; prefect --no-prompt deploy --pool prod flows/etl.py:etl --name etl
            \tINFRA=kubernetes-job/prod prefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name etl2
            """,
            spec -> spec.path("Makefile")));
    }

    // make reads `$INFRA` as its variable I then NFRA: the block is not make's INFRA, and a note says what to write
    @Test
    void aOneDollarReferenceIsNotTheVariableItSpells() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .filteredOn(r -> r.message().contains("make's `$(I)`")).singleElement().satisfies(r -> {
                    assertThat(r.line()).isEqualTo(3);
                    assertThat(r.code()).isEqualTo("PF205");
                    assertThat(r.message()).isEqualTo("`-ib $INFRA`: `$INFRA` in a Makefile is make's `$(I)` "
                            + "followed by `NFRA`: the shell never sees $INFRA (write `$$INFRA` for the shell's variable, "
                            + "`$(INFRA)` for make's)");
                })),
            text(
            """
            export INFRA := docker-container/etl
            deploy:
            \tprefect deployment build flows/etl.py:etl -n etl -ib $INFRA -a
            """,
            """
            export INFRA := docker-container/etl
            deploy:
            \tprefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name etl
            """,
            spec -> spec.path("Makefile")));
    }

    // a recipe line's prefix is the command's environment: `$$INFRA` was expanded before it, to nothing
    @Test
    void aRecipeLinesPrefixLeavesTheBlockNameEmpty() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .anySatisfy(r -> assertThat(r.code() + ": " + r.message()).startsWith("PF205: `-ib $$INFRA`: `$INFRA` is empty here"))),
            text(
            "deploy:\n\tINFRA=kubernetes-job/prod prefect deployment build flows/etl.py:etl -n etl -ib $$INFRA -a\n",
            "deploy:\n\tINFRA=kubernetes-job/prod prefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name etl\n",
            spec -> spec.path("Makefile")));
    }

    @Test
    void anIncludedEnvFileWithoutPrefectCommandsChangesNothing() {
        rewriteRun(
            text("INFRA=docker-container/etl\n", spec -> spec.path(".env")),
            text("include .env\nexport\nshow:\n\techo $$INFRA\n", spec -> spec.path("Makefile")));
    }
}
