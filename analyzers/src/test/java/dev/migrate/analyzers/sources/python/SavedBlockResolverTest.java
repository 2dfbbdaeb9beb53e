package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.sources.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deployments that load their blocks by name, scanned with the script that saves them in another file
 * (blocks/create_blocks.py), as public Prefect 2 projects are laid out: the inventory shows the saved image and code
 * source, and PF205/PF206 say which save it is.
 */
class SavedBlockResolverTest {
    private static final String BLOCKS = """
            from prefect.filesystems import GitHub
            from prefect.infrastructure import DockerContainer, ImagePullPolicy

            DockerContainer(
                image="org/etl:1.4",
                image_pull_policy=ImagePullPolicy.ALWAYS,
                env={"STAGE": "prod"},
            ).save("etl-docker", overwrite=True)

            GitHub(repository="https://github.com/org/etl", reference="main").save("repo", overwrite=True)
            """;
    private static final String FLOW = """
            from prefect import flow


            @flow(name="etl")
            def etl():
                pass
            """;

    @TempDir
    Path tmp;
    private Inventory inv;

    private void scan(String... pathsAndTexts) throws IOException {
        TreeFiles.write(tmp, pathsAndTexts);
        inv = Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    private Job job(String source) {
        return inv.jobs().stream().filter(j -> j.source().path().equals(source)).findFirst().orElseThrow();
    }

    /** A deployment's findings of a code (not those of the file's imports, which belong to no job). */
    private List<String> messages(String code, String path) {
        return inv.findings().stream().filter(f -> f.code().equals(code) && f.where().path().equals(path)
                        && f.jobId() != null)
                .map(Finding::message).toList();
    }

    @Test
    void aPythonDeploymentLoadingSavedBlocksShowsTheirSettingsAndSaves() throws IOException {
        scan("blocks/create_blocks.py", BLOCKS, "flows/etl.py", FLOW, "deployments/deploy.py", """
                from prefect.deployments import Deployment
                from prefect.filesystems import GitHub
                from prefect.infrastructure import DockerContainer

                from flows.etl import etl


                def main():
                    infra = DockerContainer.load("etl-docker")
                    Deployment.build_from_flow(etl, "nightly", infrastructure=infra,
                                               storage=GitHub.load("repo"), apply=True)


                main()
                """);
        Job j = job("deployments/deploy.py");
        assertThat(j.attributes()).containsEntry("infrastructureSavedAt", "blocks/create_blocks.py:4")
                .containsEntry("image", "org/etl:1.4").containsEntry("storageSavedAt", "blocks/create_blocks.py:10")
                .containsEntry("storageSource", "https://github.com/org/etl@main");
        assertThat(messages("PF205", "deployments/deploy.py")).containsExactly("deployment etl/nightly runs on "
                + "infrastructure block DockerContainer 'etl-docker'; Prefect 3 uses a work pool of type docker and its "
                + "job variables; its settings are those of the DockerContainer saved at blocks/create_blocks.py:4 "
                + "(image org/etl:1.4, image_pull_policy ALWAYS)");
        assertThat(messages("PF206", "deployments/deploy.py")).singleElement().asString()
                .endsWith("; its settings are those of the GitHub saved at blocks/create_blocks.py:10 "
                        + "(repository https://github.com/org/etl, reference main)");
        // the saving script: one finding per removed class it imports, saying where its settings go
        assertThat(inv.findings().stream().filter(f -> f.where().path().equals("blocks/create_blocks.py")
                && f.code().equals("PF205")).map(Finding::message)).singleElement().asString().endsWith("; of the blocks "
                + "this file saves, 'etl-docker' (line 4) is loaded by etl/nightly: in Prefect 3 their settings live on "
                + "those deployments (job_variables, image) and their work pool: once they are there, this script is no longer needed");
    }

    @Test
    void aDeploymentYamlAndABuildCommandResolveTheSameWay() throws IOException {
        scan("blocks/create_blocks.py", BLOCKS, "flows/etl.py", FLOW, "etl-deployment.yaml", """
                name: nightly
                flow_name: etl
                entrypoint: flows/etl.py:etl
                work_queue_name: etl
                infrastructure:
                  type: docker-container
                  image: org/etl:1.4
                  _block_document_name: etl-docker
                  _block_type_slug: docker-container
                storage:
                  repository: https://github.com/org/etl
                  _block_document_name: repo
                  _block_type_slug: github
                """, "deploy.sh", """
                #!/bin/sh
                prefect deployment build flows/etl.py:etl -n hourly -q etl -ib docker-container/etl-docker -sb github/repo --apply
                """);
        assertThat(job("etl-deployment.yaml").attributes()).containsEntry("infrastructureSavedAt", "blocks/create_blocks.py:4")
                .containsEntry("storageSavedAt", "blocks/create_blocks.py:10");
        assertThat(job("deploy.sh").attributes()).containsEntry("infrastructureSavedAt", "blocks/create_blocks.py:4")
                .containsEntry("image", "org/etl:1.4");
        assertThat(messages("PF205", "deploy.sh")).singleElement().asString()
                .endsWith("; its settings are those of the DockerContainer saved at blocks/create_blocks.py:4 "
                        + "(image org/etl:1.4, image_pull_policy ALWAYS)");
    }

    @Test
    void aNameSavedTwiceIsSaidNotChosen() throws IOException {
        scan("blocks/dev.py", """
                from prefect.infrastructure import DockerContainer
                DockerContainer(image="org/etl:dev").save("etl-docker", overwrite=True)
                """, "blocks/prod.py", """
                from prefect.infrastructure import DockerContainer
                DockerContainer(image="org/etl:1.4").save("etl-docker", overwrite=True)
                """, "flows/etl.py", FLOW, "deploy.sh", """
                #!/bin/sh
                prefect deployment build flows/etl.py:etl -n hourly -q etl -ib docker-container/etl-docker --apply
                """);
        assertThat(job("deploy.sh").attributes()).doesNotContainKeys("infrastructureSavedAt", "image");
        assertThat(messages("PF205", "deploy.sh")).singleElement().asString().endsWith("; the project saves this "
                + "block, but 'etl-docker' is saved 2 times (blocks/dev.py:2, blocks/prod.py:2): which settings it has "
                + "depends on which script ran last");
    }

    @Test
    void aNameNoScriptSavesChangesNothing() throws IOException {
        scan("blocks/create_blocks.py", BLOCKS, "flows/etl.py", FLOW, "deploy.sh", """
                #!/bin/sh
                prefect deployment build flows/etl.py:etl -n hourly -q etl -ib docker-container/other --apply
                """);
        assertThat(job("deploy.sh").attributes()).doesNotContainKeys("infrastructureSavedAt", "image");
        assertThat(messages("PF205", "deploy.sh")).singleElement().asString().doesNotContain("saved");
    }
}
