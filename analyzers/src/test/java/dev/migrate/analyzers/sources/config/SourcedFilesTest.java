package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcedFilesTest {
    private static final String DEPLOY = """
            #!/usr/bin/env bash
            set -euo pipefail
            . ./scripts/env.sh
            set -a; . .env; set +a
            prefect deployment build flows/etl.py:etl -ib "$INFRA" -sb "$STORAGE" -q "$QUEUE"
            """;

    // a deploy script keeps its block names in a file it reads into itself: a shell file, or a dotenv file read with
    // set -a; their values were not read, so the build went to the stand-in pool
    @Test
    void theVariablesOfFilesAScriptReadsAreKnownWhereItReadsThem() {
        Map<String, String> tree = Map.of(
                "scripts/env.sh", "INFRA=kubernetes-job/prod\nexport STORAGE=\"gcs/flows\"\n. scripts/more.sh\n",
                "scripts/more.sh", "QUEUE=k8s\n",
                ".env", "POOL=etl\nQUEUE=k8s\n");
        var assignments = LiteralVariables.shell("scripts/deploy.sh", DEPLOY, tree::get);
        assertThat(LiteralVariables.known(assignments, DEPLOY.indexOf("prefect"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "INFRA", "kubernetes-job/prod", "STORAGE", "gcs/flows", "QUEUE", "k8s", "POOL", "etl"));
        // known only below the line that reads the file
        assertThat(LiteralVariables.known(assignments, DEPLOY.indexOf(". ./scripts") - 1)).isEmpty();
    }

    @Test
    void aPathTheShellExpandsLeavesTheRepositoryOrIsMissingIsNotRead() {
        String script = """
                . "$HOME/env.sh"
                source ~/env.sh
                . /etc/profile.d/prefect.sh
                . ../../outside.sh
                . ./missing.sh
                . ./env-*.sh
                prefect deployment build flows/etl.py:etl -ib "$INFRA"
                """;
        Map<String, String> tree = Map.of("env.sh", "INFRA=process/a\n", "env-dev.sh", "INFRA=process/b\n");
        assertThat(LiteralVariables.known(LiteralVariables.shell("deploy.sh", script, tree::get))).isEmpty();
    }

    // a file read in a block that may not run, read twice with other values, or read from two places the script may
    // run in, gives no known value
    @Test
    void aFileReadConditionallyOrAmbiguouslyGivesNoValue() {
        String conditional = """
                INFRA=process/default
                if [ -f ./env.sh ]; then
                  . ./env.sh
                fi
                prefect deployment build flows/etl.py:etl -ib "$INFRA"
                """;
        Map<String, String> tree = Map.of("env.sh", "INFRA=kubernetes-job/prod\n");
        assertThat(LiteralVariables.known(LiteralVariables.shell("deploy.sh", conditional, tree::get))).isEmpty();
        Map<String, String> two = Map.of("env.sh", "INFRA=process/root\n", "bin/env.sh", "INFRA=process/bin\n");
        assertThat(LiteralVariables.known(LiteralVariables.shell("bin/deploy.sh", ". ./env.sh\n", two::get))).isEmpty();
        Map<String, String> same = Map.of("env.sh", "INFRA=process/same\n", "bin/env.sh", "INFRA=process/same\n");
        assertThat(LiteralVariables.known(LiteralVariables.shell("bin/deploy.sh", ". ./env.sh\n", same::get)))
                .containsExactly(Map.entry("INFRA", "process/same"));
    }

    @Test
    void filesThatReadEachOtherAreReadOnce() {
        Map<String, String> tree = Map.of(
                "a.sh", ". ./b.sh\nINFRA=process/a\n",
                "b.sh", ". ./a.sh\nSTORAGE=s3/b\n");
        assertThat(LiteralVariables.known(LiteralVariables.shell("deploy.sh", ". ./a.sh\n", tree::get)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("INFRA", "process/a", "STORAGE", "s3/b"));
    }

    @Test
    void statementsThatReadFiles() {
        assertThat(SourcedFiles.in("""
                . ./env.sh
                source "scripts/common.sh"   # shared settings
                set -a; . .env; set +a
                cd "$(dirname "$0")" && . ./local.env
                  . ./indented.sh
                echo . not-a-file
                """)).extracting(SourcedFiles.Source::written, SourcedFiles.Source::topLevel).containsExactly(
                org.assertj.core.groups.Tuple.tuple("./env.sh", true),
                org.assertj.core.groups.Tuple.tuple("scripts/common.sh", true),
                org.assertj.core.groups.Tuple.tuple(".env", true),
                org.assertj.core.groups.Tuple.tuple("./local.env", true),
                org.assertj.core.groups.Tuple.tuple("./indented.sh", false));
        assertThat(SourcedFiles.normalize("scripts/../env.sh")).contains("env.sh");
        assertThat(SourcedFiles.normalize("../env.sh")).isEmpty();
    }
}
