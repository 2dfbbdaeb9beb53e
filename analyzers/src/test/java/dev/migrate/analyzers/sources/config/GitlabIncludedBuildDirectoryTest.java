package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;


import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code prefect deployment build} in a file a GitLab pipeline includes under a name of its own ({@code ci/deploy.yml})
 * runs where its pipeline's job leaves it: the merge with the file it writes reads it through that pipeline, whichever
 * scanned pipeline it is ({@code release.gitlab-ci.yml} too, not the root's alone).
 */
class GitlabIncludedBuildDirectoryTest {
    @TempDir
    Path tmp;

    /** A job of the included file, whose template (in the pipeline) moves it into flows/ before its script. */
    private static final String DEPLOY = """
            deploy:
              extends: .in_flows
              script:
                - prefect deployment build etl.py:etl -n nightly -q etl -a
            """;

    private static final String PIPELINE = """
            include:
              - local: ci/deploy.yml
            .in_flows:
              before_script:
                - cd flows
            """;

    private static final String BUILT = BuiltDeploymentFileMergerTest.builtYaml("nightly", "etl.py:etl", "etl", "0 2 * * *");

    @Test
    void theRootPipelinesIncludedFileWritesInTheDirectoryItsJobRunsIn() throws IOException {
        write(".gitlab-ci.yml", PIPELINE);
        assertBuiltFileMerged();
    }

    @Test
    void anotherPipelinesIncludedFileToo() throws IOException {
        write("release.gitlab-ci.yml", PIPELINE);
        assertBuiltFileMerged();
    }

    /** Without the template's cd, the build writes at the root: the file in flows/ is another deployment's. */
    @Test
    void withoutTheCdTheFileInFlowsIsNotTheBuilds() throws IOException {
        write("release.gitlab-ci.yml", PIPELINE.replace("    - cd flows\n", "    - echo ready\n"));
        write("ci/deploy.yml", DEPLOY);
        write("flows/etl-deployment.yaml", BUILT);
        assertThat(deployments()).extracting(j -> j.source().path())
                .containsExactlyInAnyOrder("ci/deploy.yml", "flows/etl-deployment.yaml");
    }

    /**
     * A {@code prefect deploy} in the included file reads the prefect.yaml of the directory its job runs in
     * (flows/, where the pipeline's template moves it): the command is that entry's deployment.
     */
    @Test
    void aDeployCommandInTheIncludedFileReadsThePrefectYamlWhereItsJobRuns() throws IOException {
        write("release.gitlab-ci.yml", PIPELINE);
        write("ci/deploy.yml", """
                deploy:
                  extends: .in_flows
                  script:
                    - prefect deploy etl.py:etl -n nightly
                """);
        write("flows/etl.py", "from prefect import flow\n\n@flow\ndef etl():\n    pass\n");
        write("flows/prefect.yaml", """
                name: lake
                prefect-version: 3.1.0
                deployments:
                  - name: nightly
                    entrypoint: etl.py:etl
                    work_pool:
                      name: k8s
                """);
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
        assertThat(inv.jobs()).filteredOn(j -> j.kind() == JobKind.PREFECT3_DEPLOYMENT).singleElement().satisfies(j -> {
            assertThat(j.source().path()).isEqualTo("flows/prefect.yaml");
            assertThat(j.attributes()).containsEntry("deployment.deployedBy", "ci/deploy.yml:4:7");
        });
    }

    private void assertBuiltFileMerged() throws IOException {
        write("ci/deploy.yml", DEPLOY);
        write("flows/etl-deployment.yaml", BUILT);
        assertThat(deployments()).singleElement().satisfies(j -> {
            assertThat(j.source().path()).isEqualTo("ci/deploy.yml");
            assertThat(j.attributes()).containsEntry("deployment.builtFile", "flows/etl-deployment.yaml:4");
        });
    }

    private List<Job> deployments() throws IOException {
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
        return inv.jobs().stream().filter(j -> j.kind() == JobKind.PREFECT2_DEPLOYMENT).toList();
    }

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
