package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dual-run phase runs each job's command a second time. A cron command does not read MIGRATE_SANDBOX_ROOT, so
 * the second run wrote the same backup file and log again, and nothing said so: the plan said the outputs went to the
 * sandbox. Each such job now has a manual note naming the files its command redirects into.
 */
class DualRunWritesTest {
    @TempDir
    Path dir;

    @Test
    void aCommandThatIgnoresTheSandboxIsNotedWithTheFilesItWrites() throws Exception {
        Files.createDirectories(dir.resolve("etc/cron.d"));
        Files.writeString(dir.resolve("etc/cron.d/backup"), """
                0 0 * * 7 etl pg_dump -h db warehouse | gzip > /backups/wh.sql.gz 2>>/var/log/backup.err
                5 1 * * * etl /opt/etl/export.sh --out "${MIGRATE_SANDBOX_ROOT:-/data/exports}" > /dev/null 2>&1
                """);
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).filteredOn(n -> n.message().contains("dual-run: the deployment runs this job a second time"))
                .singleElement().satisfies(n -> {
                    assertThat(n.manual()).isTrue();
                    assertThat(n.line()).isEqualTo(1);
                    assertThat(n.message()).contains("it writes /backups/wh.sql.gz, /var/log/backup.err");
                });
        // the same plan in the cutover phase runs once: no such note
        assertThat(run(dir, "cutover").notes()).noneMatch(n -> n.message().contains("a second time"));
    }
}
