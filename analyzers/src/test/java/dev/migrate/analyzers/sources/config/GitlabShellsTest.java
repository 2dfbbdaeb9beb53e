package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code .gitlab-ci.yml}'s shells as the runner starts them, read through {@link CiShells} as every reader of
 * pipeline commands does: the directory each line's command runs in.
 */
class GitlabShellsTest {

    /** Replays the file as the command line detector does, and returns the directories line {@code number} runs in. */
    private static List<String> dirsAt(String text, int number) {
        CiShells shells = CiShells.of(".gitlab-ci.yml", text);
        WorkingDirectory wd = WorkingDirectory.of(".gitlab-ci.yml", true);
        String[] lines = text.split("\n", -1);
        WorkingDirectory.Line line = null;
        for (int i = 1; i <= number; i++) {
            wd = shells.at(i, wd);
            line = wd.read(lines[i - 1]);
        }
        return line.at(0);
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = List.of(text.split("\n", -1));
        return lines.indexOf(lines.stream().filter(l -> l.contains(needle)).findFirst().orElseThrow()) + 1;
    }

    private static final String PIPELINE = """
            default:
              image: prefecthq/prefect:2.14-python3.11
              before_script:
                - pip install -r requirements.txt
                - cd flows
            stages: [deploy]
            deploy:
              stage: deploy
              script:
                - prefect deployment build etl.py:etl -n nightly -q etl -a
              after_script:
                - prefect deployment ls
            """;

    @Test
    void theDefaultBeforeScriptsCdIsWhereEachJobStarts() {
        assertThat(dirsAt(PIPELINE, lineOf(PIPELINE, "deployment build"))).containsExactly("flows");
    }

    @Test
    void afterScriptIsAShellOfItsOwnInTheRoot() {
        assertThat(dirsAt(PIPELINE, lineOf(PIPELINE, "deployment ls"))).containsExactly("");
        String moved = PIPELINE.replace("    - prefect deployment build", "    - cd ../deploy\n    - prefect deployment build");
        assertThat(dirsAt(moved, lineOf(moved, "deployment build"))).containsExactly("deploy");
        assertThat(dirsAt(moved, lineOf(moved, "deployment ls"))).containsExactly("");
    }

    @Test
    void aJobsOwnBeforeScriptReplacesTheDefault() {
        String own = PIPELINE.replace("  script:\n", "  before_script:\n    - pip install prefect==2.14.0\n  script:\n");
        assertThat(dirsAt(own, lineOf(own, "deployment build"))).containsExactly("");
    }

    @Test
    void aJobThatTurnsTheDefaultOffStartsInTheRoot() {
        String off = PIPELINE.replace("  stage: deploy\n", "  stage: deploy\n  inherit:\n    default: false\n");
        assertThat(dirsAt(off, lineOf(off, "deployment build"))).containsExactly("");
        String others = PIPELINE.replace("  stage: deploy\n", "  stage: deploy\n  inherit:\n    default: [image]\n");
        assertThat(dirsAt(others, lineOf(others, "deployment build"))).containsExactly("");
        String kept = PIPELINE.replace("  stage: deploy\n", "  stage: deploy\n  inherit:\n    default: [before_script]\n");
        assertThat(dirsAt(kept, lineOf(kept, "deployment build"))).containsExactly("flows");
    }

    @Test
    void theOlderTopLevelBeforeScriptIsTheDefaultToo() {
        String text = """
                before_script:
                  - cd "$CI_PROJECT_DIR/flows"
                deploy:
                  script:
                    - prefect deployment build etl.py:etl -n nightly -a
                """;
        assertThat(dirsAt(text, lineOf(text, "deployment build"))).containsExactly("flows");
    }

    /** Lists written at their key's indentation, as many pipelines do: the same shells. */
    @Test
    void listItemsAtTheKeysIndentationAreTheKeys() {
        String text = """
                default:
                  before_script:
                  - cd flows
                deploy:
                  script:
                  - cd ../deploy
                  - prefect deployment build etl.py:etl -n nightly -a
                  after_script:
                  - prefect deployment ls
                """;
        assertThat(dirsAt(text, lineOf(text, "deployment build"))).containsExactly("deploy");
        assertThat(dirsAt(text, lineOf(text, "deployment ls"))).containsExactly("");
    }

    /** Without a default before_script, a job starts in the root and its cd stays in it, as before. */
    @Test
    void withoutADefaultEachJobStartsInTheRoot() {
        String text = """
                lint:
                  script:
                    - cd flows
                    - ruff check .
                deploy:
                  script:
                    - prefect deployment build etl.py:etl -n nightly -a
                """;
        assertThat(dirsAt(text, lineOf(text, "ruff"))).containsExactly("flows");
        assertThat(dirsAt(text, lineOf(text, "deployment build"))).containsExactly("");
    }

