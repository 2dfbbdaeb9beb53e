package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RootCommandTest {
    @Test
    void helpListsUsageAndExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: migrate").contains("Exit codes:").contains("--version");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void versionPrintsTheBuildVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("migrate ").doesNotContain("${project.version}");
    }

    @Test
    void unknownOptionExitsTwoWithOneLineHint() {
        CliRun run = CliRun.of("--no-such-option");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("--no-such-option").contains("migrate --help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownCommandExitsTwoWithOneLineHint() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("frobnicate").contains("--help");
    }

    @Test
    void noCommandShowsUsageAndExitsTwo() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: migrate");
    }
}
