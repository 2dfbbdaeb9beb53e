package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shapes of assignment the first reading of {@link LiteralVariables} missed, each as the tool that runs it does. */
class LiteralVariablesShapesTest {
    private static final String ENV = "# local settings\nINFRA=docker-container/etl\nexport STORAGE=s3/flows\n";

    // make reads an included env file's lines as its own assignments; a bare `export` puts them in recipe shells
    @Test
    void anIncludedEnvFilesLinesAreMakeVariablesAndExportedOnesTheRecipeShells() {
        String makefile = "-include .env\nexport\nINFRA ?= process/default\ndeploy:\n\tprefect deployment build a.py:a -ib $$INFRA\n";
        var assignments = LiteralVariables.make("Makefile", makefile, Map.of(".env", ENV)::get);
        // the env file overrides the Makefile's default, as `?=` after or before it lets it
        assertThat(LiteralVariables.known(assignments)).containsEntry("(INFRA", "docker-container/etl")
                .containsEntry("$INFRA", "docker-container/etl").containsEntry("$STORAGE", "s3/flows");
        assertThat(LiteralVariables.setIn(assignments, makefile.length())).containsEntry("(INFRA", ".env:2")
                .containsEntry("$INFRA", ".env:2").containsEntry("$STORAGE", ".env:3");
    }

    // an env file holds credentials beside block names: they are never known, so never shown
    @Test
    void anIncludedFilesCredentialsAreNotKnown() {
        String env = "PREFECT_API_KEY=pnu_0123456789abcdefghijklmnopqrstuvwxyz\nDB_URL=postgres://etl:hunter2@db/etl\n";
        var assignments = LiteralVariables.make("Makefile", "include .env\nexport\n", Map.of(".env", env)::get);
        assertThat(LiteralVariables.known(assignments)).isEmpty();
        assertThat(LiteralVariables.setIn(assignments, 0)).isEmpty();
    }

    // the usual guard around an env file that may be missing: make's directives may be indented
    @Test
    void anIncludeInsideAConditionalIsRead() {
        String makefile = "ifneq (,$(wildcard ./.env))\n    include .env\n    export\nendif\ndeploy:\n\texport X=1; true\n";
        var known = LiteralVariables.known(LiteralVariables.make("Makefile", makefile, Map.of(".env", ENV)::get));
        assertThat(known).containsEntry("(INFRA", "docker-container/etl").containsEntry("$INFRA", "docker-container/etl");
        // a recipe line's `export X=1` is its shell's, not make's
        assertThat(known).doesNotContainKey("X");
    }

    @Test
    void withoutAnExportOnlyTheEnvFilesOwnExportsReachRecipeShells() {
        for (String include : List.of("include .env", "sinclude .env", "-include .env")) {
            var known = LiteralVariables.known(LiteralVariables.make("Makefile", include + "\ndeploy:\n\ttrue\n",
                    Map.of(".env", ENV)::get));
            assertThat(known).containsEntry("(INFRA", "docker-container/etl").containsEntry("$STORAGE", "s3/flows")
                    .doesNotContainKey("$INFRA");
        }
        var all = LiteralVariables.known(LiteralVariables.make("Makefile", ".EXPORT_ALL_VARIABLES:\ninclude .env\n",
                Map.of(".env", ENV)::get));
        assertThat(all).containsEntry("$INFRA", "docker-container/etl");
        var named = LiteralVariables.known(LiteralVariables.make("Makefile", "include .env\nexport INFRA\n",
                Map.of(".env", ENV)::get));
        assertThat(named).containsEntry("$INFRA", "docker-container/etl");
        // a file the repository does not hold (.env is often ignored by git): the default stays
        var missing = LiteralVariables.known(LiteralVariables.make("Makefile", "-include .env\nINFRA ?= process/x\n",
                Map.<String, String>of()::get));
        assertThat(missing).containsExactly(Map.entry("(INFRA", "process/x"));
    }

