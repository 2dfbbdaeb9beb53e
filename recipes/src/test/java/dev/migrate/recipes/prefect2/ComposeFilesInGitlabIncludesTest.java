package dev.migrate.recipes.prefect2;

import static org.openrewrite.yaml.Assertions.yaml;

import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A GitLab project's deploy job lives in {@code ci/deploy.yml}, which {@code .gitlab-ci.yml} includes, and runs
 * {@code docker compose -f deploy/stack.yml up -d}: the stack is the project's compose file for the compose recipes
 * (the run's {@code ComposeFiles} reads the included file from the run's own sources), whatever order the files come
 * in. A template nothing includes, another project's file and a remote one name nothing.
 */
class ComposeFilesInGitlabIncludesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new MigrateComposeAgentToWorker());
    }

    private static final String STACK = """
            services:
              agent:
                image: prefecthq/prefect:${PREFECT_VERSION:-2.14.20}-python3.11
                command: prefect agent start -q etl
            """;

    private static final String WORKER = """
            services:
              worker-create-pool:
                image: prefecthq/prefect:${PREFECT_VERSION:-2.14.20}-python3.11
                command: sh -c "n=0; until prefect work-pool inspect process-pool >/dev/null 2>&1 || prefect work-pool create process-pool --type process; do n=$$((n+1)); if [ $$n -ge 30 ]; then echo 'no work pool process-pool, the Prefect API did not answer' >&2; exit 1; fi; sleep 2; done"
                restart: "no"
              worker:
                image: prefecthq/prefect:${PREFECT_VERSION:-2.14.20}-python3.11
                command: prefect worker start --work-queue etl --pool process-pool --type process
                depends_on:
                  worker-create-pool:
                    condition: service_completed_successfully
            """;

    private static final String DEPLOY_TEMPLATE = """
            .compose_up:
              script:
                - docker compose -f deploy/stack.yml pull
                - docker compose -f deploy/stack.yml up -d
            deploy:
              stage: deploy
              image: docker:24
              script:
                - !reference [.compose_up, script]
            """;

    private static final String TEST_JOB = """
            test:
              stage: test
              script:
                - pytest -q
            """;

    @Test
    void aComposeFileNamedOnlyInAnIncludedTemplateIsMigrated() {
        rewriteRun(
            // the stack comes first: what names it is only known once the run was seen
            yaml(STACK, WORKER, spec -> spec.path("deploy/stack.yml")),
            yaml("stages: [test, deploy]\ninclude:\n  - local: ci/deploy.yml\n" + TEST_JOB, spec -> spec.path(".gitlab-ci.yml")),
            yaml(DEPLOY_TEMPLATE, spec -> spec.path("ci/deploy.yml")));
    }

    // the version default of a compose file named that way is raised too
    @Test
    void itsPrefectVersionDefaultIsRaised() {
        rewriteRun(spec -> spec.recipe(new RaisePrefectVersionVariables()),
            yaml("include: '/ci/deploy.yml'\n" + TEST_JOB, spec -> spec.path(".gitlab-ci.yml")),
            yaml(DEPLOY_TEMPLATE, spec -> spec.path("ci/deploy.yml")),
            yaml(STACK, STACK.replace("2.14.20", "3.8.3"), spec -> spec.path("deploy/stack.yml")));
    }

    // a job of the pipeline extends a template of a file included by an included file
    @Test
    void aTemplateTheJobExtendsThroughANestedIncludeNamesItToo() {
        rewriteRun(
            yaml("include:\n  - local: ci/all.yml\ndeploy:\n  extends: .compose_deploy\n", spec -> spec.path(".gitlab-ci.yml")),
            yaml("include:\n  - local: /.gitlab/ci/templates.yml\n", spec -> spec.path("ci/all.yml")),
            yaml(".compose_deploy:\n  before_script:\n    - cd deploy\n  script:\n    - docker compose -f stack.yml up -d\n",
                spec -> spec.path(".gitlab/ci/templates.yml")),
            yaml(STACK, WORKER, spec -> spec.path("deploy/stack.yml")));
    }

    // the job extends an included template that moves into infra/prefect and brings another template's compose
    // lines in with !reference: they run there, so infra/prefect/stack.yml is the compose file
    @Test
    void aReferencedTemplateRunsInTheDirectoryOfTheJobThatBringsItIn() {
        rewriteRun(
            yaml("""
                include:
                  - local: '.gitlab/ci/templates.yml'
                deploy-prefect:
                  stage: deploy
                  extends: .docker_base
                  script:
                    - !reference [.prefect_stack, script]
                """, spec -> spec.path(".gitlab-ci.yml")),
            yaml("""
                .docker_base:
                  image: docker:24.0
                  before_script:
                    - cd infra/prefect
                .prefect_stack:
                  script:
                    - docker compose -f stack.yml up -d --remove-orphans
                """, spec -> spec.path(".gitlab/ci/templates.yml")),
            yaml(STACK, WORKER, spec -> spec.path("infra/prefect/stack.yml")));
    }

    // the job takes the included template's script through extends: but runs its own before_script, which moves it
    // into deploy/ (GitLab replaces the template's before_script whole): stack.yml is deploy's compose file
    @Test
    void anInheritedScriptRunsWhereTheJobsOwnBeforeScriptLeavesIt() {
        rewriteRun(
            yaml("""
                include:
                  - local: ci/templates.yml
                deploy-stack:
                  stage: deploy
                  extends: .compose_deploy
                  before_script:
                    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"
                    - cd deploy
                """, spec -> spec.path(".gitlab-ci.yml")),
            yaml("""
                .compose_deploy:
                  image: docker:24
                  before_script:
                    - cd infra
                  script:
                    - docker compose -f stack.yml up -d
                """, spec -> spec.path("ci/templates.yml")),
            yaml(STACK, WORKER, spec -> spec.path("deploy/stack.yml")),
            yaml(STACK, spec -> spec.path("infra/stack.yml")));
    }

    /** Must not change: the job runs a script of its own, so the template's compose line runs nowhere but in infra/. */
    @Test
    void aJobWithItsOwnScriptDoesNotRunTheTemplates() {
        rewriteRun(
            yaml("""
                include:
                  - local: ci/templates.yml
                deploy-stack:
                  extends: .compose_deploy
                  before_script:
                    - cd deploy
                  script:
                    - docker compose ps
                """, spec -> spec.path(".gitlab-ci.yml")),
            yaml(".compose_deploy:\n  before_script:\n    - cd infra\n  script:\n    - docker compose -f stack.yml up -d\n",
                spec -> spec.path("ci/templates.yml")),
            yaml(STACK, spec -> spec.path("deploy/stack.yml")));
    }

    /** Must not change: the template is in the tree, but no pipeline includes it. */
    @Test
    void aTemplateNothingIncludesNamesNoComposeFile() {
        rewriteRun(
            yaml("stages: [test]\n" + TEST_JOB, spec -> spec.path(".gitlab-ci.yml")),
            yaml(DEPLOY_TEMPLATE, spec -> spec.path("ci/deploy.yml")),
            yaml(STACK, spec -> spec.path("deploy/stack.yml")));
    }

    /** Must not change: another project's file and a remote one are not the tree's, even at the same path. */
    @Test
    void anotherProjectsAndARemoteIncludeAreNotRead() {
        rewriteRun(
            yaml("""
                include:
                  - project: platform/ci-templates
                    file: /ci/deploy.yml
                  - remote: https://gitlab.example.com/shared/ci/deploy.yml
                """ + TEST_JOB, spec -> spec.path(".gitlab-ci.yml")),
            yaml(DEPLOY_TEMPLATE, spec -> spec.path("ci/deploy.yml")),
            yaml(STACK, spec -> spec.path("deploy/stack.yml")));
    }
}
