package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate rewrite --host-zone} reaches the legacy recipe as its hostZone option, in a composite or named by its
 * class; a {@code --option hostZone=} the user gives wins.
 */
class RewriteHostZoneTest {
    private static final String RECIPE = "dev.migrate.recipes.legacy.MoveLegacySchedulersToPrefect3";
    private static final String DUAL_RUN = "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun";

    @TempDir
    Path project;

    @BeforeEach
    void crontab() throws IOException {
        Files.createDirectories(project.resolve("etc/cron.d"));
        Files.writeString(project.resolve("etc/cron.d/etl"), "SHELL=/bin/bash\n30 2 * * *  etl  /opt/etl/bin/load.sh\n");
    }

    @Test
    void theHostZoneReachesTheRecipeInAComposite() {
        CliRun r = CliRun.of("rewrite", project.toString(), "--recipe", DUAL_RUN, "--host-zone", "Europe/Berlin", "--dry-run");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("+    timezone: Europe/Berlin").doesNotContain("timezone: UTC");
    }

    @Test
    void theHostZoneReachesTheRecipeNamedByItsClassUnlessItsOptionNamesOne() {
        CliRun r = CliRun.of("rewrite", project.toString(), "--recipe", RECIPE, "--option", "phase=dual-run",
                "--host-zone", "Asia/Tokyo", "--dry-run");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("+    timezone: Asia/Tokyo");
        CliRun own = CliRun.of("rewrite", project.toString(), "--recipe", RECIPE, "--option", "phase=dual-run",
                "--option", "hostZone=America/New_York", "--host-zone", "Asia/Tokyo", "--dry-run");
        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(own.out()).contains("+    timezone: America/New_York").doesNotContain("Asia/Tokyo");
    }

    @Test
    void withoutAHostZoneTheTreesZoneFileOrUtcIsGiven() throws IOException {
        CliRun utc = CliRun.of("rewrite", project.toString(), "--recipe", DUAL_RUN, "--dry-run");
        assertThat(utc.out()).contains("+    timezone: UTC");
        Files.writeString(project.resolve("etc/timezone"), "Europe/Paris\n");
        CliRun paris = CliRun.of("rewrite", project.toString(), "--recipe", DUAL_RUN, "--dry-run");
        assertThat(paris.exitCode()).as(paris.err()).isZero();
        assertThat(paris.out()).contains("+    timezone: Europe/Paris");
    }
}
