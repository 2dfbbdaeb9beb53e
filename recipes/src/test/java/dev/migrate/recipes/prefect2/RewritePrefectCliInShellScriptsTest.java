package dev.migrate.recipes.prefect2;

import static org.openrewrite.test.SourceSpecs.text;

import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RewritePrefectCliInShellScriptsTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInShellScripts());
    }

    @DocumentExample
    @Test
    void civisDeployScript() {
        rewriteRun(text(
            """
            #!/usr/bin/env bash
            set -euo pipefail
            # Build and apply the nightly deployment
            prefect deployment build flows/van.py:update_van_source_codes \\
              -a -n update_van_source_codes -ib ecs-task/prod
            """,
            """
            #!/usr/bin/env bash
            set -euo pipefail
            # Build and apply the nightly deployment
            prefect deploy --pool prod flows/van.py:update_van_source_codes --name update_van_source_codes
            """,
            spec -> spec.path("scripts/deploy.sh")));
    }

    @Test
    void prefect3ScriptIsLeftAlone() {
        rewriteRun(text(
            """
            #!/bin/sh
            prefect worker start --pool iceberg-offload --type process
            """,
            spec -> spec.path("start-worker.sh")));
    }

    @Test
    void filesThatAreNotShellScriptsAreIgnored() {
        rewriteRun(text("prefect agent start -q x\n", spec -> spec.path("notes.txt")));
    }
}
