package dev.migrate.recipes.prefectcli;

import static org.openrewrite.yaml.Assertions.yaml;

import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A GitLab project keeps its deploy job in {@code ci/deploy.yml}, which {@code .gitlab-ci.yml} includes: the job's
 * Prefect 2 commands run in the pipeline, so its steps are rewritten as the pipeline's own are, whatever order the
 * files come in (the scan reports the same lines, {@code GitlabIncludedPrefectLinesTest}). The same file that no
 * pipeline includes runs nowhere and is left as it is.
 */
class RewritePrefectCliInGitlabIncludesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInCiYaml());
    }

    private static final String DEPLOY_TEMPLATE = """
            deploy:
              stage: deploy
              image: python:3.11
              script:
                - prefect deployment build flows/etl.py:etl -n nightly -ib kubernetes-job/prod -a
                - prefect deployment set-schedule etl/nightly --cron "0 3 * * *"
            """;

    private static final String PIPELINE = """
            stages: [test, deploy]
            include:
              - local: ci/deploy.yml
            test:
              stage: test
              script:
                - pytest -q
            """;

    @Test
    void anIncludedTemplatesStepsAreTranslated() {
        rewriteRun(
            // the template comes first: what includes it is only known once the run was seen
            yaml(DEPLOY_TEMPLATE, """
                deploy:
                  stage: deploy
                  image: python:3.11
                  script:
                    - prefect --no-prompt deploy --pool prod flows/etl.py:etl --name nightly
                    - prefect deployment schedule create etl/nightly --cron "0 3 * * *" --replace -y
                """, spec -> spec.path("ci/deploy.yml")),
            yaml(PIPELINE, spec -> spec.path(".gitlab-ci.yml")));
    }

    // included by a file under .gitlab/ that the pipeline includes, in the inline forms
    @Test
    void aNestedIncludeCountsToo() {
        rewriteRun(
            yaml("include: '/.gitlab/ci/all.yml'\n", spec -> spec.path(".gitlab-ci.yml")),
            yaml("include: [ci/deploy.yml]\n", spec -> spec.path(".gitlab/ci/all.yml")),
            yaml(DEPLOY_TEMPLATE, """
                deploy:
                  stage: deploy
                  image: python:3.11
                  script:
                    - prefect --no-prompt deploy --pool prod flows/etl.py:etl --name nightly
                    - prefect deployment schedule create etl/nightly --cron "0 3 * * *" --replace -y
                """, spec -> spec.path("ci/deploy.yml")));
    }

    // the job takes its script from the included template through extends: and runs a before_script of its own
    // (GitLab replaces the template's whole): both are the pipeline's steps, each rewritten where it stands
    @Test
    void anInheritedScriptAndTheJobsOwnBeforeScriptAreBothTranslated() {
        rewriteRun(
            yaml("""
                include:
                  - local: ci/templates.yml
                deploy-prod:
                  stage: deploy
                  extends: .prefect_deploy
                  before_script:
                    - pip install "prefect==2.14.9"
                    - cd flows
                  variables:
                    ENV: prod
                """, """
                include:
                  - local: ci/templates.yml
                deploy-prod:
                  stage: deploy
                  extends: .prefect_deploy
                  before_script:
                    - pip install "prefect==3.8.3"
                    - cd flows
                  variables:
                    ENV: prod
                """, spec -> spec.path(".gitlab-ci.yml")),
            yaml("""
                .prefect_deploy:
                  image: python:3.11
                  before_script:
                    - pip install -r requirements.txt
                  script:
                    - prefect deployment build etl.py:etl -n nightly -ib kubernetes-job/prod -a
                    - prefect deployment set-schedule etl/nightly --cron "0 3 * * *"
                """, """
                .prefect_deploy:
                  image: python:3.11
                  before_script:
                    - pip install -r requirements.txt
                  script:
                    - prefect --no-prompt deploy --pool prod etl.py:etl --name nightly
                    - prefect deployment schedule create etl/nightly --cron "0 3 * * *" --replace -y
                """, spec -> spec.path("ci/templates.yml")));
    }

    @Test
    void theSameFileNoPipelineIncludesIsLeftAlone() {
        rewriteRun(
            yaml(DEPLOY_TEMPLATE, spec -> spec.path("ci/deploy.yml")),
            yaml("test:\n  script:\n    - pytest -q\n", spec -> spec.path(".gitlab-ci.yml")));
    }
}
