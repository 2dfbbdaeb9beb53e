package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.AS_OF;
import static dev.migrate.recipes.legacy.LegacyTestSupport.assertCompiles;
import static dev.migrate.recipes.legacy.LegacyTestSupport.read;
import static dev.migrate.recipes.legacy.LegacyTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prefectShell option: commands run through prefect_shell.ShellOperation, and prefect-shell is required. */
class PrefectShellOptionTest {
    @TempDir
    Path project;

    @BeforeEach
    void crontab() throws IOException {
        Files.createDirectories(project.resolve("etc/cron.d"));
        Files.writeString(project.resolve("etc/cron.d/etl"), """
                SHELL=/bin/bash
                DB_PASSWORD=s3cr3t-value
                30 2 * * *  etl  cd /opt/etl && ./load.sh --full
                0 9 * * 1  etl  /usr/bin/mail -s report ops@example.org%Hello%
                """);
    }

    @Test
    void commandsRunThroughShellOperation() throws Exception {
        RewriteEngine.apply(project, run(project, new MoveLegacySchedulersToPrefect3("dual-run", 15, null, null, AS_OF, null, null, true)));
        String load = flow("cron_load");
        assertThat(load).contains("from prefect_shell import ShellOperation\n",
                "    return ShellOperation(commands=[command()], env=env, working_dir=WORKING_DIR, shell=SHELL).run()\n",
                "SHELL = '/bin/bash'", "        env[variable] = Secret.load(block).get()\n").doesNotContain("subprocess");
        // ShellOperation has no standard input: the mail job keeps subprocess, and says so.
        assertThat(flow("cron_mail")).contains("import subprocess", "STDIN = 'Hello\\n'").doesNotContain("prefect_shell");
        assertThat(read(project, "prefect/MIGRATION.md")).contains("runs through subprocess despite prefect-shell");
        assertThat(read(project, "prefect/requirements.txt")).contains("prefect==3.8.3\n", "prefect-shell");
        assertThat(read(project, "prefect/flows/" + Files.list(project.resolve("prefect/flows")).findFirst().orElseThrow()
                .getFileName())).doesNotContain("s3cr3t-value");
        assertCompiles(project);
    }

    @Test
    void withoutTheOptionNothingNeedsPrefectShell() throws Exception {
        RewriteEngine.apply(project, run(project, "dual-run"));
        assertThat(flow("cron_load")).contains("subprocess.run(").doesNotContain("prefect_shell");
        assertThat(project.resolve("prefect/requirements.txt")).doesNotExist();
    }

    private String flow(String prefix) throws IOException {
        try (var s = Files.list(project.resolve("prefect/flows"))) {
            return Files.readString(s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow());
        }
    }
}
