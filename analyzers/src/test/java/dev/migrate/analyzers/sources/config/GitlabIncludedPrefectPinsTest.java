package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GitLab project installs Prefect in {@code ci/deploy.yml}, which {@code .gitlab-ci.yml} includes: the rewrite pins
 * its {@code pip install prefect==2.14.20} to Prefect 3 as a CI file's, so the scan reports the pin (PF208) where it
 * stands, as it does in {@code .gitlab-ci.yml}. The same file that no pipeline includes installs nothing anywhere.
 */
class GitlabIncludedPrefectPinsTest {
    @TempDir
    Path tmp;

    private static final String DEPLOY_TEMPLATE = """
            .prefect_setup:
              before_script:
                - pip install "prefect==2.14.20" prefect-aws==0.3.1
            deploy:
              stage: deploy
              image: python:3.11
              extends: .prefect_setup
              variables:
                EXTRA_PIP_PACKAGES: "prefect-gcp==0.4.0"
              script:
                - prefect deploy --all
            """;

    @BeforeEach
    void tree() throws IOException {
        write("ci/deploy.yml", DEPLOY_TEMPLATE);
    }

    @Test
    void thePinsOfAnIncludedTemplateAreReportedAtTheirLine() throws IOException {
        // the pipeline's own file has no Prefect word: it is read for what it includes
        write(".gitlab-ci.yml", """
                stages: [test, deploy]
                include:
                  - local: ci/deploy.yml
                test:
                  stage: test
                  script:
                    - pytest -q
                """);
        List<String> found = findings(scan());
        // prefect==2.14.20 and prefect-aws==0.3.1 on the install line, each once
        assertThat(found).filteredOn(f -> f.equals("PF208 ci/deploy.yml:3")).hasSize(2);
        // EXTRA_PIP_PACKAGES is read as any YAML file's, and not a second time as an included file's
        assertThat(found).filteredOn(f -> f.equals("PF208 ci/deploy.yml:9")).hasSize(1);
    }

    @Test
    void thePipelinesOwnInstallLineIsReportedAsBefore() throws IOException {
        write(".gitlab-ci.yml", "include: ci/deploy.yml\ntest:\n  script:\n    - pip install prefect==2.14.20\n");
        assertThat(findings(scan())).contains("PF208 .gitlab-ci.yml:4", "PF208 ci/deploy.yml:3");
    }

    // included by a file without a Prefect word, which no prefilter lets through: it is read from the tree
    @Test
    void aNestedIncludeCountsToo() throws IOException {
        write("ci/all.yml", "include:\n  - local: /ci/deploy.yml\n");
        write(".gitlab-ci.yml", "include: [ci/all.yml]\n");
        assertThat(findings(scan())).filteredOn(f -> f.equals("PF208 ci/deploy.yml:3")).hasSize(2);
    }

    @Test
    void theSameFileNoPipelineIncludesInstallsNothing() throws IOException {
        write(".gitlab-ci.yml", "test:\n  script:\n    - pytest -q\n");
        // only its EXTRA_PIP_PACKAGES, read in any YAML file
        assertThat(findings(scan())).filteredOn(f -> f.contains("ci/deploy.yml")).containsExactly("PF208 ci/deploy.yml:9");
    }

    private Inventory scan() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    /** Each finding as its code and place, {@code PF208 ci/deploy.yml:3}. */
    private static List<String> findings(Inventory inv) {
        return inv.findings().stream().map(GitlabIncludedPrefectPinsTest::codeAndLine).toList();
    }

    private static String codeAndLine(Finding f) {
        return f.code() + " " + f.where().path() + ":" + f.where().line();
    }

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
