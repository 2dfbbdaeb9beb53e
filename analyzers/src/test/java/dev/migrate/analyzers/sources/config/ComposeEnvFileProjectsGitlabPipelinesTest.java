package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code --env-file} files of GitLab pipelines read together ({@link ComposeEnvFileProjects#ofGitlabPipelines}):
 * a file two pipelines include is read with each, from where each one's template leaves its job, and never on its own
 * from the root, which {@link ComposeEnvFileProjects#of} per pipeline file did for {@code .gitlab/ci/compose.yml}.
 */
class ComposeEnvFileProjectsGitlabPipelinesTest {
    private static final String INCLUDED = """
            compose:up:
              extends: .compose_dir
              script:
                - docker compose --env-file deploy.env up -d
            """;

    private static String including(String dir) {
        return "include:\n  - local: .gitlab/ci/compose.yml\n.compose_dir:\n  before_script:\n    - cd " + dir + "\n";
    }

    @Test
    void aFileTwoPipelinesIncludeIsReadWithEachAndNotAlone() {
        Map<String, String> pipelines = Map.of("release.gitlab-ci.yml", including("ops"),
                "nightly.gitlab-ci.yml", including("nightly"), ".gitlab/ci/compose.yml", INCLUDED);
        assertThat(ComposeEnvFileProjects.ofGitlabPipelines(pipelines, p -> null)).containsExactly(
                Map.entry("nightly", List.of("nightly/deploy.env")), Map.entry("ops", List.of("ops/deploy.env")));
        // alone, from the root: what the rewrite read before
        assertThat(ComposeEnvFileProjects.of(".gitlab/ci/compose.yml", INCLUDED, p -> null))
                .containsExactly(Map.entry("", List.of("deploy.env")));
    }

    // must not change: a pipeline nothing includes reads as of() reads it, the included file found through files
    @Test
    void aPipelineOfItsOwnReadsAsBefore() {
        String root = including("ops");
        Map<String, String> tree = Map.of(".gitlab/ci/compose.yml", INCLUDED);
        assertThat(ComposeEnvFileProjects.ofGitlabPipelines(Map.of(".gitlab-ci.yml", root), tree::get))
                .isEqualTo(ComposeEnvFileProjects.of(".gitlab-ci.yml", root, tree::get))
                .containsExactly(Map.entry("ops", List.of("ops/deploy.env")));
        assertThat(ComposeEnvFileProjects.ofGitlabPipelines(Map.of(), tree::get)).isEmpty();
    }
}
