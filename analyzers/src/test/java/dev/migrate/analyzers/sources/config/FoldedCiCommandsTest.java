package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/**
 * A long command in a workflow is often written as a folded block ({@code run: >}), which YAML hands to the shell as
 * one line: its schedule flags on the next line are the command's, as they are after a backslash.
 */
class FoldedCiCommandsTest {
    @Test
    void aFoldedRunStepIsOneCommand() {
        String workflow = """
                name: deploy
                on: push
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Deploy
                        run: >
                          prefect deploy flows/etl.py:etl -n nightly -p k8s
                          --cron "0 1 * * *" --timezone Europe/Berlin
                      - run: echo done
                """;
        String out = DetectorHarness.run(new PrefectCliLineDetector(), ".github/workflows/deploy.yml", workflow);
        assertThat(out).contains("job prefect3-nightly-", "' at .github/workflows/deploy.yml:9:11",
                "schedule CRON_PREFECT '0 1 * * *' tz=Europe/Berlin");
    }

    /** GitLab's script items may be folded too ({@code - >-}); a build's {@code -a} on the next line is its own. */
    @Test
    void aFoldedGitlabScriptItemIsOneCommand() {
        String pipeline = """
                deploy:
                  script:
                    - >-
                      prefect deployment build flows/etl.py:etl -n nightly -q etl
                      --interval 3600 -a
                    - echo done
                """;
        String out = DetectorHarness.run(new PrefectCliLineDetector(), ".gitlab-ci.yml", pipeline);
        assertThat(out).contains("job prefect2-nightly-", "' at .gitlab-ci.yml:4:7", "schedule INTERVAL 'PT3600S'");
    }

    /**
     * A literal block ({@code run: |}) keeps its lines: each is a command of its own; so do a folded block's
     * paragraphs, which a blank line ends, and its more-indented lines.
     */
    @Test
    void literalBlocksAndFoldedParagraphsKeepTheirLines() {
        String workflow = """
                jobs:
                  deploy:
                    steps:
                      - run: |
                          prefect deploy flows/etl.py:etl -n literal -p k8s
                          echo "--cron 0 1 * * *"
                      - run: >
                          prefect deploy flows/etl.py:etl -n folded -p k8s

                          echo "--cron 0 2 * * *"
                            --interval 60
                """;
        String out = DetectorHarness.run(new PrefectCliLineDetector(), ".github/workflows/deploy.yml", workflow);
        assertThat(out).contains("job prefect3-literal-", "job prefect3-folded-").doesNotContain("schedule ");
    }
}