    // `A=x cmd $A`: the shell expands $A before the prefix applies, and the prefix does not outlive the command
    @Test
    void anAssignmentBeforeACommandsWordsIsTheCommandsEnvironmentOnly() {
        String script = """
                INFRA=process/old
                INFRA=docker-container/new prefect deployment build a.py:a -ib $INFRA
                PREFECT_API_URL=http://prefect:4200/api prefect deploy --all
                prefect deployment build b.py:b -ib $INFRA
                """;
        var assignments = LiteralVariables.shell(script);
        assertThat(LiteralVariables.known(assignments, script.indexOf("prefect deployment build a")))
                .containsExactly(Map.entry("INFRA", "process/old"));
        assertThat(LiteralVariables.known(assignments, script.indexOf("prefect deployment build b")))
                .containsExactly(Map.entry("INFRA", "process/old"));
    }

    @Test
    void anAssignmentStatementEarlierOnTheLineIsTheShells() {
        String script = """
                A=kubernetes-job/a; prefect deployment build a.py:a -ib $A
                cd flows && B=docker-container/b && prefect deployment build b.py:b -ib $B
                C=process/c | cat; D=process/d & prefect deployment build c.py:c -ib $C
                if true; then E=process/e; fi; prefect deployment build e.py:e -ib $E
                X=1 Y=2; prefect deployment build f.py:f 2>&1 | tee log
                prefect deployment build g.py:g -ib $B
                """;
        var assignments = LiteralVariables.shell(script);
        assertThat(LiteralVariables.known(assignments, script.indexOf("prefect deployment build a")))
                .containsExactly(Map.entry("A", "kubernetes-job/a"));
        assertThat(LiteralVariables.known(assignments, script.indexOf("prefect deployment build b")))
                .containsEntry("B", "docker-container/b");
        // in a pipeline or in the background, a subshell's: nothing here; behind `then`, set but not known
        assertThat(LiteralVariables.known(assignments, script.indexOf("prefect deployment build c"))).doesNotContainKeys("C", "D");
        assertThat(LiteralVariables.known(assignments, script.indexOf("prefect deployment build e"))).doesNotContainKey("E");
        assertThat(LiteralVariables.names(assignments)).contains("E").doesNotContain("C", "D");
        assertThat(LiteralVariables.known(assignments, script.indexOf("prefect deployment build f")))
                .containsEntry("X", "1").containsEntry("Y", "2");
        // after the line, B was set only if `cd flows` worked
        assertThat(LiteralVariables.known(assignments, script.indexOf("prefect deployment build g")))
                .doesNotContainKey("B").containsEntry("A", "kubernetes-job/a");
    }

    // the shell's own reading of the line: a `;` in quotes or a command substitution splits nothing
    @Test
    void quotesSubstitutionsAndSubshellsAreReadAsTheShellReadsThem() {
        String script = "A='process/a;b'; echo \"x; B=process/b\"; ( C=process/c ); T=$(cat f; D=process/d) "
                + "&& prefect deployment build a.py:a -ib $A\n";
        var known = LiteralVariables.known(LiteralVariables.shell(script), script.indexOf("prefect"));
        assertThat(known).containsExactly(Map.entry("A", "process/a;b"));
        assertThat(LiteralVariables.names(LiteralVariables.shell(script))).containsExactlyInAnyOrder("A", "T");
    }

    // make runs each recipe line in a shell of its own: what a line sets holds on that line only
    @Test
    void aRecipeLinesOwnAssignmentsHoldOnThatLine() {
        String makefile = "deploy:\n\t@INFRA=docker-container/etl; prefect deployment build a.py:a -ib $$INFRA\n"
                + "\tprefect deployment build b.py:b -ib $$INFRA\n"
                + "\tPOOLED=process/p prefect deployment build c.py:c -ib $$POOLED\n";
        var assignments = LiteralVariables.make("Makefile", makefile, name -> null);
        assertThat(LiteralVariables.known(assignments, makefile.indexOf("prefect deployment build a")))
                .containsExactly(Map.entry("$INFRA", "docker-container/etl"));
        assertThat(LiteralVariables.known(assignments, makefile.indexOf("prefect deployment build b"))).isEmpty();
        assertThat(LiteralVariables.known(assignments, makefile.indexOf("prefect deployment build c"))).isEmpty();
    }

