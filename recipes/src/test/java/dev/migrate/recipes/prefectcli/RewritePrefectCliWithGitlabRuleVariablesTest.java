package dev.migrate.recipes.prefectcli;

import static org.openrewrite.yaml.Assertions.yaml;

import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A job's {@code rules:} (and the pipeline's {@code workflow: rules:}) override its variables when they match
 * ({@code dev.migrate.analyzers.sources.config.GitlabRuleVariables}): where every rule that may run the job gives
 * {@code INFRA} one block, the template's line is rewritten for that block's pool, not for the job's own default;
 * where the rules give different blocks (or one keeps the default) the line runs with either, so it is left.
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

    // on the default branch the workflow's rule gives prod, elsewhere the top-level dev runs: neither is written; the
    // block is read as a variable of no known value is (the stand-in pool of 2.x's default agent pool)
    @Test
    void workflowRulesThatDisagreeGiveNeitherValue() {
        rewriteRun(
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
                """, """
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
                    - prefect --no-prompt deploy --pool process-pool flows/etl.py:etl --name nightly
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