    // a public pipeline keeps its setup in a hidden template (.prefect_base: before_script: cd flows) and deploys from
    // a job that extends a second template extending the first: the deploy ran in flows/, the scan placed it in the root
    @Test
    void aBeforeScriptTakenThroughExtendsIsWhereTheScriptStarts() {
        String pipeline = """
                default:
                  before_script:
                    - cd elsewhere
                .prefect_base:
                  image: python:3.11
                  before_script:
                    - pip install prefect
                    - cd flows
                .auth:
                  variables:
                    KEY: x
                .deploy_template:
                  extends: .prefect_base
                  script:
                    - prefect deployment build etl.py:etl -n nightly -a
                deploy-prod:
                  extends:
                    - .deploy_template
                    - .auth
                  script:
                    - prefect deployment build report.py:report -n report -a
                own:
                  extends: [.prefect_base]
                  before_script:
                    - cd jobs
                  script:
                    - prefect deployment build own.py:own -n own -a
                plain:
                  script:
                    - prefect deployment build plain.py:plain -n plain -a
                """;
        assertThat(dirsAt(pipeline, lineOf(pipeline, "etl.py"))).containsExactly("flows");
        assertThat(dirsAt(pipeline, lineOf(pipeline, "report.py"))).containsExactly("flows");
        assertThat(dirsAt(pipeline, lineOf(pipeline, "own.py"))).containsExactly("jobs");
        assertThat(dirsAt(pipeline, lineOf(pipeline, "plain.py"))).containsExactly("elsewhere");
    }

    @Test
    void aLoopOfTemplatesEndsInTheDefault() {
        String pipeline = """
                .a:
                  extends: .b
                .b:
                  extends: .a
                job:
                  extends: .a
                  script:
                    - prefect deployment build x.py:x -n x -a
                """;
        assertThat(dirsAt(pipeline, lineOf(pipeline, "x.py"))).containsExactly("");
    }

    // GitLab's own ways to share setup lines: !reference items and YAML anchors; the cd in them was not followed
    @Test
    void aBeforeScriptMadeOfReferencesOrAnAliasStartsWhereThoseLinesLeaveIt() {
        String pipeline = """
                .setup: &setup
                  - pip install prefect
                  - cd flows
                .prep:
                  script:
                    - cd flows
                .auth:
                  before_script:
                    - !reference [.prep, script]
                    - cd ../deploy
                referenced:
                  before_script:
                    - !reference [.auth, before_script]
                    - echo ready
                  script:
                    - prefect deployment build a.py:a -n a -a
                aliased:
                  before_script: *setup
                  script:
                    - prefect deployment build b.py:b -n b -a
                both:
                  extends: .auth
                  script:
                    - prefect deployment build c.py:c -n c -a
                """;
        assertThat(dirsAt(pipeline, lineOf(pipeline, "a.py"))).containsExactly("deploy");
        assertThat(dirsAt(pipeline, lineOf(pipeline, "b.py"))).containsExactly("flows");
        assertThat(dirsAt(pipeline, lineOf(pipeline, "c.py"))).containsExactly("deploy");
    }
    // GitLab replaces a list whole: the job's own before_script runs, not the template's, and then the script it takes
    // through extends:, so that script starts where the job's own before_script left it (it ran in deploy/, the scan
    // read it in the template's jobs/)
    @Test
    void aScriptTakenThroughExtendsStartsAfterTheJobsOwnBeforeScript() {
        String pipeline = """
                default:
                  before_script:
                    - cd elsewhere
                .compose-deploy:
                  image: docker:24
                  before_script:
                    - cd jobs
                  script:
                    - docker compose -f stack.yml up -d
                .prefect-deploy:
                  script:
                    - prefect deploy --all
                .chained:
                  extends: .prefect-deploy
                deploy-stack:
                  extends: .compose-deploy
                  before_script:
                    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"
                    - cd deploy
                deploy-flows:
                  extends: [.chained]
                  before_script:
                    - cd flows
                """;
        assertThat(dirsAt(pipeline, lineOf(pipeline, "stack.yml"))).containsExactly("deploy");
        assertThat(dirsAt(pipeline, lineOf(pipeline, "deploy --all"))).containsExactly("flows");
        // a job that takes the template's before_script too runs both: the script starts in jobs/
        String inherited = pipeline.replace("""
                  before_script:
                    - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"
                    - cd deploy
                """, "  stage: deploy\n");
        assertThat(dirsAt(inherited, lineOf(inherited, "stack.yml"))).containsExactly("jobs");
        // a job without any before_script takes the default's: elsewhere/
        String plain = pipeline.replace("    - cd flows\n", "    - echo deploying\n").replace("  before_script:\n    - echo deploying\n", "");
        assertThat(dirsAt(plain, lineOf(plain, "deploy --all"))).containsExactly("elsewhere");
    }

    /** Must not change: a job with a script of its own does not run the template's, whose lines keep its own start. */
    @Test
    void aJobWithItsOwnScriptLeavesTheTemplatesLinesWhereTheyStart() {
        String pipeline = """
                .compose-deploy:
                  before_script:
                    - cd jobs
                  script:
                    - docker compose -f stack.yml up -d
                deploy-stack:
                  extends: .compose-deploy
                  before_script:
                    - cd deploy
                  script:
                    - docker compose -f other.yml up -d
                """;
        assertThat(dirsAt(pipeline, lineOf(pipeline, "stack.yml"))).containsExactly("jobs");
        assertThat(dirsAt(pipeline, lineOf(pipeline, "other.yml"))).containsExactly("deploy");
    }
}
