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
 * An agent's PF203 where its queue ({@code -q $QUEUE}) comes from a variable the GitLab {@code rules:} disagree on:
 * it names each rule's value and where the rule is, as the rewrite's note does when it leaves the line (the pool of
 * the worker follows the queue's deployments); an agent of its own pool, or of a queue no rule sets, keeps its message.
 */
class GitlabRuleAgentQueueScanTest {
    @TempDir
    Path tmp;

    private static final String RULES = """
            variables:
              QUEUE: etl-dev
            workflow:
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                  variables:
                    QUEUE: etl-prod
                - if: $CI_COMMIT_BRANCH
            agent:
              script:
                - %s
            """;

    @Test
    void theAgentsQueueDiffersPerRule() throws IOException {
        assertThat(pf203("prefect agent start -q $QUEUE")).singleElement().asString()
                .startsWith("Prefect 2 agent (`prefect agent start`); agents were removed in Prefect 3")
                .contains("; its queue `$QUEUE` differs per rule (etl-prod where the rule at .gitlab-ci.yml:5 "
                        + "matches; etl-dev (set at .gitlab-ci.yml:2) where the rule at .gitlab-ci.yml:8 matches)")
                .endsWith("the pool its worker serves follows where the deployments of the queue moved, for each "
                        + "rule's value");
    }

    @Test
    void anAgentOfItsOwnPoolIsNotConcerned() throws IOException {
        assertThat(pf203("prefect agent start -p etl-pool -q $QUEUE")).singleElement().asString()
                .doesNotContain("differs per rule");
    }

    @Test
    void aQueueNoRuleSetsKeepsTheMessage() throws IOException {
        assertThat(pf203("prefect agent start -q $QUEUE".replace("$QUEUE", "$OTHER"))).singleElement().asString()
                .isEqualTo(PrefectCommandReport.agentMessage(null));
    }

    private List<String> pf203(String agent) throws IOException {
        TreeFiles.write(tmp, ".gitlab-ci.yml", RULES.formatted(agent));
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE).findings().stream()
                .filter(f -> f.code().equals("PF203")).map(Finding::message).toList();
    }
}
