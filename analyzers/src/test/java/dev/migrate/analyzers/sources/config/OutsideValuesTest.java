package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutsideValuesTest {
    @Test
    void aGithubContextNamesItsSettingsPage() {
        assertThat(OutsideValues.NONE.of("${{ vars.INFRA_BLOCK }}")).contains("`${{ vars.INFRA_BLOCK }}` is set outside "
                + "the repository, by the GitHub Actions variable INFRA_BLOCK (Settings > Secrets and variables > Actions > "
                + "Variables of the repository, of an environment or of the organisation)");
        assertThat(OutsideValues.NONE.of("${{secrets.STORAGE}}")).hasValueSatisfying(s -> assertThat(s)
                .contains("the GitHub Actions secret STORAGE", "its value is never shown"));
    }

    // a GitLab job reads the project's CI/CD variables by name: one the file never sets is one of them, unless GitLab
    // itself sets it (CI_COMMIT_REF_NAME) or the file does (even to a value that is not known)
    @Test
    void aNameAGitlabPipelineNeverSetsIsACiCdVariable() {
        String pipeline = """
                variables:
                  QUEUE: default
                  POOL: $OTHER
                deploy:
                  script:
                    - prefect deployment build flows/etl.py:etl -ib $INFRA_BLOCK -q $QUEUE
                """;
        OutsideValues outside = OutsideValues.at("ci/.gitlab-ci.yml", LiteralVariables.ci(pipeline), pipeline.indexOf("- prefect"));
        assertThat(outside.of("$INFRA_BLOCK")).hasValueSatisfying(s -> assertThat(s).startsWith(
                "`$INFRA_BLOCK` is set outside the repository, by a GitLab CI/CD variable INFRA_BLOCK that .gitlab-ci.yml "
                        + "does not set (Settings > CI/CD > Variables"));
        assertThat(outside.of("${INFRA_BLOCK}")).isPresent();
        assertThat(outside.of("$QUEUE")).isEmpty();
        assertThat(outside.of("$POOL")).isEmpty();
        assertThat(outside.of("$CI_COMMIT_REF_NAME")).isEmpty();
        assertThat(outside.of("kubernetes-job/prod")).isEmpty();
    }

    @Test
    void aScriptsEnvironmentIsNoSettingsPage() {
        String script = "prefect deployment build flows/etl.py:etl -ib $INFRA_BLOCK\n";
        assertThat(OutsideValues.at("deploy.sh", LiteralVariables.shell(script), script.length()).of("$INFRA_BLOCK")).isEmpty();
        assertThat(OutsideValues.at(".github/workflows/deploy.yml", LiteralVariables.ci("env:\n  X: y\n"), 0)
                .of("$INFRA_BLOCK")).isEmpty();
    }
}
