package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * {@code prefect deployment build --interval N --anchor-date D --timezone TZ}: 2.x parsed a naive D with pendulum, so
 * as UTC (PrefectHQ/prefect#9763); {@code prefect deploy} in Prefect 3 versions reads it as UTC or in TZ. The command
 * used to be translated with D as written; the anchor now carries {@code +00:00}, the instant Prefect 2 used.
 */
class RewritePrefectCliAnchorDateTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInShellScripts());
    }

    // (a changed word is quoted whole by the shell rewrite, as any word it writes)
    @Test
    void aNaiveAnchorOutsideUtcKeepsTheInstantPrefect2Read() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(MigrationNotes.Row::message).filteredOn(m -> m.contains("--anchor-date")).hasSize(2)
                        .anySatisfy(m -> assertThat(m).contains("`--anchor-date 2024-01-01T09:00:00` with `--timezone "
                                + "America/New_York` is now `--anchor-date 2024-01-01T09:00:00+00:00`",
                                "at 09:00 UTC, 04:00 in America/New_York"))),
            text(
            """
            prefect deployment build flows/etl.py:etl -n etl -p etl --interval 3600 --anchor-date 2024-01-01T09:00:00 --timezone America/New_York -a
            prefect deployment set-schedule etl/etl --interval 3600 --anchor-date="2024-01-01 09:30" --timezone Europe/Berlin
            """,
            """
            prefect --no-prompt deploy flows/etl.py:etl --name etl --pool etl --interval 3600 --anchor-date 2024-01-01T09:00:00+00:00 --timezone America/New_York
            prefect deployment schedule create etl/etl --interval 3600 '--anchor-date=2024-01-01 09:30+00:00' --timezone Europe/Berlin --replace -y
            """,
            spec -> spec.path("deploy.sh")));
    }

    // must not change the anchor: one with an offset, a UTC schedule, a cron, or a value the shell expands
    @Test
    void otherAnchorsAreTranslatedAsWritten() {
        rewriteRun(spec -> spec.afterRecipe(run -> assertThat(run.getDataTableRows(MigrationNotes.class))
                        .noneMatch(r -> ((MigrationNotes.Row) r).message().contains("--anchor-date"))),
            text(
            """
            prefect deployment set-schedule etl/a --interval 3600 --anchor-date 2024-01-01T09:00:00-05:00 --timezone America/New_York
            prefect deployment set-schedule etl/b --interval 3600 --anchor-date 2024-01-01T09:00:00 --timezone UTC
            prefect deployment set-schedule etl/c --interval 3600 --anchor-date "$ANCHOR" --timezone America/New_York
            prefect deployment set-schedule etl/d --interval 3600 --anchor-date 2024-01-01T09:00:00
            """,
            """
            prefect deployment schedule create etl/a --interval 3600 --anchor-date 2024-01-01T09:00:00-05:00 --timezone America/New_York --replace -y
            prefect deployment schedule create etl/b --interval 3600 --anchor-date 2024-01-01T09:00:00 --timezone UTC --replace -y
            prefect deployment schedule create etl/c --interval 3600 --anchor-date "$ANCHOR" --timezone America/New_York --replace -y
            prefect deployment schedule create etl/d --interval 3600 --anchor-date 2024-01-01T09:00:00 --replace -y
            """,
            spec -> spec.path("deploy.sh")));
    }
}
