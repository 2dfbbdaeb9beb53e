package dev.migrate.recipes.prefectcli;

import static org.openrewrite.yaml.Assertions.yaml;

import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A 2.x agent whose queue is a variable of one known value ({@code prefect agent start -q $QUEUE} with {@code QUEUE:
 * etl-prod} in the CI variables): its worker serves the pool the deployments of that queue moved to, as for
 * {@code -q etl-prod} written out, and as the scan's PF203 says (before: the stand-in pool, which serves none of them).
 * A variable of no known value keeps the stand-in.
 */
class RewriteAgentStartWithKnownQueueVariableTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInCiYaml());
    }

    private static final String BUILDS = """
            deploy:
              script:
                - prefect deployment build flows/etl.py:etl -n prod -q etl-prod -ib kubernetes-job/prod -a
                - prefect deployment build flows/etl.py:etl -n dev -q etl-dev -ib kubernetes-job/dev -a
            """;

    private static final String DEPLOYS = """
            deploy:
              script:
                - prefect --no-prompt deploy --pool prod flows/etl.py:etl --name prod --work-queue etl-prod
                - prefect --no-prompt deploy --pool dev flows/etl.py:etl --name dev --work-queue etl-dev
            """;

    // before: - prefect worker start --work-queue $QUEUE --pool process-pool --type process
    @Test
    void aQueueOfOneKnownValueGivesThePoolItsDeploymentsMovedTo() {
        String variables = """
                variables:
                  QUEUE: etl-prod
                """;
        rewriteRun(
            yaml(variables + BUILDS + """
                agent:
                  script:
                    - prefect agent start -q $QUEUE
                """, variables + DEPLOYS + """
                agent:
                  script:
                    - prefect worker start --work-queue $QUEUE --pool prod --type kubernetes
                """, spec -> spec.path(".gitlab-ci.yml")));
    }

    @Test
    void aQueueOfNoKnownValueKeepsTheStandIn() {
        rewriteRun(
            yaml(BUILDS + """
                agent:
                  script:
                    - prefect agent start -q $QUEUE
                """, DEPLOYS + """
                agent:
                  script:
                    - prefect worker start --work-queue $QUEUE --pool process-pool --type process
                """, spec -> spec.path(".gitlab-ci.yml")));
    }
}
