package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.prefect2.RewritePrefectCliInShellScripts;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/**
 * A 2.x build line became {@code prefect --no-prompt deploy ENTRYPOINT --name NAME}, which next to a prefect.yaml of
 * exactly one deployment of another name deploys that entry (its schedules, pool, parameters, pull steps) under NAME:
 * the 2.x build read no prefect.yaml. Such a line now reads no deployment file ({@code --prefect-file /dev/null}).
 */
class OnlyEntryDeploysTest implements RewriteTest {
    private static final String ONE_ENTRY = """
            name: etl
            prefect-version: 2.14.2
            deployments:
              - name: hourly
                entrypoint: deploy.py:etl
                work_pool:
                  name: default-pool
                schedule:
                  interval: 3600
            """;
    private static final String TWO_ENTRIES = ONE_ENTRY + """
              - name: weekly
                entrypoint: deploy.py:etl
            """;
    private static final String BUILD = """
            #!/bin/sh
            prefect deployment build deploy.py:etl -n cli-nightly -q default --interval 86400 --apply
            """;
    private static final String DEPLOY = """
            #!/bin/sh
            prefect --no-prompt deploy --pool process-pool deploy.py:etl --name cli-nightly --work-queue default --interval 86400
            """;
    private static final String DEPLOY_READING_NO_FILE = """
            #!/bin/sh
            prefect --no-prompt deploy --pool process-pool deploy.py:etl --name cli-nightly --work-queue default --interval 86400 --prefect-file /dev/null
            """;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RewritePrefectCliInShellScripts());
    }

    @DocumentExample
    @Test
    void nextToAPrefectYamlOfOneOtherDeploymentTheCommandReadsNoDeploymentFile() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> {
                    assertThat(rows).filteredOn(r -> "PF229".equals(r.code())).singleElement().satisfies(r -> {
                        assertThat(r.manual()).isFalse();
                        assertThat(r.message()).contains("`--prefect-file /dev/null`", "prefect.yaml holds one"
                                + " deployment, 'hourly'", "as 'cli-nightly'", "the 2.x build read no prefect.yaml");
                    });
                    // the schedule flags meet no entry of prefect.yaml now: the note that they might is gone
                    assertThat(rows).noneMatch(r -> r.message().contains("run twice"));
                }),
            yaml(ONE_ENTRY, spec -> spec.path("prefect.yaml")),
            text(BUILD, DEPLOY_READING_NO_FILE, spec -> spec.path("scripts/build.sh")));
    }

    /** Must not change: with two entries Prefect picks by name, and none is of this name: it deploys the command's own. */
    @Test
    void twoEntriesAreNotPickedAmong() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .noneMatch(r -> "PF229".equals(r.code()))),
            yaml(TWO_ENTRIES, spec -> spec.path("prefect.yaml")),
            text(BUILD, DEPLOY, spec -> spec.path("scripts/build.sh")));
    }

    @Test
    void withoutAPrefectYamlTheCommandIsTheUsualOne() {
        rewriteRun(text(BUILD, DEPLOY, spec -> spec.path("scripts/build.sh")));
    }

    /** The only entry of the build's own name is this deployment's entry: Prefect deploys it, as the scan merges them. */
    @Test
    void theOnlyEntryOfTheSameNameIsNoTrap() {
        rewriteRun(
            yaml(ONE_ENTRY.replace("hourly", "cli-nightly"), spec -> spec.path("prefect.yaml")),
            text(BUILD, DEPLOY, spec -> spec.path("scripts/build.sh")));
    }

    /**
     * The prefect.yaml read is where the command runs, as the scan reads it: after {@code cd flows}, the file there (two
     * entries), not the root's one-entry file; without the cd, the root's.
     */
    @Test
    void theFileReadIsTheOneWhereTheCommandRuns() {
        rewriteRun(
            yaml(ONE_ENTRY, spec -> spec.path("prefect.yaml")),
            yaml(TWO_ENTRIES, spec -> spec.path("flows/prefect.yaml")),
            text("#!/bin/sh\ncd \"$(dirname \"$0\")/../flows\"\n"
                            + "prefect deployment build deploy.py:etl -n a --apply\n",
                    "#!/bin/sh\ncd \"$(dirname \"$0\")/../flows\"\n"
                            + "prefect --no-prompt deploy --pool process-pool deploy.py:etl --name a\n",
                    spec -> spec.path("ci/flows.sh")),
            text("#!/bin/sh\ncd \"$(dirname \"$0\")/..\"\nprefect deployment build deploy.py:etl -n b --apply\n",
                    "#!/bin/sh\ncd \"$(dirname \"$0\")/..\"\n"
                            + "prefect --no-prompt deploy --pool process-pool deploy.py:etl --name b --prefect-file /dev/null\n",
                    spec -> spec.path("ci/root.sh")));
    }

    /**
     * The file as it will be after the rewrite: a 2.x build output ConvertDeploymentYamlToPrefectYaml moves into this
     * directory's prefect.yaml, there being none, makes it a file of one deployment.
     */
    @Test
    void aBuildOutputMovedIntoPrefectYamlCounts() {
        rewriteRun(
            yaml("""
                    name: other
                    flow_name: etl
                    entrypoint: deploy.py:etl
                    work_queue_name: default
                    infrastructure:
                      type: process
                    """, spec -> spec.path("etl-deployment.yaml")),
            text(BUILD, DEPLOY_READING_NO_FILE, spec -> spec.path("build.sh")));
    }

    /**
     * A 2.10 project's deployment.yaml moves into the prefect.yaml beside it (MoveProjectDeploymentYamlIntoPrefectYaml):
     * its one deployment is the file's only entry after the rewrite.
     */
    @Test
    void aProjectDeploymentYamlMovedIntoPrefectYamlCounts() {
        rewriteRun(
            yaml("name: etl\nprefect-version: 2.10.6\n", spec -> spec.path("prefect.yaml")),
            yaml("""
                    deployments:
                      - name: hourly
                        entrypoint: deploy.py:etl
                    """, spec -> spec.path("deployment.yaml")),
            text(BUILD, DEPLOY_READING_NO_FILE, spec -> spec.path("build.sh")));
    }

    /** Must not change: a build output beside a prefect.yml goes into that file, which `prefect deploy` does not read. */
    @Test
    void aBuildOutputBesideAPrefectYmlIsNotRead() {
        rewriteRun(
            yaml("name: etl\n", spec -> spec.path("prefect.yml")),
            yaml("""
                    name: other
                    flow_name: etl
                    entrypoint: deploy.py:etl
                    infrastructure:
                      type: process
                    """, spec -> spec.path("etl-deployment.yaml")),
            text(BUILD, DEPLOY, spec -> spec.path("build.sh")));
    }

    /**
     * The same build in two scripts, one beside a file of one other deployment: each script's line is read where it
     * runs, so the one there reads no deployment file and the other is the usual command. Before, the words alone
     * could not tell the lines apart and both were left to a person.
     */
    @Test
    void aBuildThatMeetsOneEntryInOneScriptIsEditedThere() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .filteredOn(r -> "PF229".equals(r.code())).singleElement().satisfies(r -> {
                            assertThat(r.manual()).isFalse();
                            assertThat(r.sourcePath()).isEqualTo("jobs/build.sh");
                        })),
            yaml(ONE_ENTRY, spec -> spec.path("jobs/prefect.yaml")),
            text(BUILD, DEPLOY_READING_NO_FILE, spec -> spec.path("jobs/build.sh")),
            text(BUILD, DEPLOY, spec -> spec.path("other/build.sh")));
    }

    /**
     * The same build twice in one script, run in two directories, one beside a file of one other deployment: the
     * words cannot tell the lines apart, so a person adds the option where it runs there.
     */
    @Test
    void aBuildThatOnlySometimesMeetsOneEntryInOneScriptIsLeftToAPerson() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .filteredOn(r -> "PF229".equals(r.code())).hasSize(2).allSatisfy(r -> {
                            assertThat(r.manual()).isTrue();
                            assertThat(r.message()).contains("runs in several places", "jobs/prefect.yaml holds one deployment");
                        })),
            yaml(ONE_ENTRY, spec -> spec.path("jobs/prefect.yaml")),
            text(TWO_PLACES, TWO_PLACES.replace("prefect deployment build deploy.py:etl -n cli-nightly -q default"
                    + " --interval 86400 --apply", "prefect --no-prompt deploy --pool process-pool deploy.py:etl"
                    + " --name cli-nightly --work-queue default --interval 86400"), spec -> spec.path("build.sh")));
    }

    private static final String TWO_PLACES = """
            #!/bin/sh
            cd "$(dirname "$0")/jobs"
            prefect deployment build deploy.py:etl -n cli-nightly -q default --interval 86400 --apply
            cd "$(dirname "$0")/other"
            prefect deployment build deploy.py:etl -n cli-nightly -q default --interval 86400 --apply
            """;

    /**
     * Prefect counts every entry of {@code deployments:}: one without an entrypoint (shared settings) is the file's
     * only entry, which the command would deploy under its name, as the scan reads it (PF229).
     */
    @Test
    void anEntryWithoutAnEntrypointIsTheOnlyEntry() {
        rewriteRun(
            yaml(ONE_ENTRY.replace("    entrypoint: deploy.py:etl\n", ""), spec -> spec.path("prefect.yaml")),
            text(BUILD, DEPLOY_READING_NO_FILE, spec -> spec.path("scripts/build.sh")));
    }

    /** Must not change: an entry without an entrypoint beside another makes two, which Prefect picks among by name. */
    @Test
    void anEntryWithoutAnEntrypointCountsAmongSeveral() {
        rewriteRun(
            yaml(ONE_ENTRY + "  - name: defaults\n    work_pool:\n      name: shared\n", spec -> spec.path("prefect.yaml")),
            text(BUILD, DEPLOY, spec -> spec.path("scripts/build.sh")));
    }

    /** Must not change: a Prefect 3 command its team wrote is theirs (the scan's PF229 says what it deploys). */
    @Test
    void aPrefect3CommandIsLeftAsWritten() {
        rewriteRun(
            yaml(ONE_ENTRY, spec -> spec.path("prefect.yaml")),
            text(DEPLOY, spec -> spec.path("scripts/build.sh")));
    }

    /** Must not change: the rewritten line, run again (a second run changes nothing). */
    @Test
    void theRewrittenLineIsLeftAsItIs() {
        rewriteRun(
            yaml(ONE_ENTRY, spec -> spec.path("prefect.yaml")),
            text(DEPLOY_READING_NO_FILE, spec -> spec.path("scripts/build.sh")));
    }
}
