package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A 2.x agent whose queue comes from a variable the GitLab {@code rules:} of its job disagree on
 * ({@code prefect agent start -q $QUEUE}, the workflow's rule giving {@code etl-prod} on the default branch, the
 * top-level {@code etl-dev} elsewhere): its worker's pool follows where the deployments of that queue moved, which
 * differs per value, so it is left as it was with a note naming each rule's value, as a build whose {@code -ib} reads
 * such a variable is (before: the stand-in pool, which serves none of those deployments). Where no pool follows from
 * the value (no known queue pools, an agent's own pool) the line is rewritten as before; rules that agree give the
 * queue one value, whose deployments' pool the worker serves.
 */
class RewriteAgentStartWithGitlabRuleVariablesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInCiYaml());
    }

    /** Builds that move queue etl-prod to pool prod and etl-dev to pool dev, then the agent of {@code agent}. */
    private static String pipeline(String variables, String agent) {
        return variables + """
                deploy:
                  script:
                    - prefect deployment build flows/etl.py:etl -n prod -q etl-prod -ib kubernetes-job/prod -a
                    - prefect deployment build flows/etl.py:etl -n dev -q etl-dev -ib kubernetes-job/dev -a
                agent:
                  script:
                    - %s
                """.formatted(agent);
    }

    private static final String DISAGREEING = """
            variables:
              QUEUE: etl-dev
            workflow:
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                  variables:
                    QUEUE: etl-prod
                - if: $CI_COMMIT_BRANCH
            """;

    private static final String DEPLOYS = """
            deploy:
              script:
                - prefect --no-prompt deploy --pool prod flows/etl.py:etl --name prod --work-queue etl-prod
                - prefect --no-prompt deploy --pool dev flows/etl.py:etl --name dev --work-queue etl-dev
            """;

    // before: - prefect worker start --work-queue $QUEUE --pool process-pool --type process
    @Test
    void anAgentWhoseQueueDiffersPerRuleIsLeftWithEachRulesValue() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows).anySatisfy(r -> {
                assertThat(r.sourcePath()).isEqualTo(".gitlab-ci.yml");
                assertThat(r.line()).isEqualTo(15);
                assertThat(r.manual()).isTrue();
                assertThat(r.message()).startsWith("left as it was: `$QUEUE` differs per rule (etl-prod where the rule "
                        + "at .gitlab-ci.yml:5 matches; etl-dev (set at .gitlab-ci.yml:2) where the rule at "
                        + ".gitlab-ci.yml:8 matches)").contains("the work pool the worker serves follows where the "
                        + "deployments of its queue moved").doesNotContain("process-pool");
            })),
            yaml(pipeline(DISAGREEING, "prefect agent start -q $QUEUE"),
                DISAGREEING + DEPLOYS + """
                agent:
                  script:
                    - prefect agent start -q $QUEUE
                """, spec -> spec.path(".gitlab-ci.yml")));
    }

    // no deployment of the project says where a queue moved: every value gets the stand-in, right for every run
    @Test
    void withoutKnownQueuePoolsTheStandInIsKept() {
        rewriteRun(
            yaml(DISAGREEING + """
                agent:
                  script:
                    - prefect agent start -q $QUEUE
                """, DISAGREEING + """
                agent:
                  script:
                    - prefect worker start --work-queue $QUEUE --pool process-pool --type process
                """, spec -> spec.path(".gitlab-ci.yml")));
    }

    // an agent of its own pool: the worker serves that pool whatever queue a rule picks
    @Test
    void anAgentOfItsOwnPoolIsRewrittenAsBefore() {
        rewriteRun(
            yaml(pipeline(DISAGREEING, "prefect agent start -p etl-pool -q $QUEUE"),
                DISAGREEING + DEPLOYS + """
                agent:
                  script:
                    - prefect worker start --pool etl-pool --work-queue $QUEUE --type process
                """, spec -> spec.path(".gitlab-ci.yml")));
    }

    // every rule gives the same queue: no disagreement, the queue is that one value and the worker serves the pool its
    // deployments moved to (before: the stand-in process-pool, which serves none of them)
    @Test
    void rulesThatAgreeGiveThePoolOfTheirOneQueue() {
        String agreeing = """
                variables:
                  QUEUE: etl-prod
                workflow:
                  rules:
                    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                      variables:
                        QUEUE: etl-prod
                    - if: $CI_COMMIT_BRANCH
                """;
        rewriteRun(
            yaml(pipeline(agreeing, "prefect agent start -q $QUEUE"),
                agreeing + DEPLOYS + """
                agent:
                  script:
                    - prefect worker start --work-queue $QUEUE --pool prod --type kubernetes
                """, spec -> spec.path(".gitlab-ci.yml")));
    }
}
