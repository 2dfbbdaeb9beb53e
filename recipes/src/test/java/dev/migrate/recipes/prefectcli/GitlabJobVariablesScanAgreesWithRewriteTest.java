package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the templates of {@code ci/*.yml} that per-environment GitLab jobs extend, overriding their variables,
 * are read by the scan and rewritten by the rewrite with the same value per line: where the scan names a block
 * ({@code 'kubernetes-job/prod'}) the rewrite writes that block's pool ({@code --pool prod}); where the jobs running a
 * line disagree the scan names none and the rewrite leaves the line.
 */
class GitlabJobVariablesScanAgreesWithRewriteTest {
    @TempDir
    Path dir;

    @Test
    void theScansBlockIsTheRewritesPoolLineByLine() throws Exception {
        ScanAndRewritePools project = new ScanAndRewritePools(dir).file(".gitlab-ci.yml", """
                include:
                  - local: ci/build.yml
                  - local: ci/deploy.yml
                variables:
                  INFRA: kubernetes-job/dev
                stages: [build, deploy]
                build:flows:
                  extends: .build
                deploy:staging:
                  extends: .deploy
                  variables:
                    INFRA: kubernetes-job/staging
                deploy:prod:
                  extends: .deploy
                  variables:
                    INFRA: kubernetes-job/prod
                """).file("ci/build.yml", """
                .build:
                  stage: build
                  variables:
                    INFRA: kubernetes-job/build
                  script:
                    - prefect deployment build flows/etl.py:etl -n etl -ib ${INFRA} -a
                """).file("ci/deploy.yml", """
                .deploy:
                  stage: deploy
                  script:
                    - prefect deployment build flows/report.py:report -n report -ib $INFRA -a
                """);

        Map<String, String> scanned = project.scanned();
        assertThat(scanned).containsExactly(Map.entry("ci/build.yml:6", "build"), Map.entry("ci/deploy.yml:4", "none"));

        Map<String, String> rewritten = project.rewritten(scanned.keySet());
        assertThat(rewritten).isEqualTo(scanned);
    }
}
