package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A command in a file {@code .gitlab-ci.yml} includes ({@code ci/deploy.yml}, {@code .gitlab/ci/deploy.yml}) runs in
 * the pipeline's job, from where that job leaves the directory (the pipeline's default before_script, a template's
 * before_script its job extends), so a pass looking for the file its {@code prefect deployment build} writes looks
 * there, not nowhere (a file of another name) nor in the included file's own root start.
 */
class CommandDirectoryInIncludedFilesTest {
    private static final String PIPELINE = """
            include:
              - local: ci/deploy.yml
              - local: .gitlab/ci/report.yml
            default:
              before_script:
                - cd flows
            """;
    private static final String DEPLOY = """
            deploy:
              stage: deploy
              script:
                - prefect deployment build etl.py:etl -n nightly -a
            """;
    private static final String REPORT = """
            report:
              extends: .in_reports
              script:
                - prefect deployment build report.py:report -n daily -a
            """;
    private static final String TEMPLATES = """
            .in_reports:
              before_script:
                - cd reports
            """;

    @Test
    void aCommandOfAnIncludedFileRunsWhereThePipelinesDefaultLeavesIt() {
        Map<String, String> tree = Map.of(".gitlab-ci.yml", PIPELINE, "ci/deploy.yml", DEPLOY, ".gitlab/ci/report.yml", REPORT);
        Optional<CommandDirectory> dir = CommandDirectory.of(new ScanFile("ci/deploy.yml", DEPLOY),
                SourceRef.at("ci/deploy.yml", 4, 7), tree::get);
        assertThat(dir).map(CommandDirectory::directories).contains(java.util.List.of("flows"));
    }

    // under .gitlab/, a pipeline's name: its job extends a template of the main file, whose before_script it runs
    @Test
    void aGitlabDirectoryFilesJobRunsWhereItsTemplateLeavesIt() {
        Map<String, String> tree = Map.of(".gitlab-ci.yml", PIPELINE + TEMPLATES, "ci/deploy.yml", DEPLOY,
                ".gitlab/ci/report.yml", REPORT);
        Optional<CommandDirectory> dir = CommandDirectory.of(new ScanFile(".gitlab/ci/report.yml", REPORT),
                SourceRef.at(".gitlab/ci/report.yml", 4, 7), tree::get);
        assertThat(dir).map(CommandDirectory::directories).contains(java.util.List.of("reports"));
    }

    /** Must not change: the same file no pipeline includes is no CI file, and says nothing. */
    @Test
    void aFileNoPipelineIncludesSaysNothing() {
        Map<String, String> tree = Map.of(".gitlab-ci.yml", "test:\n  script:\n    - pytest\n", "ci/deploy.yml", DEPLOY);
        assertThat(CommandDirectory.of(new ScanFile("ci/deploy.yml", DEPLOY), SourceRef.at("ci/deploy.yml", 4, 7),
                tree::get)).isEmpty();
    }
}
