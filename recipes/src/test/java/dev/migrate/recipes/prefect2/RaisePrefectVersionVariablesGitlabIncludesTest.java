package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A GitLab pipeline is read with the local files it includes, as the scan reads it: a version set in one file's
 * variables reaches the install of a job in another, so it is raised where it is set.
 */
class RaisePrefectVersionVariablesGitlabIncludesTest implements RewriteTest {
    private static final String PIPELINE = """
            include:
              - local: .gitlab/ci/vars.yml
            deploy:
              image: python:3.11
              script:
                - pip install "prefect==$PREFECT_VERSION"
                - python flows/deploy.py
            """;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RaisePrefectVersionVariables());
    }

    @Test
    void aVariableInAnIncludedFileIsRaisedForTheJobThatInstallsWithIt() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.sourcePath() + ":" + r.line() + " " + r.code() + " " + r.message()).containsExactly(
                                ".gitlab/ci/vars.yml:2 PF208 raised PREFECT_VERSION from 2.14.3 to 3.8.3: a job of its "
                                        + "GitLab pipeline (this file or one included with it) installs or runs Prefect "
                                        + "with it")),
            yaml(PIPELINE, spec -> spec.path(".gitlab-ci.yml")),
            yaml(
                """
                variables:
                  PREFECT_VERSION: "2.14.3"  # the server's
                  PYTHONUNBUFFERED: "1"
                """,
                """
                variables:
                  PREFECT_VERSION: "3.8.3"  # the server's
                  PYTHONUNBUFFERED: "1"
                """,
                spec -> spec.path(".gitlab/ci/vars.yml")));
    }

    @Test
    void aVariableInAnIncludedFileOfAnyNameIsRaised() {
        rewriteRun(
            yaml(PIPELINE.replace(".gitlab/ci/vars.yml", "ci/vars.yml"), spec -> spec.path(".gitlab-ci.yml")),
            yaml("variables:\n  PREFECT_VERSION: 2.19.1\n", "variables:\n  PREFECT_VERSION: 3.8.3\n",
                    spec -> spec.path("ci/vars.yml")));
    }

    @Test
    void aFileNoPipelineIncludesIsReadAlone() {
        rewriteRun(
            yaml(PIPELINE.replace("include:\n  - local: .gitlab/ci/vars.yml\n", ""), spec -> spec.path(".gitlab-ci.yml")),
            yaml("variables:\n  PREFECT_VERSION: \"2.14.3\"\n", spec -> spec.path(".gitlab/ci/vars.yml")));
    }

    @Test
    void aRaisedVariableIsLeftOnASecondRun() {
        rewriteRun(
            yaml(PIPELINE, spec -> spec.path(".gitlab-ci.yml")),
            yaml("variables:\n  PREFECT_VERSION: \"3.8.3\"\n", spec -> spec.path(".gitlab/ci/vars.yml")));
    }

    @Test
    void oneRunRaisesAndTheNextChangesNothing() {
        rewriteRun(spec -> spec.cycles(2).expectedCyclesThatMakeChanges(1),
            yaml(PIPELINE, spec -> spec.path(".gitlab-ci.yml")),
            yaml("variables:\n  PREFECT_VERSION: \"2.14.3\"\n", "variables:\n  PREFECT_VERSION: \"3.8.3\"\n",
                    spec -> spec.path(".gitlab/ci/vars.yml")));
    }
}
