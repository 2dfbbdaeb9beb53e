package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GitLab project keeps its deploy job in a template file its {@code .gitlab-ci.yml} includes ({@code include: - local:
 * ci/deploy.yml}), and that job runs {@code docker compose -f deploy/stack.yml up -d}: the stack is the project's compose
 * file for every reader of the scan ({@link ComposeDetector}'s services, {@link PrefectVersionVariableDetector}'s
 * versions, {@link ComposeVariables}' interpolation), though no file the scan reads as a pipeline names it. A template
 * nothing includes, another project's file and a remote one name nothing.
 */
class GitlabIncludedComposeFilesTest {
    @TempDir
    Path tmp;

    private static final String STACK = """
            services:
              server:
                image: prefecthq/prefect:${PREFECT_VERSION:-2.14.20}-python3.11
                command: prefect server start --host 0.0.0.0
              agent:
                image: prefecthq/prefect:${PREFECT_VERSION:-2.14.20}-python3.11
                command: prefect agent start -q etl
                environment:
                  PREFECT_API_URL: http://server:4200/api
                  PREFECT_AGENT_PREFETCH_SECONDS: ${PREFECT_AGENT_PREFETCH_SECONDS}
                depends_on:
                  - server
            """;

    private static final String DEPLOY_TEMPLATE = """
            .compose_up:
              script:
                - docker compose -f deploy/stack.yml pull
                - docker compose -f deploy/stack.yml up -d

            deploy:
              stage: deploy
              image: docker:24
              script:
                - !reference [.compose_up, script]
              rules:
                - if: $CI_COMMIT_BRANCH == "main"
            """;

    @BeforeEach
    void tree() throws IOException {
        write("deploy/stack.yml", STACK);
        write("deploy/.env", "PREFECT_AGENT_PREFETCH_SECONDS=15\n");
        write("ci/deploy.yml", DEPLOY_TEMPLATE);
        write("flows/etl.py", "from prefect import flow\n\n\n@flow\ndef etl():\n    pass\n");
    }

    private static final String TEST_JOB = """
            test:
              stage: test
              image: python:3.11
              script:
                - pip install -r requirements.txt
                - pytest -q
            """;

    @Test
    void aComposeFileNamedOnlyInAnIncludedTemplateIsTheProjects() throws IOException {
        write(".gitlab-ci.yml", """
                stages: [test, deploy]
                include:
                  - local: ci/deploy.yml
                """ + TEST_JOB);
        Inventory inv = scan();
        // the compose detector: the agent and the server of the stack
        assertThat(inv.jobs()).extracting(Job::id).anyMatch(id -> id.startsWith("prefect-agent-agent-"))
                .anyMatch(id -> id.startsWith("prefect-server-server-"));
        assertThat(findings(inv)).contains(
                // the agent, where its command is
                "PF203 deploy/stack.yml:7",
                // the version detector: the defaults of ${PREFECT_VERSION} in a compose file
                "PF208 deploy/stack.yml:3", "PF208 deploy/stack.yml:6");
        // compose variables: the .env key the stack reads as ${...} is one, renamed with its reference
        assertThat(inv.findings()).filteredOn(f -> f.where().path().equals("deploy/.env")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("is a compose variable here: stack.yml:10 reads it"));
    }

    // the same template reached by extends: from the pipeline's own job, the template file under .gitlab/, included
    // by a file the pipeline includes
    @Test
    void aTemplateTheJobExtendsThroughANestedIncludeNamesItToo() throws IOException {
        write(".gitlab/ci/templates.yml", """
                .compose_deploy:
                  image: docker:24
                  before_script:
                    - cd deploy
                  script:
                    - docker compose -f stack.yml up -d
                """);
        write("ci/all.yml", "include:\n  - local: /.gitlab/ci/templates.yml\n");
        write("ci/deploy.yml", "# not included here\n");
        write(".gitlab-ci.yml", """
                include: ci/all.yml
                deploy:
                  extends: .compose_deploy
                """);
        assertThat(findings(scan())).contains("PF203 deploy/stack.yml:7");
    }

    // the stack sits in infra/prefect, where the job's included base template moves; the compose lines come from
    // another included template through !reference, whose own file would start them in the root
    @Test
    void aReferencedTemplateRunsWhereTheJobsBaseTemplateMoved() throws IOException {
        write("infra/prefect/stack.yml", STACK);
        write(".gitlab/ci/templates.yml", """
                .docker_base:
                  before_script:
                    - cd infra/prefect
                .prefect_stack:
                  script:
                    - docker compose -f stack.yml up -d
                """);
        write(".gitlab-ci.yml", """
                include:
                  - local: '.gitlab/ci/templates.yml'
                deploy-prefect:
                  extends: .docker_base
                  script:
                    - !reference [.prefect_stack, script]
                """);
        assertThat(findings(scan())).contains("PF203 infra/prefect/stack.yml:7").doesNotContain("PF203 deploy/stack.yml:7");
    }

    /** Must not change: a template no pipeline includes runs nothing, so the stack it names is no compose file. */
    @Test
    void aTemplateNothingIncludesNamesNothing() throws IOException {
        write(".gitlab-ci.yml", "stages: [test]\n" + TEST_JOB);
        Inventory inv = scan();
        assertThat(inv.jobs()).isEmpty();
        assertThat(findings(inv)).noneMatch(f -> f.contains("deploy/stack.yml"));
    }

    /**
     * Must not change: another project's file and a remote one are not in the tree and are not read, even where the
     * tree holds a file of the same path; the project's pipeline names no compose file.
     */
    @Test
    void anotherProjectsAndARemoteIncludeAreNotRead() throws IOException {
        write(".gitlab-ci.yml", """
                include:
                  - project: data-platform/ci-templates
                    ref: main
                    file: /ci/deploy.yml
                  - remote: https://gitlab.example.com/shared/ci/deploy.yml
                  - template: Security/SAST.gitlab-ci.yml
                """ + TEST_JOB);
        assertThat(GitlabIncludes.commandFiles(".gitlab-ci.yml", Files.readString(tmp.resolve(".gitlab-ci.yml")),
                p -> read(p))).extracting(GitlabIncludes.CommandFile::path).containsExactly(".gitlab-ci.yml");
        Inventory inv = scan();
        assertThat(inv.jobs()).isEmpty();
        assertThat(findings(inv)).noneMatch(f -> f.contains("deploy/stack.yml"));
    }

    private String read(String path) {
        try {
            return Files.readString(tmp.resolve(path));
        } catch (IOException e) {
            return null;
        }
    }

    private Inventory scan() throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    /** Each finding as its code and place, {@code PF203 deploy/stack.yml:7}. */
    private static List<String> findings(Inventory inv) {
        return inv.findings().stream().map(GitlabIncludedComposeFilesTest::codeAndLine).toList();
    }

    private static String codeAndLine(Finding f) {
        return f.code() + " " + f.where().path() + ":" + f.where().line();
    }

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