    // a scripted pipeline, or a declarative one's script step, sets the build's environment with env.NAME = ...
    @Test
    void aJenkinsScriptsEnvPropertyIsSetFromWhereItRuns() {
        String jenkinsfile = """
                node {
                    env.INFRA = 'docker-container/etl'   // the image's block
                    env.TAG = "${BUILD_NUMBER}"
                    if (params.PROD) {
                        env.POOL = 'prod'
                    }
                    stage('Deploy') {
                        sh 'prefect deployment build flows/etl.py:etl -ib $INFRA -a'
                    }
                }
                """;
        var assignments = LiteralVariables.jenkins(jenkinsfile);
        assertThat(LiteralVariables.known(assignments, jenkinsfile.indexOf("sh '")))
                .containsExactly(Map.entry("INFRA", "docker-container/etl"));
        assertThat(LiteralVariables.names(assignments)).contains("TAG", "POOL");
        assertThat(LiteralVariables.known(assignments, jenkinsfile.indexOf("env.INFRA"))).isEmpty();
    }

    @Test
    void anEnvironmentDirectiveWinsOverAScriptsEnvProperty() {
        String jenkinsfile = """
                pipeline {
                    agent any
                    environment { INFRA = 'process/fixed' }
                    stages {
                        stage('Deploy') {
                            steps {
                                script { env.INFRA = 'docker-container/etl' }
                                sh 'prefect deployment build flows/etl.py:etl -ib $INFRA -a'
                            }
                        }
                    }
                }
                """;
        assertThat(LiteralVariables.known(LiteralVariables.jenkins(jenkinsfile), jenkinsfile.indexOf("sh '")))
                .containsExactly(Map.entry("INFRA", "process/fixed"));
    }

    // GitLab expands the variables a variable's value reads; GitHub does not
    @Test
    void aGitlabVariableReadingAnotherIsKnownWhenThatOneIs() {
        String pipeline = """
                variables:
                  BLOCK_TYPE: docker-container
                  INFRA: $BLOCK_TYPE/etl
                  STORAGE: "${BUCKET_KIND}/flows"
                  TAGGED: etl-$CI_COMMIT_REF_SLUG
                  PRICE: "$$5"
                """;
        var assignments = LiteralVariables.ci(".gitlab-ci.yml", pipeline);
        assertThat(LiteralVariables.known(assignments)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BLOCK_TYPE", "docker-container", "INFRA", "docker-container/etl", "PRICE", "$5"));
        // BUCKET_KIND is set in the project's settings: said, not guessed
        assertThat(OutsideValues.at(".gitlab-ci.yml", assignments, pipeline.length()).of("$STORAGE")).hasValueSatisfying(
                said -> assertThat(said).startsWith("`$STORAGE` is set outside the repository, by a GitLab CI/CD variable "
                        + "BUCKET_KIND that .gitlab-ci.yml does not set").endsWith(", which STORAGE: ${BUCKET_KIND}/flows reads"));
        assertThat(LiteralVariables.known(LiteralVariables.ci(".github/workflows/d.yml", pipeline)))
                .doesNotContainKeys("INFRA", "STORAGE");
    }

    @Test
    void aChainOfGitlabVariablesIsFollowedAndAConflictLeavesItUnknown() {
        String pipeline = """
                variables:
                  POOL: $KIND/$NAME
                  KIND: $BASE
                  BASE: kubernetes-job
                  NAME: etl
                deploy:
                  variables:
                    NAME: other
                """;
        assertThat(LiteralVariables.known(LiteralVariables.ci(".gitlab-ci.yml", pipeline)))
                .containsEntry("KIND", "kubernetes-job").doesNotContainKeys("POOL", "NAME");
    }

    // a value read from a file the script sources names that file and line
    @Test
    void aValueFromASourcedFileCarriesItsFileAndLine() {
        String script = ". ./scripts/env.sh\nSTORAGE=s3/own\nprefect deployment build a.py:a -ib $INFRA -sb $STORAGE\n";
        var assignments = LiteralVariables.shell("deploy.sh", script, Map.of("scripts/env.sh", "\n\nINFRA=process/etl\n")::get);
        assertThat(LiteralVariables.setIn(assignments, script.indexOf("prefect")))
                .containsExactly(Map.entry("INFRA", "scripts/env.sh:3"));
        assertThat(OutsideValues.at("deploy.sh", assignments, script.indexOf("prefect")).setIn("$INFRA")).hasValue("scripts/env.sh:3");
    }
}
