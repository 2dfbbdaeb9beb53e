package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one reading of a GitLab pipeline's YAML ({@link GitlabJobModel}): its jobs and templates with their sections'
 * lines where they are written (an alias's at its anchor, in its own file), a job defined in two files merged with the
 * pipeline's own winning, YAML's merge keys, the items GitLab flattens, and a file with an alias whose anchor another
 * file holds still read.
 */
class GitlabJobModelTest {

    private static List<GitlabJobModel.Place> lines(GitlabJobModel model, String job, String section) {
        return GitlabJobModel.places(model.runs(job, section));
    }

    @Test
    void sectionsAreTheirItemsLinesAnAliasItsAnchorsFlattened() {
        String text = """
                .setup: &setup
                  - cd flows
                  - |
                    pip install -r requirements.txt
                    # a comment in the block

                deploy:
                  before_script:
                    - *setup
                    - echo ready
                  script: *setup
                """;
        GitlabJobModel model = new GitlabJobModel(List.of(text));
        assertThat(lines(model, "deploy", "before_script")).extracting(GitlabJobModel.Place::line)
                .containsExactly(1, 2, 3, 9);
        assertThat(lines(model, "deploy", "script")).extracting(GitlabJobModel.Place::line).containsExactly(1, 2, 3);
        assertThat(model.job("deploy").isAlias("script")).isTrue();
        assertThat(model.job("deploy").isAlias("before_script")).isFalse();
    }

    @Test
    void mergeKeysBringTheAnchoredJobsKeysUnderTheJobsOwn() {
        String text = """
                .defaults: &defaults
                  extends: .base
                  variables:
                    INFRA: kubernetes-job/dev
                  script:
                    - prefect deployment build etl.py:etl -ib $INFRA -a
                .base:
                  variables:
                    POOL: k8s
                deploy:
                  <<: *defaults
                  variables:
                    INFRA: kubernetes-job/prod
                """;
        GitlabJobModel model = new GitlabJobModel(List.of(text));
        assertThat(lines(model, "deploy", "script")).extracting(GitlabJobModel.Place::line).containsExactly(5);
        // YAML's merge is shallow: the job's own variables: replaces the anchor's; extends: (merged in) still deep-merges
        Map<String, GitlabJobModel.Variable> variables = model.variablesOf("deploy");
        assertThat(variables).containsOnlyKeys("POOL", "INFRA");
        assertThat(variables.get("INFRA").written()).isEqualTo("kubernetes-job/prod");
    }

    @Test
    void aJobOfTwoFilesKeepsThePipelinesKeysAndTakesTheOthers() {
        String own = """
                deploy:
                  variables:
                    INFRA: kubernetes-job/prod
                """;
        String included = """
                deploy:
                  variables:
                    INFRA: kubernetes-job/dev
                    POOL: k8s
                  script:
                    - prefect deploy --pool $POOL -ib $INFRA
                """;
        GitlabJobModel model = new GitlabJobModel(List.of(own, included));
        assertThat(model.variablesOf("deploy")).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().written())
                .containsExactly("INFRA=kubernetes-job/prod", "POOL=k8s");
        assertThat(lines(model, "deploy", "script")).containsExactly(new GitlabJobModel.Place(1, 5));
        assertThat(model.job("deploy").place()).isEqualTo(new GitlabJobModel.Place(0, 0));
    }

    // an alias whose anchor only another file defines: YAML of this file reads it as nothing, the rest stays read
    @Test
    void anAliasOfAnotherFilesAnchorLeavesTheRestOfTheFileRead() {
        String text = """
                deploy:
                  before_script: *elsewhere
                  script:
                    - prefect deploy --all
                """;
        GitlabJobModel model = new GitlabJobModel(List.of(text));
        assertThat(lines(model, "deploy", "script")).extracting(GitlabJobModel.Place::line).containsExactly(3);
        assertThat(model.job("deploy").items("before_script")).isEmpty();
        // not YAML at all: no job
        assertThat(new GitlabJobModel(List.of("deploy: [unclosed\n")).jobs()).isEmpty();
    }

    @Test
    void everyVariablesMappingOfAFileAtAnyLevel() {
        String text = """
                variables: {A: one, B: "two"}
                deploy:
                  variables:
                    C: $A/three
                    D:
                      value: four
                  rules:
                    - if: $CI_COMMIT_TAG
                      variables:
                        E: five
                  environment:
                    name: production
                """;
        assertThat(GitlabJobModel.everyVariable(text)).extracting(v -> v.name() + "=" + v.written())
                .containsExactly("A=one", "B=\"two\"", "C=$A/three", "D=null", "E=five");
        // as LiteralVariables reads a GitLab pipeline: C expanded, D set without a value, no `name` from environment:
        List<LiteralVariables.Assignment> ci = LiteralVariables.ci(".gitlab-ci.yml", text);
        assertThat(LiteralVariables.known(ci)).containsEntry("C", "one/three").containsEntry("B", "two")
                .doesNotContainKeys("D", "name");
        assertThat(LiteralVariables.names(ci)).contains("D").doesNotContain("name");
    }
}
