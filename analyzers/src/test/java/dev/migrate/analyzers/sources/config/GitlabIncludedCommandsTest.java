package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compose commands of a GitLab pipeline are also those of the local files it includes
 * ({@link GitlabIncludes#commandFiles}, read by {@link ComposeCommands}), each file's YAML anchors its own: GitLab merges
 * the files' jobs, but an alias reads the anchor of its own file only ({@code extends:} and {@code !reference} are what
 * cross files).
 */
class GitlabIncludedCommandsTest {
    private static final String PIPELINE = """
            stages: [deploy]
            include:
              - local: ci/deploy.yml
            """;

    private static List<String> composeFiles(String pipeline, Map<String, String> files) {
        return ComposeCommands.of(".gitlab-ci.yml", pipeline, files::get).stream()
                .flatMap(c -> c.composeFiles().stream()).distinct().toList();
    }

    @Test
    void anIncludedFilesJobsAndTemplatesRunThePipelinesCompose() {
        Map<String, String> files = Map.of("ci/deploy.yml", """
                .compose_up:
                  script:
                    - docker compose -f deploy/compose.prod.yml up -d
                deploy:
                  script:
                    - !reference [.compose_up, script]
                    - cd ops && docker-compose --env-file ../deploy/.env.prod -f stack.yml up -d
                """);
        assertThat(composeFiles(PIPELINE, files)).containsExactly("deploy/compose.prod.yml", "ops/stack.yml");
        assertThat(ComposeProjectFiles.namedComposeFiles(".gitlab-ci.yml", PIPELINE, files::get))
                .containsExactly("deploy/compose.prod.yml", "ops/stack.yml");
        assertThat(ComposeCommands.of(".gitlab-ci.yml", PIPELINE, files::get)).last()
                .satisfies(c -> assertThat(c.envFiles()).containsExactly("deploy/.env.prod"));
        // without the files' texts, or read as the file alone, it names nothing
        assertThat(ComposeProjectFiles.namedComposeFiles(".gitlab-ci.yml", PIPELINE)).isEmpty();
        assertThat(composeFiles(PIPELINE, Map.of())).isEmpty();
    }

    // a job's script starts where the default before_script of the pipeline leaves it, in an included file too
    @Test
    void anIncludedJobStartsWhereThePipelinesDefaultBeforeScriptLeavesIt() {
        String pipeline = PIPELINE + "default:\n  before_script:\n    - cd deploy\n";
        Map<String, String> files = Map.of("ci/deploy.yml", "up:\n  script:\n    - docker compose -f stack.yml up -d\n");
        assertThat(composeFiles(pipeline, files)).containsExactly("deploy/stack.yml");
    }

    // the pipeline's job extends an included template that moves into infra/prefect, then brings in another template's
    // compose lines with !reference: they run there, in the job's shell, though their own file starts them in the root
    @Test
    void aReferencedTemplatesComposeLinesRunInTheJobsShell() {
        Map<String, String> files = Map.of(".gitlab/ci/templates.yml", """
                .docker_base:
                  image: docker:24.0
                  before_script:
                    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"
                    - cd infra/prefect
                .prefect_stack:
                  script:
                    - docker compose -f stack.yml --env-file prod.env up -d --remove-orphans
                """);
        String pipeline = """
                include:
                  - local: '.gitlab/ci/templates.yml'
                deploy-prefect:
                  extends: .docker_base
                  script:
                    - !reference [.prefect_stack, script]
                """;
        assertThat(composeFiles(pipeline, files)).contains("infra/prefect/stack.yml");
        assertThat(ComposeCommands.of(".gitlab-ci.yml", pipeline, files::get)).anySatisfy(c ->
                assertThat(c.envFiles()).containsExactly("infra/prefect/prod.env"));
        // a template of the pipeline's own file, brought in by a job that moved first
        String own = """
                .up:
                  script:
                    - docker compose -f stack.yml up -d
                deploy:
                  script:
                    - cd ops
                    - !reference [.up, script]
                """;
        assertThat(composeFiles(own, Map.of())).containsExactlyInAnyOrder("stack.yml", "ops/stack.yml");
    }

    /** Must not change: a file that is no GitLab pipeline includes nothing, whatever its text says. */
    @Test
    void aFileThatIsNoPipelineReadsNoOtherFile() {
        Map<String, String> files = Map.of("ci/deploy.yml", "up:\n  script:\n    - docker compose -f stack.yml up -d\n");
        assertThat(GitlabIncludes.commandFiles("deploy/config.yml", PIPELINE, files::get)).hasSize(1);
        assertThat(GitlabIncludes.commandFiles(".gitlab-ci.yml", PIPELINE, files::get))
                .extracting(GitlabIncludes.CommandFile::path).containsExactly(".gitlab-ci.yml", "ci/deploy.yml");
    }

    // both files define &setup: each job's before_script alias reads the anchor of its own file; before, the included
    // file's anchor (read last) stood for the pipeline's own too, and the pipeline's job seemed to start in deploy/
    @Test
    void anAnchorNameReusedInTwoFilesReadsEachFilesOwnValue() {
        String pipeline = PIPELINE + """
                .setup: &setup
                  - cd flows
                own:
                  before_script: *setup
                  script:
                    - docker compose -f own.yml up -d
                """;
        Map<String, String> files = Map.of("ci/deploy.yml", """
                .setup: &setup
                  - cd deploy
                included:
                  before_script: *setup
                  script:
                    - docker compose -f included.yml up -d
                """);
        assertThat(composeFiles(pipeline, files)).containsExactlyInAnyOrder("flows/own.yml", "deploy/included.yml");
    }

    // an alias whose anchor only another file defines is no YAML of its file: its job starts in the root
    @Test
    void anAnchorOfAnotherFileIsNotSeen() {
        String pipeline = PIPELINE + """
                .setup: &in_pipeline
                  - cd flows
                own:
                  before_script: *in_template
                  script:
                    - docker compose -f own.yml up -d
                """;
        Map<String, String> files = Map.of("ci/deploy.yml", """
                .setup_deploy: &in_template
                  - cd deploy
                included:
                  before_script: *in_pipeline
                  script:
                    - docker compose -f included.yml up -d
                """);
        assertThat(composeFiles(pipeline, files)).containsExactlyInAnyOrder("own.yml", "included.yml");
    }

    // within one file YAML reads the last anchor of the name above the alias
    @Test
    void withinAFileTheLastAnchorAboveTheAliasCounts() {
        String pipeline = """
                .a: &setup
                  - cd first
                one:
                  before_script: *setup
                  script:
                    - docker compose -f one.yml up -d
                .b: &setup
                  - cd second
                two:
                  before_script: *setup
                  script:
                    - docker compose -f two.yml up -d
                """;
        assertThat(composeFiles(pipeline, Map.of())).containsExactlyInAnyOrder("first/one.yml", "second/two.yml");
    }

    @Test
    void theIndexTakesWhatAnIncludedTemplateNames() {
        Map<String, String> files = Map.of("ci/deploy.yml", "up:\n  script:\n    - docker compose -f deploy/stack.yml up -d\n");
        ComposeFileIndex index = new ComposeFileIndex();
        index.add(".gitlab-ci.yml", PIPELINE, files::get);
        assertThat(index.isCompose("deploy/stack.yml")).isTrue();
        // the template read on its own is no pipeline: nothing it runs names a compose file
        ComposeFileIndex alone = new ComposeFileIndex();
        alone.add("ci/deploy.yml", files.get("ci/deploy.yml"), files::get);
        alone.add(".gitlab-ci.yml", "stages: [deploy]\n", files::get);
        assertThat(alone.isCompose("deploy/stack.yml")).isFalse();
    }
}
