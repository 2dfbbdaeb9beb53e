package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.internal.PrefectCliTextRecipe;
import dev.migrate.recipes.internal.Segment;
import dev.migrate.recipes.internal.ShellStatements;
import java.util.List;

/** Translates Prefect 2 commands in shell scripts. */
public class RewritePrefectCliInShellScripts extends PrefectCliTextRecipe {
    @Override
    public String getDisplayName() {
        return "Rewrite Prefect 2 commands in shell scripts";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefect agent start`, `prefect deployment build/apply` and the other removed 2.x commands "
                + "in `.sh` scripts with their Prefect 3 forms, writing short flags out long because several "
                + "changed meaning.";
    }

    @Override
    protected String filePattern() {
        return "**/*.sh;**/*.bash";
    }

    @Override
    protected List<Segment> commandSegments(String text) {
        return ShellStatements.of(text);
    }
}
