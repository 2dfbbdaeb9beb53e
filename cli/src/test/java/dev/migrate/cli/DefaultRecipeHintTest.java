package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultRecipeHintTest {
    @TempDir
    Path project;

    private void write(String file, String text) throws IOException {
        Files.createDirectories(project.resolve(file).getParent());
        Files.writeString(project.resolve(file), text);
    }

    private void prefect1AndCron() throws IOException {
        write("flows/etl.py", """
                from prefect import Flow, task

                @task
                def load():
                    return 1

                with Flow("etl") as flow:
                    load()
                """);
        write("etc/crontab", """
                SHELL=/bin/sh
                15 2 * * * root /opt/etl/backup.sh
                0 * * * * root /opt/etl/sync.sh
                """);
    }

    @Test
    void withoutRecipeTheRewriteNamesTheRecipesForPrefect1FlowsAndLegacyJobs() throws IOException {
        prefect1AndCron();
        CliRun run = CliRun.of("rewrite", project.toString(), "--dry-run");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("migrate rewrite: 0 file(s) would change")
                .contains("hint: no --recipe was given, so only Prefect 2 code and config were migrated")
                .contains("  1 Prefect 1 flow(s) (flows/etl.py:7): migrate rewrite " + project + " --recipe "
                        + "dev.migrate.prefect.MigrateToPrefect3FromPrefect1 --dry-run")
                .contains("  2 legacy scheduled job(s) (cron 2): migrate rewrite " + project + " --recipe "
                        + "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun --dry-run");
        // the diff alone on stdout
        assertThat(run.out()).doesNotContain("hint:");
    }

    @Test
    void aNamedRecipeOrAPrefect2OnlyTreeGetsNoHint() throws IOException {
        prefect1AndCron();
        CliRun named = CliRun.of("rewrite", project.toString(), "--dry-run", "--recipe",
                "dev.migrate.prefect.MigrateToPrefect3FromPrefect2");
        assertThat(named.err()).doesNotContain("hint:");
        Files.delete(project.resolve("flows/etl.py"));
        Files.delete(project.resolve("etc/crontab"));
        write("flows/etl.py", """
                from prefect import flow

                @flow
                def etl():
                    return 1
                """);
        CliRun prefect2 = CliRun.of("rewrite", project.toString());
        assertThat(prefect2.exitCode()).isZero();
        assertThat(prefect2.out()).doesNotContain("hint:");
    }
}
