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
 * End to end: the templates of {@code ci/*.yml} that per-environment GitLab jobs extend, overriding their variables,
 * are read by the scan and rewritten by the rewrite with the same value per line: where the scan names a block
 * ({@code 'kubernetes-job/prod'}) the rewrite writes that block's pool ({@code --pool prod}); where the jobs running a
 * line disagree the scan names none and the rewrite leaves the line.
 */
class GitlabJobVariablesScanAgreesWithRewriteTest {
    private static final String RECIPE = "dev.migrate.prefect.MigrateToPrefect3FromPrefect2";
    private static final Pattern SCANNED = Pattern.compile("^infrastructure block '([\\w-]+)/([\\w-]+)' \\(");
    private static final Pattern POOL = Pattern.compile("--pool ([\\w-]+)");

    @TempDir
    Path project;

    @Test
    void theScansBlockIsTheRewritesPoolLineByLine() throws Exception {
        write(".gitlab-ci.yml", """
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
                """);
        write("ci/build.yml", """
                .build:
                  stage: build
                  variables:
                    INFRA: kubernetes-job/build
                  script:
                    - prefect deployment build flows/etl.py:etl -n etl -ib ${INFRA} -a
                """);
        write("ci/deploy.yml", """
                .deploy:
                  stage: deploy
                  script:
                    - prefect deployment build flows/report.py:report -n report -ib $INFRA -a
                """);

        Map<String, String> scanned = new TreeMap<>();
        Scanner.standard(ScanOptions.defaults()).scan(project, "root", ScanListener.NONE).findings().forEach(f -> {
            if (f.code().equals("PF205")) {
                Matcher m = SCANNED.matcher(f.message());
                scanned.put(f.where().path() + ":" + f.where().line(), m.find() ? m.group(2) : "none");
            }
        });
        assertThat(scanned).containsExactly(Map.entry("ci/build.yml:6", "build"), Map.entry("ci/deploy.yml:4", "none"));

        RewriteEngine.apply(project, new RewriteEngine(RecipeCatalog.load().activate(List.of(RECIPE)),
                PrefectTarget.defaultTarget(), true).run(project));
        Map<String, String> rewritten = new TreeMap<>();
        for (String key : scanned.keySet()) {
            String path = key.substring(0, key.indexOf(':'));
            int line = Integer.parseInt(key.substring(key.indexOf(':') + 1));
            Matcher m = POOL.matcher(Files.readAllLines(project.resolve(path)).get(line - 1));
            rewritten.put(key, m.find() ? m.group(1) : "none");
        }
        assertThat(rewritten).isEqualTo(scanned);
    }

    private void write(String path, String text) throws Exception {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
