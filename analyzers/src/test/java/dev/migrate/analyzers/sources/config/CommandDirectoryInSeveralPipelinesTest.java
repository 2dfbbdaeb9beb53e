package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A file that several pipelines include ({@code ci/deploy.yml} of {@code nightly.gitlab-ci.yml} and
 * {@code release.gitlab-ci.yml}) runs its command in each of them, from where each one's default before_script
 * leaves it: the directory is theirs where they agree, and none the tree can say where they differ. Before, the first
 * pipeline by path alone answered ({@code nightly}), though the release pipeline builds in {@code release}.
 */
class CommandDirectoryInSeveralPipelinesTest {
    private static final String DEPLOY = """
            deploy:
              stage: deploy
              script:
                - prefect deployment build etl.py:etl -n nightly -a
            """;
    private static final SourceRef BUILD = SourceRef.at("ci/deploy.yml", 4, 7);

    private static String pipeline(String dir) {
        return "include:\n  - local: ci/deploy.yml\ndefault:\n  before_script:\n    - cd " + dir + "\n";
    }

    private static Optional<CommandDirectory> scanned(Map<String, String> tree) {
        Map<String, ScanFile> scanned = new LinkedHashMap<>();
        tree.forEach((p, t) -> scanned.put(p, new ScanFile(p, t)));
        return CommandDirectory.of(scanned.get("ci/deploy.yml"), BUILD, scanned, p -> null);
    }

    @Test
    void pipelinesThatLeaveTheJobInDifferentDirectoriesGiveNone() {
        Map<String, String> tree = Map.of("nightly.gitlab-ci.yml", pipeline("nightly"),
                "release.gitlab-ci.yml", pipeline("release"), "ci/deploy.yml", DEPLOY);
        assertThat(scanned(tree)).contains(new CommandDirectory(List.of(), null));
        assertThat(CommandDirectory.ofPipelines(new ScanFile("ci/deploy.yml", DEPLOY), BUILD,
                Map.of("nightly.gitlab-ci.yml", pipeline("nightly"), "release.gitlab-ci.yml", pipeline("release")), tree::get))
                .contains(new CommandDirectory(List.of(), null));
    }

    // must not change: pipelines that agree give their directory, one pipeline its own
    @Test
    void pipelinesThatAgreeGiveTheirDirectory() {
        Map<String, String> agree = Map.of("nightly.gitlab-ci.yml", pipeline("flows"),
                "release.gitlab-ci.yml", pipeline("flows"), "ci/deploy.yml", DEPLOY);
        assertThat(scanned(agree)).map(CommandDirectory::directories).contains(List.of("flows"));
        Map<String, String> one = Map.of("release.gitlab-ci.yml", pipeline("release"), "ci/deploy.yml", DEPLOY);
        assertThat(scanned(one)).map(CommandDirectory::directories).contains(List.of("release"));
    }

    // the root pipeline's overload knows the root's alone; the rewrite that knows the run's pipelines asks ofPipelines
    @Test
    void theRootPipelinesOverloadReadsTheRootAloneAndOfPipelinesReadsEvery() {
        Map<String, String> tree = Map.of(".gitlab-ci.yml", pipeline("flows"), "release.gitlab-ci.yml", pipeline("release"),
                "ci/deploy.yml", DEPLOY);
        ScanFile file = new ScanFile("ci/deploy.yml", DEPLOY);
        assertThat(CommandDirectory.of(file, BUILD, tree::get)).map(CommandDirectory::directories).contains(List.of("flows"));
        Map<String, String> pipelines = Map.of(".gitlab-ci.yml", tree.get(".gitlab-ci.yml"),
                "release.gitlab-ci.yml", tree.get("release.gitlab-ci.yml"));
        assertThat(CommandDirectory.ofPipelines(file, BUILD, pipelines, tree::get)).contains(new CommandDirectory(List.of(), null));
        assertThat(CommandDirectory.ofPipelines(file, BUILD, Map.of(".gitlab-ci.yml", tree.get(".gitlab-ci.yml")), tree::get))
                .map(CommandDirectory::directories).contains(List.of("flows"));
    }
}
