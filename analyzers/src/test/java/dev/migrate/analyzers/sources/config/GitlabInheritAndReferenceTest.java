package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GitLab's {@code inherit:} and {@code !reference} as the pipeline's job model reads them ({@link GitlabJobModel}):
 * {@code inherit: variables: false} keeps the pipeline's top-level variables out of a job, {@code [A, B]} lets only
 * those in, {@code inherit: default:} keeps the default before_script out (also set on a template the job extends);
 * {@code variables: !reference [.vars, variables]} (or one entry's {@code !reference [.vars, variables, NAME]}) and a
 * whole {@code script: !reference [.tmpl, script]} bring in another job's keys.
 */
class GitlabInheritAndReferenceTest {

    private static Map<String, String> knownAt(String pipeline, String needle) {
        return LiteralVariables.known(GitlabJobVariables.ofPipeline(".gitlab-ci.yml", pipeline, null).at(lineOf(pipeline, needle)));
    }

    private static java.util.Set<String> namesAt(String pipeline, String needle) {
        return LiteralVariables.names(GitlabJobVariables.ofPipeline(".gitlab-ci.yml", pipeline, null).at(lineOf(pipeline, needle)));
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = List.of(text.split("\n", -1));
        return lines.indexOf(lines.stream().filter(l -> l.contains(needle)).findFirst().orElseThrow()) + 1;
    }

    private static final String GLOBALS = """
            variables:
              INFRA: kubernetes-job/prod
              POOL: k8s
            """;

    @Test
    void inheritVariablesFalseLeavesThePipelinesVariablesOut() {
        String pipeline = GLOBALS + """
                deploy:
                  inherit:
                    variables: false
                  script:
                    - prefect deploy --pool $POOL -ib $INFRA
                """;
        assertThat(namesAt(pipeline, "prefect deploy")).doesNotContain("INFRA", "POOL");
        // without inherit: both
        String plain = pipeline.replace("  inherit:\n    variables: false\n", "");
        assertThat(knownAt(plain, "prefect deploy")).containsEntry("INFRA", "kubernetes-job/prod").containsEntry("POOL", "k8s");
    }

    @Test
    void inheritVariablesListedTakesOnlyThose() {
        String pipeline = GLOBALS + """
                deploy:
                  inherit:
                    variables: [POOL]
                  script:
                    - prefect deploy --pool $POOL -ib $INFRA
                """;
        assertThat(knownAt(pipeline, "prefect deploy")).containsEntry("POOL", "k8s").doesNotContainKey("INFRA");
        assertThat(namesAt(pipeline, "prefect deploy")).doesNotContain("INFRA");
    }

    // inherit: is merged through extends: as any key; the job's own variables still count
    @Test
    void inheritOnATemplateCountsForTheJobsThatExtendIt() {
        String pipeline = GLOBALS + """
                .isolated:
                  inherit:
                    variables: false
                deploy:
                  extends: .isolated
                  variables:
                    POOL: own-pool
                  script:
                    - prefect deploy --pool $POOL -ib $INFRA
                """;
        assertThat(knownAt(pipeline, "prefect deploy")).containsEntry("POOL", "own-pool").doesNotContainKey("INFRA");
    }

    // the default before_script's cd does not move a job that does not inherit it, set on its template
    @Test
    void inheritDefaultOnATemplateKeepsTheDefaultBeforeScriptOut() {
        String pipeline = """
                default:
                  before_script:
                    - cd flows
                .no_default:
                  inherit:
                    default: [image]
                deploy:
                  extends: .no_default
                  script:
                    - prefect deployment build etl.py:etl -n nightly -a
                other:
                  script:
                    - prefect deployment build other.py:other -n nightly -a
                """;
        assertThat(dirsAt(pipeline, lineOf(pipeline, "etl.py"))).containsExactly("");
        assertThat(dirsAt(pipeline, lineOf(pipeline, "other.py"))).containsExactly("flows");
    }

    // a job that does not inherit the default before_script does not run its lines with its variables
    @Test
    void theDefaultBeforeScriptRunsOnlyInTheJobsThatInheritIt() {
        String pipeline = """
                default:
                  before_script:
                    - prefect work-pool create $POOL --type kubernetes
                a:
                  variables:
                    POOL: pool-a
                  script:
                    - echo a
                b:
                  inherit:
                    default: false
                  variables:
                    POOL: pool-b
                  script:
                    - echo b
                """;
        assertThat(GitlabJobVariables.ofPipeline(".gitlab-ci.yml", pipeline, null).jobsAt(lineOf(pipeline, "work-pool")))
                .containsOnlyKeys("a");
        assertThat(knownAt(pipeline, "work-pool")).containsEntry("POOL", "pool-a");
    }

    @Test
    void variablesReferencedFromATemplateAreTheJobs() {
        String pipeline = """
                .vars:
                  variables:
                    INFRA: kubernetes-job/prod
                    POOL: k8s
                deploy:
                  variables: !reference [.vars, variables]
                  script:
                    - prefect deploy --pool $POOL -ib $INFRA
                one:
                  variables:
                    INFRA: !reference [.vars, variables, INFRA]
                  script:
                    - prefect deployment build etl.py:etl -ib $INFRA -a
                """;
        assertThat(knownAt(pipeline, "prefect deploy")).containsEntry("INFRA", "kubernetes-job/prod").containsEntry("POOL", "k8s");
        assertThat(knownAt(pipeline, "deployment build")).containsEntry("INFRA", "kubernetes-job/prod").doesNotContainKey("POOL");
    }

    // a whole script: that is a !reference runs the template's lines, with the job's variables
    @Test
    void aScriptThatIsAReferenceRunsTheTemplatesLines() {
        String pipeline = """
                .deploy:
                  variables:
                    INFRA: kubernetes-job/dev
                  script:
                    - prefect deployment build etl.py:etl -ib $INFRA -a
                deploy:prod:
                  variables:
                    INFRA: kubernetes-job/prod
                  script: !reference [.deploy, script]
                """;
        assertThat(GitlabJobVariables.ofPipeline(".gitlab-ci.yml", pipeline, null).jobsAt(lineOf(pipeline, "deployment build")))
                .containsOnlyKeys("deploy:prod");
        assertThat(knownAt(pipeline, "deployment build")).containsEntry("INFRA", "kubernetes-job/prod");
        String moved = """
                .setup:
                  script:
                    - cd flows
                deploy:
                  before_script: !reference [.setup, script]
                  script:
                    - prefect deployment build etl.py:etl -n nightly -a
                """;
        assertThat(dirsAt(moved, lineOf(moved, "deployment build"))).containsExactly("flows");
    }

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
}
