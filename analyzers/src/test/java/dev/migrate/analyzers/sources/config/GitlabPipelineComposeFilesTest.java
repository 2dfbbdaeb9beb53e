package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pipeline file under {@code .gitlab/} that another scanned pipeline includes ({@code release.gitlab-ci.yml}, not the
 * root's {@code .gitlab-ci.yml}) runs its compose commands inside that pipeline, from where its templates leave the job:
 * the index names the compose files from there, and does not also read the file as a pipeline of its own from the root.
 */
class GitlabPipelineComposeFilesTest {
    private static final String RELEASE = """
            include:
              - local: .gitlab/ci/deploy.yml
            .in_deploy:
              before_script:
                - cd deploy
            """;
    private static final String DEPLOY = """
            deploy:
              extends: .in_deploy
              script:
                - docker compose -f stack.yml up -d
            """;
    private static final String STACK = """
            services:
              agent:
                image: prefecthq/prefect:2-latest
            """;

    private static ComposeFileIndex index(Map<String, String> tree) {
        ComposeFileIndex index = new ComposeFileIndex();
        // in any order: the included file may come before the pipeline that includes it
        new java.util.TreeMap<>(tree).forEach((p, t) -> index.add(p, t, tree::get));
        return index;
    }

    @Test
    void anIncludedPipelineFileNamesComposeFilesFromWhereItsIncludingPipelineLeavesIt() {
        ComposeFileIndex index = index(Map.of("release.gitlab-ci.yml", RELEASE, ".gitlab/ci/deploy.yml", DEPLOY,
                "deploy/stack.yml", STACK, "stack.yml", STACK));
        assertThat(index.isCompose("deploy/stack.yml")).isTrue();
        assertThat(index.isCompose("stack.yml")).isFalse();
    }

    /** Included by no pipeline, a .gitlab/ file is a pipeline of its own: its jobs start at the root. */
    @Test
    void aPipelineFileNothingIncludesRunsFromTheRoot() {
        ComposeFileIndex index = index(Map.of(".gitlab/ci/deploy.yml", DEPLOY, "deploy/stack.yml", STACK,
                "stack.yml", STACK));
        assertThat(index.isCompose("stack.yml")).isTrue();
        assertThat(index.isCompose("deploy/stack.yml")).isFalse();
    }

    /** Two pipelines that include each other are each read, rather than neither. */
    @Test
    void pipelinesThatIncludeEachOtherAreStillRead() {
        String a = "include:\n  - local: b.gitlab-ci.yml\nup:\n  script:\n    - docker compose -f a/stack.yml up -d\n";
        String b = "include:\n  - local: a.gitlab-ci.yml\n";
        ComposeFileIndex index = index(Map.of("a.gitlab-ci.yml", a, "b.gitlab-ci.yml", b, "a/stack.yml", STACK));
        assertThat(index.isCompose("a/stack.yml")).isTrue();
    }
}
