package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A job's {@code rules:} (and the pipeline's {@code workflow: rules:}) override its variables when they match
 * ({@code dev.migrate.analyzers.sources.config.GitlabRuleVariables}): where every rule that may run the job gives
 * {@code INFRA} one block, the template's line is rewritten for that block's pool, not for the job's own default;
 * where the rules give different blocks (or one keeps the default) the line runs with either, so it is left, with a
 * note naming each rule's value and where the rule is.
 */
class RewritePrefectCliWithGitlabRuleVariablesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInCiYaml());
    }

    private static final String TEMPLATE = """
            .deploy:
              image: python:3.11
              variables:
                INFRA: kubernetes-job/dev
              script:
                - prefect deployment build flows/etl.py:etl -n nightly -ib ${INFRA} -a
            """;

    // before: --pool dev, the job's default, though every pipeline that runs the job sets prod
    @Test
    void rulesThatAllGiveOneBlockAreRead() {
        rewriteRun(
            yaml(TEMPLATE, """
                .deploy:
                  image: python:3.11
                  variables:
                    INFRA: kubernetes-job/dev
                  script:
                    - prefect --no-prompt deploy --pool prod flows/etl.py:etl --name nightly
                """, spec -> spec.path("ci/deploy.yml")),
            yaml("""
                include:
                  - local: ci/deploy.yml
                stages: [deploy]
                deploy:prod:
                  stage: deploy
                  extends: .deploy
                  rules:
                    - if: $CI_COMMIT_TAG
                      variables:
                        INFRA: kubernetes-job/prod
                    - if: $CI_PIPELINE_SOURCE == "schedule"
                      variables:
                        INFRA: kubernetes-job/prod
                    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                      when: never
                """, spec -> spec.path(".gitlab-ci.yml")));
    }

    // on the default branch the workflow's rule gives prod, elsewhere the top-level dev runs: neither is written, and
    // neither is the stand-in pool (before: --pool process-pool, as for a variable no one sets), which is right for
    // no run: the line is left with a note naming each value and the rule that gives it
    @Test
    void workflowRulesThatDisagreeLeaveTheLineWithEachRulesValue() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).anySatisfy(r -> {
                assertThat(r.sourcePath()).isEqualTo(".gitlab-ci.yml");
                assertThat(r.line()).isEqualTo(12);
                assertThat(r.manual()).isTrue();
                assertThat(r.message()).startsWith("left as it was: `${INFRA}` differs per rule (kubernetes-job/prod "
                        + "where the rule at .gitlab-ci.yml:5 matches; kubernetes-job/dev (set at .gitlab-ci.yml:2) "
                        + "where the rule at .gitlab-ci.yml:8 matches)").doesNotContain("process-pool");
            })),
            yaml("""
                variables:
                  INFRA: kubernetes-job/dev
                workflow:
                  rules:
                    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                      variables:
                        INFRA: kubernetes-job/prod
                    - if: $CI_COMMIT_BRANCH
                deploy:
                  image: python:3.11
                  script:
                    - prefect deployment build flows/etl.py:etl -n nightly -ib ${INFRA} -a
                """, spec -> spec.path(".gitlab-ci.yml")));
    }

    // a job's own rules in the template's file, the line in a file the pipeline includes: the note names each file
    @Test
    void jobRulesThatDisagreeAreNamedInTheirOwnFile() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).anySatisfy(r -> {
                assertThat(r.sourcePath()).isEqualTo("ci/deploy.yml");
                assertThat(r.line()).isEqualTo(6);
                assertThat(r.manual()).isTrue();
                assertThat(r.message()).contains("kubernetes-job/prod where the rule at .gitlab-ci.yml:7 matches; "
                        + "kubernetes-job/dev (set at ci/deploy.yml:4) where the rule at .gitlab-ci.yml:10 matches");
            })),
            yaml(TEMPLATE, spec -> spec.path("ci/deploy.yml")),
            yaml("""
                include:
                  - local: ci/deploy.yml
                stages: [deploy]
                deploy:prod:
                  extends: .deploy
                  rules:
                    - if: $CI_COMMIT_TAG
                      variables:
                        INFRA: kubernetes-job/prod
                    - if: $CI_PIPELINE_SOURCE == "schedule"
                """, spec -> spec.path(".gitlab-ci.yml")));
    }

    // must not change: rules that set no variable leave the job's own block, as before
    @Test
    void rulesWithoutVariablesKeepTheJobsBlock() {
        rewriteRun(
            yaml("""
                deploy:
                  image: python:3.11
                  variables:
                    INFRA: kubernetes-job/dev
                  rules:
                    - if: $CI_COMMIT_TAG
                    - when: manual
                  script:
                    - prefect deployment build flows/etl.py:etl -n nightly -ib ${INFRA} -a
                """, """
                deploy:
                  image: python:3.11
                  variables:
                    INFRA: kubernetes-job/dev
                  rules:
                    - if: $CI_COMMIT_TAG
                    - when: manual
                  script:
                    - prefect --no-prompt deploy --pool dev flows/etl.py:etl --name nightly
                """, spec -> spec.path(".gitlab-ci.yml")));
    }
}
