package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.sources.DetectorHarness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The files of each GitLab pipeline read as one ({@link GitlabIncludes#pipelines}): a version a pipeline's variables
 * set in {@code .gitlab-ci.yml} reaches the install of a job in the {@code .gitlab/ci/deploy.yml} it includes, a
 * pin in an included file is read once, and a command in a file any pipeline includes (not the root
 * {@code .gitlab-ci.yml} alone) runs where that pipeline's jobs leave the directory.
 */
class GitlabPipelineFilesTest {
    private static final String TAIL = " installs or runs Prefect 2 in the image or environment built with it (a build "
            + "argument or pin reads the variable); move it to Prefect 3 once flows and integrations are ready\n";

    @Test
    void aVersionSetInThePipelineReachesTheInstallOfAnIncludedFile() {
        ScanFile pipeline = new ScanFile(".gitlab-ci.yml", """
                include:
                  - local: .gitlab/ci/deploy.yml
                variables:
                  PREFECT_VERSION: "2.14.3"
                """);
        ScanFile deploy = new ScanFile(".gitlab/ci/deploy.yml", """
                deploy:
                  script:
                    - pip install "prefect==$PREFECT_VERSION"
                """);
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(), pipeline, deploy))
                .isEqualTo(".gitlab-ci.yml:4:21 PF208 PREFECT_VERSION=2.14.3" + TAIL);
        // read alone, each file says nothing: the value and its use are in different files
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(), pipeline)).isEmpty();
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(), deploy)).isEmpty();
    }

    @Test
    void aVersionAnIncludedFileSetsReachesThePipelinesInstall() {
        ScanFile pipeline = new ScanFile(".gitlab-ci.yml", """
                include:
                  - local: .gitlab/ci/versions.yml
                build:
                  script:
                    - docker build --build-arg PREFECT_VERSION -t app .
                """);
        ScanFile versions = new ScanFile(".gitlab/ci/versions.yml", """
                variables:
                  PREFECT_VERSION: 2.19.4
                """);
        assertThat(DetectorHarness.run(new PrefectVersionVariableDetector(), pipeline, versions))
                .isEqualTo(".gitlab/ci/versions.yml:2:20 PF208 PREFECT_VERSION=2.19.4" + TAIL);
    }

    /** Must not change: a pin in a file under .gitlab/ the pipeline includes is reported once, where it is written. */
    @Test
    void aPinOfAnIncludedFileIsReportedOnce() {
        ScanFile pipeline = new ScanFile(".gitlab-ci.yml", "include:\n  - local: .gitlab/ci/deploy.yml\n");
        ScanFile deploy = new ScanFile(".gitlab/ci/deploy.yml", """
                deploy:
                  script:
                    - pip install prefect==2.14.3
                """);
        String out = DetectorHarness.run(new PrefectPinDetector(), pipeline, deploy);
        assertThat(out.lines().filter(l -> l.contains("PF208")).toList()).hasSize(1)
                .allSatisfy(l -> assertThat(l).startsWith(".gitlab/ci/deploy.yml:3:19 PF208 dependency pin prefect==2.14.3"));
    }

    // a pipeline of another name (deploy.gitlab-ci.yml) includes the file: its default before_script moves the job
    @Test
    void aCommandOfAFileAnotherPipelineIncludesRunsWhereThatPipelineLeavesIt() {
        String deploy = """
                deploy:
                  script:
                    - prefect deployment build etl.py:etl -n nightly -a
                """;
        Map<String, ScanFile> scanned = Map.of(
                ".gitlab-ci.yml", new ScanFile(".gitlab-ci.yml", "test:\n  script:\n    - pytest\n"),
                "deploy.gitlab-ci.yml", new ScanFile("deploy.gitlab-ci.yml", """
                        include:
                          - local: .gitlab/ci/deploy.yml
                        default:
                          before_script:
                            - cd flows
                        """),
                ".gitlab/ci/deploy.yml", new ScanFile(".gitlab/ci/deploy.yml", deploy));
        Optional<CommandDirectory> dir = CommandDirectory.of(scanned.get(".gitlab/ci/deploy.yml"),
                SourceRef.at(".gitlab/ci/deploy.yml", 3, 7), scanned);
        assertThat(dir).map(CommandDirectory::directories).contains(List.of("flows"));
        // knowing of the root pipeline alone, the job is read on its own, from the root
        Optional<CommandDirectory> rootOnly = CommandDirectory.of(scanned.get(".gitlab/ci/deploy.yml"),
                SourceRef.at(".gitlab/ci/deploy.yml", 3, 7), p -> scanned.containsKey(p) ? scanned.get(p).text() : null);
        assertThat(rootOnly).map(CommandDirectory::directories).contains(List.of(""));
    }
}
