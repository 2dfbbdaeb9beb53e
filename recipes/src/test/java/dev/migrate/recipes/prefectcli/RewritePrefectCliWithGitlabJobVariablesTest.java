package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;

import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * GitLab deep-merges {@code variables:} through {@code extends:}: a job's own win over its templates', and those over
 * the pipeline's top-level ones. A template's script kept in {@code ci/deploy.yml} runs with the variables of each job
 * that extends it, so {@code -ib $INFRA} is the job's block, not the template's default; where two jobs run the same
 * template line with different values, the line is right for neither once rewritten for one, so it is left.
 */
class RewritePrefectCliWithGitlabJobVariablesTest implements RewriteTest {
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

    @Test
    void theJobsOwnValueOverridesTheTemplates() {
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
                  variables:
                    INFRA: kubernetes-job/prod
                """, spec -> spec.path(".gitlab-ci.yml")));
    }

    @Test
    void jobsThatDisagreeLeaveTheSharedLine() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).anySatisfy(r -> {
                assertThat(r.sourcePath()).isEqualTo("ci/deploy.yml");
                assertThat(r.line()).isEqualTo(6);
                assertThat(r.manual()).isTrue();
                assertThat(r.message()).contains("deploy:prod, deploy:staging").contains("values of INFRA");
            })),
            yaml(TEMPLATE, spec -> spec.path("ci/deploy.yml")),
            yaml("""
                include:
                  - local: ci/deploy.yml
                stages: [deploy]
                deploy:staging:
                  stage: deploy
                  extends: .deploy
                  variables:
                    INFRA: kubernetes-job/staging
                deploy:prod:
                  stage: deploy
                  extends: .deploy
                  variables:
                    INFRA: kubernetes-job/prod
                """, spec -> spec.path(".gitlab-ci.yml")));
    }

    // the pipeline's top-level variables apply under every job's; templates in extends: order, a later one winning;
    // the job's own $INFRA form read as ${INFRA}
    @Test
    void topLevelVariablesAndExtendsOrderGiveOneValue() {
        rewriteRun(
            yaml("""
                .base:
                  variables:
                    INFRA: kubernetes-job/dev
                .prod:
                  variables:
                    INFRA: kubernetes-job/prod
                .deploy:
                  script:
                    - prefect deployment build flows/etl.py:etl -n $DEPLOYMENT -ib $INFRA -a
                """, """
                .base:
                  variables:
                    INFRA: kubernetes-job/dev
                .prod:
                  variables:
                    INFRA: kubernetes-job/prod
                .deploy:
                  script:
                    - prefect --no-prompt deploy --pool prod flows/etl.py:etl --name $DEPLOYMENT
                """, spec -> spec.path("ci/templates.yml")),
            yaml("""
                include:
                  - local: ci/templates.yml
                variables:
                  DEPLOYMENT: nightly
                deploy:prod:
                  extends: [.deploy, .base, .prod]
                """, spec -> spec.path(".gitlab-ci.yml")));
    }

    // jobs that differ only in a value the translation keeps as written ($DEPLOYMENT): one text for all, written
    @Test
    void jobsThatDifferInAValueKeptAsWrittenShareTheTranslation() {
        rewriteRun(
            yaml("""
                .deploy:
                  script:
                    - prefect deployment build flows/etl.py:etl -n $DEPLOYMENT -ib kubernetes-job/prod -a
                deploy:staging:
                  extends: .deploy
                  variables:
                    DEPLOYMENT: staging
                deploy:prod:
                  extends: .deploy
                  variables:
                    DEPLOYMENT: nightly
                """, """
                .deploy:
                  script:
                    - prefect --no-prompt deploy --pool prod flows/etl.py:etl --name $DEPLOYMENT
                deploy:staging:
                  extends: .deploy
                  variables:
                    DEPLOYMENT: staging
                deploy:prod:
                  extends: .deploy
                  variables:
                    DEPLOYMENT: nightly
                """, spec -> spec.path(".gitlab-ci.yml")));
    }

    // must not change: per-environment jobs running a template's Prefect 3 command, whatever their values
    @Test
    void perEnvironmentJobsRunningAPrefect3CommandAreLeft() {
        rewriteRun(
            yaml("""
                .run:
                  script:
                    - prefect deployment run "etl/${DEPLOYMENT}"
                run:staging:
                  extends: .run
                  variables:
                    DEPLOYMENT: staging
                run:prod:
                  extends: .run
                  variables:
                    DEPLOYMENT: nightly
                """, spec -> spec.path(".gitlab-ci.yml")));
    }
}
