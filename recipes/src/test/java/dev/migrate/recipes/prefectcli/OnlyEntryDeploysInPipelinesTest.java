package dev.migrate.recipes.prefectcli;

import static org.openrewrite.yaml.Assertions.yaml;

import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * The prefect.yaml a rewritten build line meets is read where the line runs, as the scan reads it: a template file
 * that a GitLab pipeline other than the root's includes ({@code release.gitlab-ci.yml} including
 * {@code .gitlab/ci/build.yml}) runs in that pipeline's job, from where the job's {@code before_script} leaves it.
 */
class OnlyEntryDeploysInPipelinesTest implements RewriteTest {
    private static final String ONE_OTHER_ENTRY = """
            name: etl
            deployments:
              - name: hourly
                entrypoint: deploy.py:etl
            """;
    private static final String TWO_ENTRIES = ONE_OTHER_ENTRY + """
              - name: weekly
                entrypoint: deploy.py:etl
            """;
    private static final String TEMPLATE = """
            .build:
              script:
                - prefect deployment build ../deploy.py:etl -n cli-nightly --apply
            """;

    /** A pipeline under a name of its own whose job moves into {@code dir} before the included template's lines. */
    private static String pipeline(String beforeScript) {
        return """
                include:
                  - local: .gitlab/ci/build.yml
                build:
                  extends: .build
                %s""".formatted(beforeScript);
    }

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInCiYaml());
    }

    /**
     * {@code release.gitlab-ci.yml}'s job runs the template from {@code ci/}, where prefect.yaml holds one other
     * deployment: the line reads no deployment file. Before, only the root {@code .gitlab-ci.yml} was asked, which
     * this tree has not: the template was read as run from the root, whose prefect.yaml holds two entries.
     */
    @Test
    void aTemplateAnotherPipelineRunsInItsDirectoryMeetsTheFileThere() {
        rewriteRun(
            yaml(TWO_ENTRIES, spec -> spec.path("prefect.yaml")),
            yaml(ONE_OTHER_ENTRY, spec -> spec.path("ci/prefect.yaml")),
            yaml(pipeline("  before_script:\n    - cd ci\n"), spec -> spec.path("release.gitlab-ci.yml")),
            yaml(TEMPLATE, """
                    .build:
                      script:
                        - prefect --no-prompt deploy --pool process-pool ../deploy.py:etl --name cli-nightly --prefect-file /dev/null
                    """, spec -> spec.path(".gitlab/ci/build.yml")));
    }

    /** Must not change: the same job from the root, where Prefect picks by name among two entries. */
    @Test
    void aTemplateRunFromTheRootReadsTheFileAsUsual() {
        rewriteRun(
            yaml(TWO_ENTRIES, spec -> spec.path("prefect.yaml")),
            yaml(ONE_OTHER_ENTRY, spec -> spec.path("ci/prefect.yaml")),
            yaml(pipeline(""), spec -> spec.path("release.gitlab-ci.yml")),
            yaml(TEMPLATE, """
                    .build:
                      script:
                        - prefect --no-prompt deploy --pool process-pool ../deploy.py:etl --name cli-nightly
                    """, spec -> spec.path(".gitlab/ci/build.yml")));
    }
}
