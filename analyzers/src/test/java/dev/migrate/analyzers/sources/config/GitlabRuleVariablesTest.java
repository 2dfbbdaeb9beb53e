package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a job's {@code rules:} and the pipeline's {@code workflow: rules:} set ({@link GitlabRuleVariables}), read
 * through the job model: a matching rule's {@code variables:} override the job's (the workflow's the top-level ones),
 * and since which rule matches is not known, a value holds only where every rule that may let the job run agrees.
 * Before, every rule's variables were left out: the job's own value was read even where a rule replaces it.
 */
class GitlabRuleVariablesTest {

    /** The job's variables as {@code NAME=written}, an unknown one as {@code NAME=?}. */
    private static Map<String, String> variables(String text, String job) {
        Map<String, String> out = new java.util.TreeMap<>();
        new GitlabJobModel(List.of(text)).variablesOf(job).forEach((n, v) -> out.put(n, v.written() == null ? "?" : v.written()));
        return out;
    }

    // before: dev, the job's own value, though on main the job runs with prod
    @Test
    void aRuleThatSetsAValueAndOneThatKeepsTheJobsDisagree() {
        assertThat(variables("""
                deploy:
                  variables:
                    INFRA: kubernetes-job/dev
                  rules:
                    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                      variables:
                        INFRA: kubernetes-job/prod
                    - when: on_success
                  script:
                    - prefect deployment build etl.py:etl -ib $INFRA -a
                """, "deploy")).containsEntry("INFRA", "?");
    }

    // before: dev; every rule that lets it run gives prod (quoted or not), so prod is what it runs with
    @Test
    void rulesThatAllSetTheSameValueGiveIt() {
        assertThat(variables("""
                deploy:
                  variables:
                    INFRA: kubernetes-job/dev
                  rules:
                    - if: $CI_COMMIT_TAG
                      variables:
                        INFRA: kubernetes-job/prod
                    - if: $CI_PIPELINE_SOURCE == "schedule"
                      variables:
                        INFRA: "kubernetes-job/prod"
                  script:
                    - prefect deployment build etl.py:etl -ib $INFRA -a
                """, "deploy")).containsEntry("INFRA", "kubernetes-job/prod");
    }

    // a `when: never` rule lets nothing run, so its value is never one; a rule without a condition ends the list
    @Test
    void aNeverRuleAndTheRulesAfterAnAlwaysRuleDoNotCount() {
        assertThat(variables("""
                deploy:
                  rules:
                    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                      when: never
                      variables:
                        INFRA: kubernetes-job/review
                    - if: $CI_COMMIT_TAG
                      variables:
                        INFRA: kubernetes-job/prod
                    - variables:
                        INFRA: kubernetes-job/prod
                    - if: $NIGHTLY
                      variables:
                        INFRA: kubernetes-job/nightly
                  script:
                    - prefect deployment build etl.py:etl -ib $INFRA -a
                """, "deploy")).containsEntry("INFRA", "kubernetes-job/prod");
    }

    // one rule sets it, the other leaves it unset: set on one branch and not on the other is no one value
    @Test
    void aValueOnlySomeRulesSetIsUnknown() {
        assertThat(variables("""
                deploy:
                  rules:
                    - if: $CI_COMMIT_TAG
                      variables:
                        INFRA: kubernetes-job/prod
                    - if: $CI_COMMIT_BRANCH
                  script: [prefect deployment build etl.py:etl -ib $INFRA -a]
                """, "deploy")).containsEntry("INFRA", "?");
    }

    // must not change: rules without variables, and a rule set of a template a job extends, read as the job's
    @Test
    void rulesWithoutVariablesChangeNothingAndATemplatesRulesAreTheJobs() {
        String text = """
                .on_tags:
                  rules:
                    - if: $CI_COMMIT_TAG
                      variables:
                        DEPLOYMENT: release
                deploy:plain:
                  variables:
                    DEPLOYMENT: nightly
                  rules:
                    - if: $CI_COMMIT_BRANCH
                    - when: manual
                  script: [prefect deployment run "etl/$DEPLOYMENT"]
                deploy:tags:
                  extends: .on_tags
                  variables:
                    DEPLOYMENT: nightly
                  script: [prefect deployment run "etl/$DEPLOYMENT"]
                """;
        assertThat(variables(text, "deploy:plain")).containsEntry("DEPLOYMENT", "nightly");
        assertThat(variables(text, "deploy:tags")).containsEntry("DEPLOYMENT", "release");
    }

    // GitLab flattens `- !reference [.rules, deploy]` into the list
    @Test
    void aReferencedRuleListIsFollowed() {
        assertThat(variables("""
                .rules:
                  deploy:
                    - if: $CI_COMMIT_TAG
                      variables:
                        INFRA: kubernetes-job/prod
                    - if: $CI_COMMIT_BRANCH == "main"
                      variables:
                        INFRA: kubernetes-job/prod
                deploy:
                  variables:
                    INFRA: kubernetes-job/dev
                  rules:
                    - !reference [.rules, deploy]
                  script: [prefect deployment build etl.py:etl -ib $INFRA -a]
                """, "deploy")).containsEntry("INFRA", "kubernetes-job/prod");
    }

    // workflow rules override the top-level variables, a job's own override those, its inherit: still decides
    @Test
    void workflowRulesOverrideThePipelinesVariablesUnderTheJobsOwn() {
        String text = """
                variables:
                  DEPLOYMENT: nightly
                  POOL: k8s
                workflow:
                  rules:
                    - if: $CI_COMMIT_TAG
                      variables:
                        DEPLOYMENT: release
                        POOL: k8s-prod
                    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                      variables:
                        POOL: k8s-prod
                    - if: $CI_PIPELINE_SOURCE == "push"
                      when: never
                deploy:
                  script: [prefect deployment run "etl/$DEPLOYMENT"]
                deploy:adhoc:
                  variables:
                    DEPLOYMENT: adhoc
                  script: [prefect deployment run "etl/$DEPLOYMENT"]
                deploy:alone:
                  inherit:
                    variables: false
                  script: [prefect deployment run "etl/$DEPLOYMENT"]
                """;
        assertThat(variables(text, "deploy")).containsEntry("DEPLOYMENT", "?").containsEntry("POOL", "k8s-prod");
        assertThat(variables(text, "deploy:adhoc")).containsEntry("DEPLOYMENT", "adhoc").containsEntry("POOL", "k8s-prod");
        assertThat(variables(text, "deploy:alone")).isEmpty();
    }

    // a job's rules read the workflow's value as the one they keep: both give release, so release it is
    @Test
    void aJobsRuleAgreeingWithTheWorkflowsValueKeepsIt() {
        assertThat(variables("""
                workflow:
                  rules:
                    - if: $CI_COMMIT_TAG
                      variables:
                        DEPLOYMENT: release
                deploy:
                  rules:
                    - if: $CI_COMMIT_TAG
                    - if: $CI_COMMIT_BRANCH
                      variables:
                        DEPLOYMENT: release
                  script: [prefect deployment run "etl/$DEPLOYMENT"]
                """, "deploy")).containsEntry("DEPLOYMENT", "release");
    }
}
