package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.RecipeCatalog;
import dev.migrate.recipes.engine.RewriteEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: jobs whose {@code rules:} set the infrastructure block of the templates they run, in a pipeline whose
 * {@code workflow: rules:} set another variable per branch. The scan and the rewrite read the same value per line:
 * where every rule that may run the jobs gives one block the scan names it and the rewrite writes its pool; where the
 * rules differ the scan names none and the rewrite writes neither rule's pool.
 */
class GitlabRuleVariablesScanAgreesWithRewriteTest {
    private static final String RECIPE = "dev.migrate.prefect.MigrateToPrefect3FromPrefect2";
    private static final Pattern SCANNED = Pattern.compile("^infrastructure block '([\\w-]+)/([\\w-]+)' \\(");
    private static final Pattern POOL = Pattern.compile("--pool ([\\w-]+)");

    @TempDir
    Path project;

    @Test
    void theScansBlockIsTheRewritesPoolLineByLine() throws Exception {
        write(".gitlab-ci.yml", """
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
                """);
        write("ci/templates.yml", """
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

        Map<String, String> scanned = new TreeMap<>();
        Scanner.standard(ScanOptions.defaults()).scan(project, "root", ScanListener.NONE).findings().forEach(f -> {
            if (f.code().equals("PF205")) {
                Matcher m = SCANNED.matcher(f.message());
                scanned.put(f.where().path() + ":" + f.where().line(), m.find() ? m.group(2) : "none");
            }
        });
        assertThat(scanned).containsOnly(Map.entry("ci/templates.yml:6", "prod"), Map.entry("ci/templates.yml:10", "none"));

        RewriteEngine.apply(project, new RewriteEngine(RecipeCatalog.load().activate(List.of(RECIPE)),
                PrefectTarget.defaultTarget(), true).run(project));
        Map<String, String> rewritten = new TreeMap<>();
        for (String key : scanned.keySet()) {
            String path = key.substring(0, key.indexOf(':'));
            int line = Integer.parseInt(key.substring(key.indexOf(':') + 1));
            Matcher m = POOL.matcher(Files.readAllLines(project.resolve(path)).get(line - 1));
            rewritten.put(key, m.find() ? m.group(1) : "none");
        }
        assertThat(rewritten.get("ci/templates.yml:6")).isEqualTo("prod");
        assertThat(rewritten.get("ci/templates.yml:10")).isNotIn("staging", "production");
    }

    private void write(String path, String text) throws Exception {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
