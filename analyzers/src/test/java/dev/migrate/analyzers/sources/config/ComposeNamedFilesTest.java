package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

/**
 * Compose files under names compose does not look for are compose files when something names them: a command's
 * {@code -f}, a {@code .env}'s {@code COMPOSE_FILE}, a compose file's {@code include:}.
 */
class ComposeNamedFilesTest {
    private static final String STACK = """
            services:
              agent:
                image: prefecthq/prefect:2.14.3-python3.11
                command: prefect agent start -q default
            """;

    @Test
    void aFileAMakefileNamesWithFIsAnalysedAsCompose() {
        String withMakefile = DetectorHarness.run(new ComposeDetector(),
                new ScanFile("Makefile", "up:\n\tdocker compose -f deploy/stack.yml up -d\n"),
                new ScanFile("deploy/stack.yml", STACK));
        assertThat(withMakefile).contains("deploy/stack.yml:4:").contains("PF203");
    }

    @Test
    void aGitHubStepsWorkingDirectoryAndADotEnvsComposeFileNameThemToo() {
        assertThat(DetectorHarness.run(new ComposeDetector(),
                new ScanFile(".github/workflows/deploy.yml", """
                        jobs:
                          up:
                            runs-on: ubuntu-latest
                            steps:
                              - run: docker compose -f stack.yml up -d
                                working-directory: deploy
                        """),
                new ScanFile("deploy/stack.yml", STACK))).contains("deploy/stack.yml:4:");
        assertThat(DetectorHarness.run(new ComposeDetector(),
                new ScanFile("deploy/.env", "COMPOSE_FILE=base.yml:stack.yml\n"),
                new ScanFile("deploy/stack.yml", STACK))).contains("deploy/stack.yml:4:");
        assertThat(DetectorHarness.run(new ComposeDetector(),
                new ScanFile("compose.yml", "include:\n  - agents/stack.yml\nservices:\n  db:\n    image: postgres:16\n"),
                new ScanFile("agents/stack.yml", STACK))).contains("agents/stack.yml:4:");
    }

    @Test
    void aYamlFileNothingNamesIsNoComposeFile() {
        assertThat(DetectorHarness.run(new ComposeDetector(),
                new ScanFile("Makefile", "logs:\n\tdocker compose logs -f deploy/stack.yml\n"),
                new ScanFile("deploy/stack.yml", STACK))).isEmpty();
    }

    /**
     * The detector kept its own closure, which followed only the includes of files holding Prefect services: a file
     * named with -f that only includes others ({@code include:} and no services of its own) passed nothing on, so the
     * agent of the file it includes was missed. Which files are compose files is now {@link ComposeFileIndex}'s.
     */
    @Test
    void aNamedFileThatOnlyIncludesPassesItsIncludesOn() {
        assertThat(DetectorHarness.run(new ComposeDetector(),
                new ScanFile("Makefile", "up:\n\tdocker compose -f deploy/stack.yml up -d\n"),
                new ScanFile("deploy/stack.yml", "include:\n  - prefect-agents.yml\n"),
                new ScanFile("deploy/prefect-agents.yml", STACK))).contains("deploy/prefect-agents.yml:4:").contains("PF203");
    }

    /** Must not change: a name that says compose is read as one, whatever names it. */
    @Test
    void aNameThatSaysComposeIsReadWithoutACommand() {
        assertThat(DetectorHarness.run(new ComposeDetector(), new ScanFile("deploy/prefect-compose.yml", STACK)))
                .contains("deploy/prefect-compose.yml:4:").contains("PF203");
        assertThat(ComposeFileIndex.namedLikeCompose("deploy/prefect-compose.yml")).isTrue();
        assertThat(ComposeFileIndex.namedLikeCompose("deploy/docker-compose.yml")).as("compose's own name").isFalse();
        assertThat(ComposeFileIndex.namedLikeCompose("deploy/stack.yml")).isFalse();
    }
}
