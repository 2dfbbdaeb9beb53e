package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: jobs whose {@code rules:} set the infrastructure block of the templates they run, in a pipeline whose
 * {@code workflow: rules:} set another variable per branch. The scan and the rewrite read the same value per line:
 * where every rule that may run the jobs gives one block the scan names it and the rewrite writes its pool; where the
 * rules differ the scan names none and the rewrite writes no pool (neither rule's, nor a stand-in): it leaves the line.
 */
class GitlabRuleVariablesScanAgreesWithRewriteTest {
    @TempDir
    Path dir;

    @Test
    void theScansBlockIsTheRewritesPoolLineByLine() throws Exception {
        ScanAndRewritePools project = new ScanAndRewritePools(dir).file(".gitlab-ci.yml", """
                include:
                  - local: ci/templates.yml
                variables:
                  REPORT_INFRA: kubernetes-job/staging
                workflow:
                  rules:
                    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
                      variables:
                        REPORT_INFRA: kubernetes-job/production
                    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                    - if: $CI_COMMIT_TAG
                stages: [deploy]
                deploy:etl:
                  extends: .etl
                  rules:
                    - if: $CI_COMMIT_TAG
                      variables:
                        ETL_INFRA: kubernetes-job/prod
                    - if: $CI_PIPELINE_SOURCE == "schedule"
                      variables:
                        ETL_INFRA: kubernetes-job/prod
                    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
                      when: never
                deploy:report:
                  extends: .report
                """).file("ci/templates.yml", """
                .etl:
                  stage: deploy
                  variables:
                    ETL_INFRA: kubernetes-job/dev
                  script:
                    - prefect deployment build flows/etl.py:etl -n etl -ib ${ETL_INFRA} -a
                .report:
                  stage: deploy
                  script:
                    - prefect deployment build flows/report.py:report -n report -ib $REPORT_INFRA -a
                """);

        Map<String, String> scanned = project.scanned();
        assertThat(scanned).containsOnly(Map.entry("ci/templates.yml:6", "prod"), Map.entry("ci/templates.yml:10", "none"));

        Map<String, String> rewritten = project.rewritten(scanned.keySet());
        // before: templates.yml:10 held the stand-in pool (process-pool), which the scan never names
        assertThat(rewritten).isEqualTo(scanned);
    }
}
