package dev.migrate.recipes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.yaml.YamlParser;

/**
 * The rewrite's compose index reads GitLab pipelines as the scan's does: a {@code .gitlab/} file that a pipeline other
 * than the root's includes ({@code release.gitlab-ci.yml}) runs its compose commands inside that pipeline, from where its
 * templates leave the job, and is not also read as a pipeline of its own from the root.
 */
class ComposeFilesGitlabPipelinesTest {
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

    private static ExecutionContext run(Map<String, String> tree) {
        ExecutionContext ctx = new InMemoryExecutionContext(t -> { });
        // the included file first: it is seen before the pipeline that includes it
        new java.util.TreeMap<>(tree).forEach((p, t) -> {
            SourceFile source = YamlParser.builder().build().parse(ctx, t).findFirst().orElseThrow()
                    .withSourcePath(Path.of(p));
            ComposeFiles.in(ctx).scan(source);
        });
        return ctx;
    }

    @Test
    void anIncludedPipelineFileNamesComposeFilesFromWhereItsIncludingPipelineLeavesIt() {
        ExecutionContext ctx = run(Map.of("release.gitlab-ci.yml", RELEASE, ".gitlab/ci/deploy.yml", DEPLOY,
                "deploy/stack.yml", STACK, "stack.yml", STACK));
        assertThat(ComposeFiles.isCompose(Path.of("deploy/stack.yml"), ctx)).isTrue();
        assertThat(ComposeFiles.isCompose(Path.of("stack.yml"), ctx)).isFalse();
    }

    /** Included by no pipeline, a .gitlab/ file is a pipeline of its own: its jobs start at the root. */
    @Test
    void aPipelineFileNothingIncludesRunsFromTheRoot() {
        ExecutionContext ctx = run(Map.of(".gitlab/ci/deploy.yml", DEPLOY, "deploy/stack.yml", STACK, "stack.yml", STACK));
        assertThat(ComposeFiles.isCompose(Path.of("stack.yml"), ctx)).isTrue();
        assertThat(ComposeFiles.isCompose(Path.of("deploy/stack.yml"), ctx)).isFalse();
    }
}
