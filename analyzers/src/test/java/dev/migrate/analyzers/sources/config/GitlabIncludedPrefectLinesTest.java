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
 * A GitLab project keeps its deploy job in {@code ci/deploy.yml}, which {@code .gitlab-ci.yml} includes: the Prefect 2
 * commands of its jobs run in the pipeline, so the scan reports them where they stand
 * ({@link GitlabIncludes#includedTemplates}), as the rewrite edits them. The same file that no pipeline includes runs
 * nowhere and is reported nowhere.
 */
class GitlabIncludedPrefectLinesTest {
    @TempDir
    Path tmp;

    private static final String DEPLOY_TEMPLATE = """
            .prefect_setup:
              before_script:
                - pip install "prefect==2.14.20"
            deploy:
              stage: deploy
              image: python:3.11
              extends: .prefect_setup
              script:
                - prefect deployment build flows/etl.py:etl -n nightly -q etl --apply
            worker:
              stage: deploy
              script:
                - prefect agent start -q etl
            """;

    @BeforeEach
    void tree() throws IOException {
        write("ci/deploy.yml", DEPLOY_TEMPLATE);
        write("flows/etl.py", "from prefect import flow\n\n\n@flow\ndef etl():\n    pass\n");
    }

    @Test
    void theCommandsOfAnIncludedTemplateAreReportedAtTheirLines() throws IOException {
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
        assertThat(found).contains("PF201 ci/deploy.yml:9", "PF203 ci/deploy.yml:13");
        // each once, though the pipeline's file and the template are both read
        assertThat(found).filteredOn(f -> f.startsWith("PF203 ")).hasSize(1);
    }

    // included by a file the pipeline includes, with the inline form
    @Test
    void aNestedIncludeCountsToo() throws IOException {
        write(".gitlab/ci/all.yml", "include: [ci/deploy.yml]\n");
        write(".gitlab-ci.yml", "include: '/.gitlab/ci/all.yml'\n");
        assertThat(findings(scan())).contains("PF201 ci/deploy.yml:9", "PF203 ci/deploy.yml:13");
    }

    @Test
    void theSameFileNoPipelineIncludesIsNoCiFile() throws IOException {
        write(".gitlab-ci.yml", "test:\n  script:\n    - pytest -q\n");
        assertThat(findings(scan())).noneMatch(f -> f.contains("ci/deploy.yml"));
    }

    private Inventory scan() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    /** Each finding as its code and place, {@code PF203 ci/deploy.yml:13}. */
    private static List<String> findings(Inventory inv) {
        return inv.findings().stream().map(GitlabIncludedPrefectLinesTest::codeAndLine).toList();
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
