package dev.migrate.recipes.prefectcli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code --override command=...} of a 2.x {@code prefect deployment build}: Prefect 3's {@code command} job variable
 * is one shell-quoted string, as the 2.x override's text already was.
 */
class CommandOverridesTest {
    private static ShellRewrite rw(String text) {
        return PrefectCommandRewriter.rewrite(text, CliOptions.DEFAULT);
    }

    // 2.x kept the value as text and the worker split it with shlex, as Prefect 3's workers do: nothing to change
    @Test
    void aCommandStringStaysAsWritten() {
        ShellRewrite r = rw("prefect deployment build flows/etl.py:etl -n nightly -p etl"
                + " --override command=\"python -m prefect.engine --log-level 'DEBUG'\" -a");
        assertThat(r.text()).isEqualTo("prefect --no-prompt deploy flows/etl.py:etl --name nightly --pool etl"
                + " --job-variable command=\"python -m prefect.engine --log-level 'DEBUG'\"");
        assertThat(r.manual()).isFalse();
        assertThat(r.notes()).noneMatch(n -> n.contains("command"));
        // an expansion stays a string, whatever the variable holds
        assertThat(rw("prefect deployment build a.py:f -n x -p etl --override \"command=$RUN_CMD\" -a").text())
                .isEqualTo("prefect --no-prompt deploy a.py:f --name x --pool etl --job-variable \"command=$RUN_CMD\"");
    }

    // a Makefile wrote the command as the block's list of words; 2.x passed the text on, and the worker ran
    // `[python,` with `"-m",` ... as its arguments
    @Test
    void aJsonListOfWordsBecomesOneShellQuotedString() {
        ShellRewrite r = rw("prefect deployment build flows/etl.py:etl -n nightly -p etl"
                + " --override 'command=[\"python\", \"-m\", \"prefect.engine\", \"--note\", \"two words\"]' -a");
        assertThat(r.text()).isEqualTo("prefect --no-prompt deploy flows/etl.py:etl --name nightly --pool etl"
                + " --job-variable 'command=python -m prefect.engine --note '\\''two words'\\'''");
        assertThat(r.manual()).isFalse();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("PF201: the override `command` [") && n.contains("JSON list of words")
                && n.contains("(python -m prefect.engine --note 'two words')"));
        assertThat(rw("prefect deployment build a.py:f -n x -p etl --override=command='[\"python\",\"flow.py\"]' -a").text())
                .isEqualTo("prefect --no-prompt deploy a.py:f --name x --pool etl '--job-variable=command=python flow.py'");
    }

    @Test
    void aListWhoseWordsCannotBeReadIsLeftToAPerson() {
        ShellRewrite expanded = rw("prefect deployment build a.py:f -n x -p etl --override \"command=[\\\"python\\\", \\\"$FLOW\\\"]\" -a");
        assertThat(expanded.text()).contains("--job-variable \"command=[\\\"python\\\", \\\"$FLOW\\\"]\"");
        assertThat(expanded.manual()).isTrue();
        assertThat(expanded.notes()).anyMatch(n -> n.contains("the override's `command`") && n.contains("by hand"));
        ShellRewrite numbers = rw("prefect deployment build a.py:f -n x -p etl --override 'command=[\"sleep\", 5]' -a");
        assertThat(numbers.manual()).isTrue();
        assertThat(numbers.text()).contains("--job-variable 'command=[\"sleep\", 5]'");
    }

    // `command.2=flows/etl.py` addressed a word of the block's list, which 2.x could not set; nested as JSON it
    // would have become a mapping, which the command job variable is not
    @Test
    void aPathIntoTheCommandIsDroppedForAPerson() {
        ShellRewrite r = rw("prefect deployment build a.py:f -n x -p etl --override command.2=flows/etl.py"
                + " --override env.MODE=full -a");
        assertThat(r.text()).isEqualTo("prefect --no-prompt deploy a.py:f --name x --pool etl"
                + " --job-variable '{\"env\":{\"MODE\":\"full\"}}'");
        assertThat(r.manual()).isTrue();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("PF201: dropped the override command.2=flows/etl.py"));
    }

    @Test
    void otherOverridesAndPrefect3DeploysAreUnchanged() {
        assertThat(rw("prefect deployment build a.py:f -n x -p etl --override image=etl:4 --override commands=[\"x\"] -a").text())
                .isEqualTo("prefect --no-prompt deploy a.py:f --name x --pool etl --job-variable image=etl:4"
                        + " --job-variable commands=[\"x\"]");
        String deploy = "prefect deploy a.py:f --name x --pool etl --job-variable 'command=[\"python\", \"f.py\"]'";
        assertThat(rw(deploy).text()).isEqualTo(deploy);
    }
}
