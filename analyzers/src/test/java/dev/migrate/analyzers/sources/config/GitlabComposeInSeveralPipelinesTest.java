package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A file two GitLab pipelines include ({@code ci/deploy.yml} of {@code .gitlab-ci.yml} and
 * {@code release.gitlab-ci.yml}) is read once, with each pipeline's shells ({@link ComposeCommands#ofGitlabPipelines}):
 * its compose command is one where both pipelines leave the job in one directory, and one from each pipeline's
 * directory where they differ, since compose reads its files there in that pipeline's runs. The compose file index
 * and the env files' projects read the pipelines through it.
 */
class GitlabComposeInSeveralPipelinesTest {
    private static final String DEPLOY = """
            deploy:
              script:
                - docker compose --env-file .env.prod -f stack.yml up -d
            """;

    private static String pipeline(String dir) {
        return """
                include:
                  - local: ci/deploy.yml
                default:
                  before_script:
                    - cd %s
                """.formatted(dir);
    }

    private static Map<String, String> pipelines(String main, String release) {
        return Map.of(".gitlab-ci.yml", pipeline(main), "release.gitlab-ci.yml", pipeline(release));
    }

    private static List<ComposeCommands.Command> commands(Map<String, String> pipelines) {
        return ComposeCommands.ofGitlabPipelines(pipelines, p -> p.equals("ci/deploy.yml") ? DEPLOY : null);
    }

    // read per pipeline before (ComposeEnvFileProjects, ComposeFileIndex), the same command once for each
    @Test
    void pipelinesThatAgreeGiveOneCommand() {
        assertThat(commands(pipelines("flows", "flows"))).singleElement().satisfies(c -> {
            assertThat(c.directories()).containsExactly("flows");
            assertThat(c.composeFiles()).containsExactly("flows/stack.yml");
            assertThat(c.envFiles()).containsExactly("flows/.env.prod");
        });
    }

    @Test
    void pipelinesThatDisagreeGiveOneCommandFromEachDirectory() {
        assertThat(commands(pipelines("jobs", "flows"))).extracting(ComposeCommands.Command::directory)
                .containsExactly("jobs", "flows");
        Map<String, String> pipelines = pipelines("jobs", "flows");
        assertThat(ComposeEnvFileProjects.ofGitlabPipelines(pipelines, p -> p.equals("ci/deploy.yml") ? DEPLOY : null))
                .containsExactly(Map.entry("jobs", List.of("jobs/.env.prod")), Map.entry("flows", List.of("flows/.env.prod")));
        ComposeFileIndex index = new ComposeFileIndex();
        pipelines.forEach((p, t) -> index.add(p, t, f -> f.equals("ci/deploy.yml") ? DEPLOY : null));
        assertThat(index.isCompose("jobs/stack.yml")).isTrue();
        assertThat(index.isCompose("flows/stack.yml")).isTrue();
        assertThat(index.isCompose("stack.yml")).isFalse(); // never read from the root, where neither pipeline runs it
    }

    // a pipeline file another includes runs inside it only: its compose line from where that pipeline leaves its jobs
    @Test
    void aPipelineFileAnotherIncludesIsReadInsideIt() {
        Map<String, String> pipelines = Map.of(".gitlab-ci.yml", """
                include:
                  - local: .gitlab/ci/deploy.yml
                default:
                  before_script:
                    - cd flows
                """, ".gitlab/ci/deploy.yml", DEPLOY);
        assertThat(ComposeCommands.ofGitlabPipelines(pipelines, p -> null)).singleElement()
                .satisfies(c -> assertThat(c.composeFiles()).containsExactly("flows/stack.yml"));
    }
}
