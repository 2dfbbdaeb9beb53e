package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.analyzers.sources.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2.x agent whose queue is a variable of one known value ({@code prefect agent start -q $QUEUE} with {@code QUEUE:
 * etl-prod} in the CI variables, or {@code QUEUE=etl-prod} above it in a script): its PF203 names the pool the
 * deployments of that queue moved to, as the rewrite's worker serves it (before: the generic message, whose worker
 * serves the stand-in pool). A variable of no known value, or of values that disagree, keeps the message it had.
 */
class AgentQueueVariableScanTest {
    @TempDir
    Path tmp;

    private static final String DEPLOYS = """
            deploy:
              script:
                - prefect deployment build flows/etl.py:etl -n prod -q etl-prod -ib kubernetes-job/prod -a
                - prefect deployment build flows/etl.py:etl -n dev -q etl-dev -ib kubernetes-job/dev -a
            """;

    private static final String PROD_POOL = "`prefect worker start --pool prod --type kubernetes --work-queue etl-prod`";

    @Test
    void aCiVariableOfOneValueNamesTheQueuesPool() throws IOException {
        TreeFiles.write(tmp, ".gitlab-ci.yml", """
                variables:
                  QUEUE: etl-prod
                """ + DEPLOYS + """
                agent:
                  script:
                    - prefect agent start -q $QUEUE
                """);
        assertThat(pf203()).singleElement().asString().contains(PROD_POOL);
    }

    @Test
    void gitlabRulesThatAgreeGiveTheQueueOneValue() throws IOException {
        TreeFiles.write(tmp, ".gitlab-ci.yml", """
                variables:
                  QUEUE: etl-prod
                workflow:
                  rules:
                    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                      variables:
                        QUEUE: etl-prod
                    - if: $CI_COMMIT_BRANCH
                """ + DEPLOYS + """
                agent:
                  script:
                    - prefect agent start -q $QUEUE
                """);
        assertThat(pf203()).singleElement().asString().contains(PROD_POOL);
    }

    @Test
    void aScriptVariableOfOneValueNamesTheQueuesPool() throws IOException {
        TreeFiles.write(tmp, ".gitlab-ci.yml", DEPLOYS);
        TreeFiles.write(tmp, "scripts/agent.sh", """
                #!/bin/sh
                QUEUE=etl-prod
                prefect agent start -q "$QUEUE"
                """);
        assertThat(pf203()).singleElement().asString().contains(PROD_POOL);
    }

    @Test
    void aVariableOfNoKnownValueKeepsTheMessage() throws IOException {
        TreeFiles.write(tmp, ".gitlab-ci.yml", DEPLOYS + """
                agent:
                  script:
                    - prefect agent start -q $QUEUE
                """);
        assertThat(pf203()).containsExactly(PrefectCommandReport.agentMessage(null));
    }

    @Test
    void aVariableOfValuesThatDisagreeKeepsTheMessage() throws IOException {
        TreeFiles.write(tmp, ".gitlab-ci.yml", DEPLOYS);
        TreeFiles.write(tmp, "scripts/agent.sh", """
                #!/bin/sh
                if [ "$1" = prod ]; then QUEUE=etl-prod; else QUEUE=etl-dev; fi
                prefect agent start -q "$QUEUE"
                """);
        assertThat(pf203()).containsExactly(PrefectCommandReport.agentMessage(null));
    }

    private List<String> pf203() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE).findings().stream()
                .filter(f -> f.code().equals("PF203")).map(Finding::message).toList();
    }
}
