package dev.migrate.recipes.prefect2;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a {@code PREFECT_VERSION} set in {@code .gitlab/ci/vars.yml}, which {@code .gitlab-ci.yml} includes and
 * whose job installs Prefect with it, is reported by the scan (PF208) and raised by the rewrite, after which the scan
 * reports it no more.
 */
class GitlabIncludedVersionScanAgreesWithRewriteTest {
    private static final String RECIPE = "dev.migrate.prefect.MigrateToPrefect3FromPrefect2";

    @TempDir
    Path project;

    @Test
    void theVersionTheScanReportsIsTheOneTheRewriteRaises() throws Exception {
        write(".gitlab-ci.yml", """
                include:
                  - local: .gitlab/ci/vars.yml
                stages: [deploy]
                deploy:
                  stage: deploy
                  image: python:3.11
                  script:
                    - pip install "prefect==$PREFECT_VERSION"
                    - python flows/deploy.py
                """);
        write(".gitlab/ci/vars.yml", """
                variables:
                  PREFECT_VERSION: "2.14.3"
                """);

        assertThat(pf208()).containsExactly(".gitlab/ci/vars.yml:2");

        RewriteEngine.apply(project, new RewriteEngine(RecipeCatalog.load().activate(List.of(RECIPE)),
                PrefectTarget.defaultTarget(), true).run(project));
        assertThat(Files.readString(project.resolve(".gitlab/ci/vars.yml"))).doesNotContain("2.14.3")
                .contains("PREFECT_VERSION: \"3.");
        assertThat(pf208()).isEmpty();
    }

    private List<String> pf208() throws Exception {
        return Scanner.standard(ScanOptions.defaults()).scan(project, "root", ScanListener.NONE).findings().stream()
                .filter(f -> f.code().equals("PF208")).map(f -> f.where().path() + ":" + f.where().line()).toList();
    }

    private void write(String path, String text) throws Exception {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
