package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.RecipeCatalog;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, in the prefect-yaml style: MoveDeploymentScriptsToPrefectYaml moves a Python script's deployments into
 * the root prefect.yaml, and the build lines the rewrite turns into {@code prefect --no-prompt deploy} read that file as
 * it will be (NamedPrefectFiles): one moved entry makes a trap the option keeps them out of, one more beside an entry
 * already there makes two, which Prefect picks among by name. The rescan agrees (no PF229, the build's own schedule).
 */
class MovedScriptsOnlyEntryTest {
    private static final String RECIPE = "dev.migrate.prefect.MigrateToPrefect3FromPrefect2WithPrefectYaml";
    private static final String NO_FILE = "--prefect-file /dev/null";
    private static final String SCRIPT = """
            from prefect.deployments import Deployment
            from prefect.server.schemas.schedules import CronSchedule

            from flows.etl import etl

            Deployment.build_from_flow(
                flow=etl,
                name="hourly",
                work_pool_name="k8s",
                schedule=CronSchedule(cron="0 * * * *"),
                apply=True,
            )
            """;
    private static final String BUILD = """
            #!/bin/sh
            set -e
            cd "$(dirname "$0")/.."
            prefect deployment build flows/etl.py:etl -n nightly -q etl --cron "0 2 * * *" --apply
            """;

    @TempDir
    Path project;

    /**
     * The prefect.yaml the move creates from nothing holds one entry: counted once, as moved (the created file, which
     * the run's indexes are offered too, is not counted again: two would hide the trap).
     */
    @Test
    void aPrefectYamlCreatedWithOneMovedDeploymentIsATrap() throws Exception {
        common();
        RewriteEngine.apply(project, run());

        assertThat(Files.readString(project.resolve("prefect.yaml"))).contains("name: hourly");
        assertThat(Files.readString(project.resolve("scripts/build.sh"))).contains("--name nightly", NO_FILE);
        Inventory after = scan();
        assertThat(after.findings()).noneMatch(f -> f.code().equals("PF229"));
        assertThat(job(after, "etl/nightly").schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *");
        assertThat(job(after, "etl/nightly").attributes()).doesNotContainKey("deployment.config");
    }

    /** Before: the file was counted as of one entry ('daily'), and the option was added though Prefect picks by name. */
    @Test
    void aMovedDeploymentBesideAnEntryMakesTwo() throws Exception {
        common();
        write("prefect.yaml", """
                name: etl
                prefect-version: 2.14.2
                deployments:
                  - name: daily
                    entrypoint: flows/etl.py:etl
                    work_pool:
                      name: k8s
                """);
        RewriteEngine.apply(project, run());

        assertThat(Files.readString(project.resolve("prefect.yaml"))).contains("name: daily", "name: hourly");
        assertThat(Files.readString(project.resolve("scripts/build.sh"))).contains("--name nightly")
                .doesNotContain(NO_FILE);
        Inventory after = scan();
        assertThat(after.findings()).noneMatch(f -> f.code().equals("PF229"));
        assertThat(job(after, "etl/nightly").schedules()).extracting(s -> s.expression()).containsExactly("0 2 * * *");
    }

    /** A root prefect.yaml without {@code deployments:} gets the key and the one moved entry: a trap as well. */
    @Test
    void aPrefectYamlWithoutDeploymentsGivenOneMovedEntryIsATrap() throws Exception {
        common();
        write("prefect.yaml", "name: etl\nprefect-version: 2.10.6\n");
        RewriteEngine.apply(project, run());

        assertThat(Files.readString(project.resolve("prefect.yaml"))).contains("deployments:", "name: hourly");
        assertThat(Files.readString(project.resolve("scripts/build.sh"))).contains("--name nightly", NO_FILE);
        assertThat(scan().findings()).noneMatch(f -> f.code().equals("PF229"));
    }

    private void common() throws Exception {
        write("flows/__init__.py", "");
        write("flows/etl.py", "from prefect import flow\n\n\n@flow\ndef etl():\n    pass\n");
        write("deploy.py", SCRIPT);
        write("scripts/build.sh", BUILD);
        write("requirements.txt", "prefect==2.14.2\n");
    }

    private Inventory scan() throws java.io.IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(project, "root", ScanListener.NONE);
    }

    private static Job job(Inventory inv, String name) {
        return inv.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not in " + inv.jobs().stream().map(Job::name).toList()));
    }

    private RewriteResult run() {
        return new RewriteEngine(RecipeCatalog.load().activate(List.of(RECIPE)), PrefectTarget.defaultTarget(), true)
                .run(project);
    }

    private void write(String path, String text) throws Exception {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
