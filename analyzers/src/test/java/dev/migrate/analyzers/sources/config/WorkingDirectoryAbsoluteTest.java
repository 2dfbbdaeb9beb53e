package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An absolute {@code cd}: into the tree where it is a CI checkout, else a directory of the machine, kept by its path
 * so a caller with a file's own record of where it was written can still match it.
 */
class WorkingDirectoryAbsoluteTest {

    private static WorkingDirectory.Line last(WorkingDirectory wd, String... lines) {
        WorkingDirectory.Line line = null;
        for (String l : lines) {
            line = wd.read(l);
        }
        return line;
    }

    @Test
    void anAbsoluteDirectoryOutsideAnyCheckoutIsNoTreeDirectoryButKeepsItsPath() {
        WorkingDirectory.Line line = last(WorkingDirectory.of("scripts/deploy.sh", false),
                "cd /srv/app", "cd flows", "prefect deployment build etl.py:etl -n nightly");
        assertThat(line.at(0)).isEmpty();
        assertThat(line.absoluteAt(0)).isEqualTo("/srv/app/flows");
    }

    @Test
    void theCheckoutsVariableOrPathIsTheTreesRoot() {
        assertThat(last(WorkingDirectory.of("scripts/deploy.sh", false), "cd \"$GITHUB_WORKSPACE/flows\"", "ls").at(0))
                .containsExactly("flows");
        assertThat(last(WorkingDirectory.of(".gitlab-ci.yml", true), "    - cd ${CI_PROJECT_DIR}", "    - ls").at(0))
                .containsExactly("");
        String run = "        run: cd /home/runner/work/etl/etl/flows && prefect deploy --all";
        WorkingDirectory.Line runner = last(WorkingDirectory.of(".github/workflows/d.yml", true), run);
        assertThat(runner.at(run.indexOf("prefect"))).containsExactly("flows");
        assertThat(runner.absoluteAt(run.indexOf("prefect"))).isNull();
    }

    @Test
    void githubsWorkspaceExpressionIsTheCheckoutAndKeepsColumns() {
        String text = "        run: cd ${{ github.workspace }}/flows && prefect deploy --all";
        WorkingDirectory.Line line = WorkingDirectory.of(".github/workflows/d.yml", true).read(text);
        assertThat(line.at(text.indexOf("prefect"))).containsExactly("flows");
        assertThat(line.at(0)).containsExactly("");
    }

    /** A script that set the variable itself means its own value, not the CI's. */
    @Test
    void aCheckoutVariableTheScriptSetIsNotTheCheckout() {
        assertThat(last(WorkingDirectory.of("deploy.sh", false), "WORKSPACE=/opt/ws", "cd $WORKSPACE/flows", "ls").at(0))
                .isEmpty();
    }

    /** A YAML prefix is not the command: {@code run: cd /srv/app} is read as the shell's {@code cd /srv/app}. */
    @Test
    void anAbsoluteCdBehindARunPrefixIsRead() {
        WorkingDirectory wd = WorkingDirectory.of(".github/workflows/d.yml", true);
        WorkingDirectory.Line line = wd.read("      - run: cd /srv/app/flows && prefect deployment build etl.py:etl -n n");
        assertThat(line.absoluteAt(60)).isEqualTo("/srv/app/flows");
    }

    @Test
    void aVariableHomeOrPopdLosesTheAbsoluteDirectory() {
        assertThat(last(WorkingDirectory.of("d.sh", false), "cd /srv/app", "cd \"$APP\"", "ls").absoluteAt(0)).isNull();
        assertThat(last(WorkingDirectory.of("d.sh", false), "cd /srv/app", "cd ~/x", "ls").absoluteAt(0)).isNull();
        assertThat(last(WorkingDirectory.of("d.sh", false), "cd /srv", "cd ../..", "ls").absoluteAt(0)).isNull();
        WorkingDirectory pushd = WorkingDirectory.of("d.sh", false);
        assertThat(last(pushd, "cd /srv/app", "pushd flows", "popd", "ls").absoluteAt(0)).isEqualTo("/srv/app");
    }

    /** Relative directories read as before: a cd into the tree has no absolute path. */
    @Test
    void aRelativeCdKeepsNoAbsolutePath() {
        WorkingDirectory.Line line = last(WorkingDirectory.of("scripts/deploy.sh", false), "cd ../flows", "ls");
        assertThat(line.at(0)).containsExactly("flows");
        assertThat(line.absoluteAt(0)).isNull();
    }

    /** A Makefile recipe line is a shell of its own: its absolute cd does not carry to the next line. */
    @Test
    void aMakefileLinesAbsoluteCdEndsWithTheLine() {
        WorkingDirectory wd = WorkingDirectory.of("ops/Makefile", false);
        assertThat(wd.read("\tcd /srv/app && ls").absoluteAt(20)).isEqualTo("/srv/app");
        WorkingDirectory.Line next = wd.read("\tprefect deploy --all");
        assertThat(next.at(0)).containsExactly("ops");
        assertThat(next.absoluteAt(0)).isNull();
    }

    @Test
    void aStepStartedAtAnAbsoluteDirectory() {
        assertThat(WorkingDirectory.startingAt("/srv/app", true).read("ls").absoluteAt(0)).isEqualTo("/srv/app");
        assertThat(WorkingDirectory.startingAt("/home/runner/work/a/a/flows", true).read("ls").at(0))
                .containsExactly("flows");
    }
}
