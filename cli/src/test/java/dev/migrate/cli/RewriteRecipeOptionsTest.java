package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate rewrite --recipe <class> --option key=value}, with the legacy scheduler recipe. */
class RewriteRecipeOptionsTest {
    private static final String RECIPE = "dev.migrate.recipes.legacy.MoveLegacySchedulersToPrefect3";

    @TempDir
    Path project;

    @BeforeEach
    void crontab() throws IOException {
        Files.createDirectories(project.resolve("etc/cron.d"));
        Files.writeString(project.resolve("etc/cron.d/etl"), "SHELL=/bin/bash\n30 2 * * *  etl  /opt/etl/bin/load.sh\n");
    }

    @Test
    void optionsReachTheRecipe() throws IOException {
        CliRun r = CliRun.of("rewrite", project.toString(), "--recipe", RECIPE, "--option", "phase=cutover",
                "--option", "asOf=2026-03-02", "--dry-run");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("+# migrate: disabled cron-load-", " 2026-03-02\n", "+# 30 2 * * *  etl  /opt/etl/bin/load.sh",
                "+  - cron: 30 2 * * *");
        assertThat(Files.readString(project.resolve("etc/cron.d/etl"))).as("dry run").doesNotContain("migrate:");

        CliRun dual = CliRun.of("rewrite", project.toString(), "--recipe", RECIPE, "--option", "phase=dual-run",
                "--option", "offsetMinutes=10", "--dry-run");
        assertThat(dual.out()).contains("+  - cron: 40 2 * * *");
    }

    @Test
    void invalidOptionsAreInvalidInput() {
        CliRun range = CliRun.of("rewrite", project.toString(), "--recipe", RECIPE, "--option", "phase=dual-run",
                "--option", "offsetMinutes=75");
        assertThat(range.exitCode()).isEqualTo(2);
        assertThat(range.err()).contains("--option offsetMinutes=75: must be between 0 and 59");

        // the recipe's own options, not the properties every OpenRewrite recipe has (tags, examples, ...)
        CliRun unknown = CliRun.of("rewrite", project.toString(), "--recipe", RECIPE, "--option", "colour=red");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--option colour: " + RECIPE + " has no such option; its options: asOf, "
                + "hostZone, offsetMinutes, outputDirectory, phase, poolPrefix, prefectShell, sandboxRoot, "
                + "secretBlocksCreated, taskMapLimit").doesNotContain("recipeList", "maintainers", "examples");

        CliRun notANumber = CliRun.of("rewrite", project.toString(), "--recipe", RECIPE, "--option", "phase=dual-run",
                "--option", "offsetMinutes=soon");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err().strip()).isEqualTo("migrate: --option offsetMinutes=soon: expected a whole number");

        // the command scan's Fixes section names: a required option left out is the user's to give, not a bug
        CliRun missing = CliRun.of("rewrite", project.toString(), "--recipe", RECIPE, "--dry-run");
        assertThat(missing.exitCode()).as(missing.err()).isEqualTo(2);
        assertThat(missing.err()).contains("--option phase=VALUE: is required (recipe " + RECIPE)
                .contains("or run a composite that chooses them: --recipe "
                        + "dev.migrate.prefect.MoveLegacySchedulersToPrefect3Cleanup, --recipe "
                        + "dev.migrate.prefect.MoveLegacySchedulersToPrefect3Cutover, --recipe "
                        + "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun")
                .doesNotContain("internal error");

        CliRun composite = CliRun.of("rewrite", project.toString(), "--recipe",
                "dev.migrate.prefect.MoveLegacySchedulersToPrefect3Cutover", "--option", "asOf=2026-03-02");
        assertThat(composite.exitCode()).isEqualTo(2);
        assertThat(Files.exists(project.resolve("prefect"))).isFalse();
    }

    @Test
    void listShowsTheOptionsOfRecipeClasses() {
        CliRun list = CliRun.of("rewrite", "--list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("    --option phase=dual-run|cutover|cleanup (required): dual-run, cutover or cleanup.\n",
                "    --option offsetMinutes=15: How much later the new deployments run");
        // a composite chooses its recipes' options itself: none listed under it
        String composite = list.out().substring(list.out().indexOf("dev.migrate.prefect.MoveLegacySchedulersToPrefect3Cutover\n"));
        assertThat(composite.lines().skip(2).findFirst().orElseThrow()).doesNotContain("--option");
    }
}
