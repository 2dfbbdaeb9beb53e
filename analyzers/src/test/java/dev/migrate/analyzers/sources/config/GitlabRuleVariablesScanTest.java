package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, a pipeline laid out as GitLab's docs show {@code workflow: rules: variables:} (the default branch
 * deploys to production, merge requests and other branches to staging) and a deploy job whose {@code rules:} pick the
 * block per tag: the scan reads the infrastructure block a {@code prefect deployment build -ib} gets as the rules
 * leave it, the one value every rule that may run the job gives, and no value where the rules disagree (it used to
 * read the top-level default, which only the pipelines of other branches run with).
 */
class GitlabRuleVariablesScanTest {
    @TempDir
    Path tmp;

    @Test
    void theWorkflowsRulesMakeTheBlockDifferPerBranch() throws IOException {
        write(".gitlab-ci.yml", """
                variables:
                  INFRA: kubernetes-job/staging
                  PYTHON_VERSION: "3.11"

                workflow:
                  rules:
                    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                      variables:
                        INFRA: kubernetes-job/production
                    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                    - if: $CI_COMMIT_BRANCH

                stages: [test, deploy]

                test:
                  stage: test
                  image: python:${PYTHON_VERSION}
                  script:
                    - pip install -r requirements.txt
                    - pytest

                deploy:
                  stage: deploy
                  image: python:${PYTHON_VERSION}
                  script:
                    - pip install -r requirements.txt
                    - prefect deployment build flows/etl.py:etl -n nightly -ib ${INFRA} -a
                """);
        assertThat(pf205()).containsExactly(".gitlab-ci.yml:27 infrastructure block '${INFRA}'");
        // before: nothing said why, as for a variable no one sets; now each value and the rule that gives it
        assertThat(messages()).singleElement().asString().contains("`${INFRA}` differs per rule "
                + "(kubernetes-job/production where the rule at .gitlab-ci.yml:7 matches; kubernetes-job/staging "
                + "(set at .gitlab-ci.yml:2) where the rule at .gitlab-ci.yml:10 matches; kubernetes-job/staging "
                + "(set at .gitlab-ci.yml:2) where the rule at .gitlab-ci.yml:11 matches)");
    }

    // a secret's value is never shown, whichever rule gives it
    @Test
    void aSecretsValuesAreNotShown() throws IOException {
        write(".gitlab-ci.yml", """
                variables:
                  DEPLOY_TOKEN: staging-token-value
                workflow:
                  rules:
                    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                      variables:
                        DEPLOY_TOKEN: production-token-value
                    - if: $CI_COMMIT_BRANCH
                deploy:
                  script:
                    - prefect deployment build flows/etl.py:etl -n nightly -ib $DEPLOY_TOKEN -a
                """);
        assertThat(messages()).singleElement().asString().contains("differs per rule (*** where the rule at")
                .doesNotContain("token-value");
    }

    // must not change: rules that all give the job one block (the tag's, the schedule's) keep it known
    @Test
    void rulesThatAgreeGiveTheirBlockAndOthersKeepTheJobsOwn() throws IOException {
        write(".gitlab/ci/deploy.yml", """
                .deploy:
                  image: python:3.11
                  variables:
                    INFRA: kubernetes-job/dev
                  script:
                    - prefect deployment build flows/etl.py:etl -n nightly -ib ${INFRA} -a
                """);
        write(".gitlab-ci.yml", """
                include:
                  - local: .gitlab/ci/deploy.yml
                stages: [deploy]
                deploy:prod:
                  stage: deploy
                  extends: .deploy
                  rules:
                    - if: $CI_COMMIT_TAG =~ /^v\\d+/
                      variables:
                        INFRA: kubernetes-job/prod
                    - if: $CI_PIPELINE_SOURCE == "schedule"
                      variables:
                        INFRA: kubernetes-job/prod
                    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                      when: never
                deploy:dev:
                  stage: deploy
                  extends: .deploy
                  rules:
                    - if: $CI_COMMIT_BRANCH == "develop"
                """);
        assertThat(pf205()).containsExactly(".gitlab/ci/deploy.yml:6 infrastructure block '${INFRA}'");
        write(".gitlab-ci.yml", """
                include:
                  - local: .gitlab/ci/deploy.yml
                deploy:prod:
                  extends: .deploy
                  rules:
                    - if: $CI_COMMIT_TAG
                      variables:
                        INFRA: kubernetes-job/prod
                    - if: $CI_PIPELINE_SOURCE == "schedule"
                      variables:
                        INFRA: kubernetes-job/prod
                """);
        assertThat(pf205()).containsExactly(".gitlab/ci/deploy.yml:6 infrastructure block 'kubernetes-job/prod' (${INFRA})");
    }

    /** The PF205 messages. */
    private List<String> messages() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE).findings().stream()
                .filter(f -> f.code().equals("PF205")).map(f -> f.message()).toList();
    }

    private List<String> pf205() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE).findings().stream()
                .filter(f -> f.code().equals("PF205"))
                .map(f -> f.where().path() + ":" + f.where().line() + " "
                        + f.message().substring(0, Math.max(0, f.message().indexOf(" has no"))))
                .sorted().toList();
    }

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
