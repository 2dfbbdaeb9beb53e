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
 * End to end: the build lines of a script and of a GitLab job, rewritten beside a prefect.yaml of one other
 * deployment, are scanned again as deployments of their own, with their own schedules, and without PF229 (which the
 * same lines without {@code --prefect-file /dev/null} get: Prefect would deploy the entry under their names); a
 * second rewrite changes nothing.
 */
class OnlyEntryScanAfterRewriteTest {
    private static final String RECIPE = "dev.migrate.prefect.MigrateToPrefect3FromPrefect2";
    private static final String NO_FILE = " --prefect-file /dev/null";

    @TempDir
    Path project;

    @Test
    void theRewrittenBuildsAreTheirOwnDeploymentsToTheRescan() throws Exception {
        write("flows/etl.py", "from prefect import flow\n\n\n@flow\ndef etl():\n    pass\n");
        write("prefect.yaml", """
                name: etl
                prefect-version: 2.14.2
                deployments:
                  - name: hourly
                    entrypoint: flows/etl.py:etl
                    work_pool:
                      name: k8s
                    schedule:
                      cron: "0 * * * *"
                """);
        write("scripts/deploy.sh", """
                #!/bin/sh
                set -e
                cd "$(dirname "$0")/.."
                prefect deployment build flows/etl.py:etl -n nightly -q etl --cron "0 2 * * *" --apply
                """);
        write(".gitlab-ci.yml", """
                deploy:
                  image: python:3.11
                  script:
                    - pip install prefect==2.14.2
                    - prefect deployment build flows/etl.py:etl -n weekly -q etl --cron "0 3 * * 0" --apply
                """);
        write("requirements.txt", "prefect==2.14.2\n");

        RewriteEngine.apply(project, run());

        assertThat(Files.readString(project.resolve("scripts/deploy.sh"))).contains("--name nightly", NO_FILE);
        assertThat(Files.readString(project.resolve(".gitlab-ci.yml"))).contains("--name weekly", NO_FILE);
        Inventory after = scan();
        assertThat(after.findings()).noneMatch(f -> f.code().equals("PF229"));
        assertThat(job(after, "etl/nightly").schedules()).singleElement()
                .satisfies(s -> assertThat(s.expression()).isEqualTo("0 2 * * *"));
        assertThat(job(after, "etl/weekly").schedules()).singleElement()
                .satisfies(s -> assertThat(s.expression()).isEqualTo("0 3 * * 0"));
        assertThat(List.of(job(after, "etl/nightly"), job(after, "etl/weekly")))
                .allSatisfy(j -> assertThat(j.attributes()).doesNotContainKey("deployment.config"));

        String script = Files.readString(project.resolve("scripts/deploy.sh"));
        String ci = Files.readString(project.resolve(".gitlab-ci.yml"));
        RewriteEngine.apply(project, run());
        assertThat(Files.readString(project.resolve("scripts/deploy.sh"))).isEqualTo(script);
        assertThat(Files.readString(project.resolve(".gitlab-ci.yml"))).isEqualTo(ci);

        // the trap the option keeps them out of: without it, the rescan sees the entry deployed under each name
        write("scripts/deploy.sh", script.replace(NO_FILE, ""));
        write(".gitlab-ci.yml", ci.replace(NO_FILE, ""));
        assertThat(scan().findings().stream().filter(f -> f.code().equals("PF229")).map(f -> f.where().path()))
                .containsExactlyInAnyOrder("scripts/deploy.sh", ".gitlab-ci.yml");
    }

    /**
     * The same build in two scripts, only one of which runs beside a prefect.yaml of one other entry, and that entry
     * without an entrypoint (shared settings, counted by Prefect as by both sides): the rewrite edits the line there
     * alone, and the rescan sees two deployments of their own, without PF229.
     */
    @Test
    void aBuildIsEditedInTheScriptThatMeetsTheEntryAlone() throws Exception {
        write("jobs/etl.py", "from prefect import flow\n\n\n@flow\ndef etl():\n    pass\n");
        write("other/etl.py", "from prefect import flow\n\n\n@flow\ndef etl():\n    pass\n");
        write("jobs/prefect.yaml", """
                name: jobs
                prefect-version: 2.14.2
                deployments:
                  - name: defaults
                    work_pool:
                      name: k8s
                    schedule:
                      cron: "0 * * * *"
                """);
        String build = """
                #!/bin/sh
                set -e
                cd "$(dirname "$0")"
                prefect deployment build etl.py:etl -n nightly -q etl --cron "0 2 * * *" --apply
                """;
        write("jobs/deploy.sh", build);
        write("other/deploy.sh", build);
        write("requirements.txt", "prefect==2.14.2\n");

        RewriteEngine.apply(project, run());

        assertThat(Files.readString(project.resolve("jobs/deploy.sh"))).contains("--name nightly", NO_FILE);
        assertThat(Files.readString(project.resolve("other/deploy.sh"))).contains("--name nightly").doesNotContain(NO_FILE);
        Inventory after = scan();
        assertThat(after.findings()).noneMatch(f -> f.code().equals("PF229"));
        assertThat(after.jobs()).filteredOn(j -> j.name().equals("etl/nightly")).hasSize(2).allSatisfy(j -> {
            assertThat(j.schedules()).extracting(x -> x.expression()).containsExactly("0 2 * * *");
            assertThat(j.attributes()).doesNotContainKey("deployment.config");
        });

        // without the option, the rescan sees the entry deployed under the name there, and there alone
        write("jobs/deploy.sh", Files.readString(project.resolve("jobs/deploy.sh")).replace(NO_FILE, ""));
        assertThat(scan().findings().stream().filter(f -> f.code().equals("PF229")).map(f -> f.where().path()))
                .containsExactly("jobs/deploy.sh");
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
